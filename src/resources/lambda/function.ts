import type {
  InvokeCommandOutput,
  UpdateFunctionCodeCommandInput,
  UpdateFunctionCodeCommandOutput,
} from '@aws-sdk/client-lambda';
import { runAction, type ActionParams, type RequestOptions } from '../../core/index.js';
import {
  LambdaFunction$invoke,
  LambdaFunction$updateCode,
  LambdaFunctionBase,
} from './generated/function.js';
import {
  invokeWithCodec,
  type InvokeOptions,
  type InvokeParams,
  type InvokeResult,
} from './invoke.js';
import { withZipBytes, type PackageInput } from './zip.js';

/**
 * The params of `updateCode`: the UpdateFunctionCode input, with `ZipFile` as bytes or a
 * path, or `files` to zip.
 *
 * @public
 */
export type UpdateCodeParams = PackageInput<
  ActionParams<UpdateFunctionCodeCommandInput, 'FunctionName'>
>;

/**
 * A Lambda function (boto3 never had one): identifier `name`, attributes from
 * GetFunctionConfiguration (loaded once, on first read), a JSON `invoke`, code and
 * configuration updates, versions, aliases, permissions, concurrency, tags and waiters.
 *
 * @example
 * ```ts
 * const fn = new Lambda().Function('resize');
 * const { payload } = await fn.invoke({ Payload: { width: 100 } });
 * ```
 *
 * @public
 */
export class LambdaFunction extends LambdaFunctionBase {
  /**
   * Invokes the function with a JSON event and decodes its JSON result. A function error
   * raises `FunctionInvocationError`; `LogType: 'Tail'` gives the decoded `logs`.
   * `InvocationType: 'Event'` (or `'DryRun'`) resolves to the status only.
   *
   * @param params - the Invoke input without `FunctionName`; `Payload` is any JSON value (bytes pass as they are)
   * @param options - `abortSignal`; `raw: true` resolves to the v3 output, undecoded and never raising
   * @example
   * ```ts
   * const { payload, logs } = await fn.invoke<{ ok: boolean }>({ Payload: { id: 1 }, LogType: 'Tail' });
   * const { StatusCode } = await fn.invoke({ Payload: { id: 2 }, InvocationType: 'Event' }); // 202
   * ```
   */
  invoke(
    params: InvokeParams | undefined,
    options: InvokeOptions & { readonly raw: true },
  ): Promise<InvokeCommandOutput>;
  invoke(
    params: InvokeParams & { readonly InvocationType: 'Event' | 'DryRun' },
    options?: InvokeOptions & { readonly raw?: false },
  ): Promise<InvokeCommandOutput>;
  invoke<T = unknown>(
    params?: InvokeParams,
    options?: InvokeOptions & { readonly raw?: false },
  ): Promise<InvokeResult<T>>;
  invoke(params?: InvokeParams, options?: InvokeOptions): Promise<unknown> {
    return invokeWithCodec(
      (p, o) => runAction(this, LambdaFunction$invoke, p, o),
      params,
      options,
      { functionName: this.name },
      'LambdaFunction.invoke',
    );
  }

  /**
   * Sends `UpdateFunctionCode`. `ZipFile` may be the package's bytes or a path to a `.zip`
   * file, read before any request; or give `files` (path → text or bytes), zipped here. The
   * response becomes the function's data (forgotten instead with `Publish`: the response then
   * describes the new version).
   *
   * @param params - the UpdateFunctionCode input without `FunctionName`
   * @param options - `abortSignal` cancels the request
   * @example
   * ```ts
   * await fn.updateCode({ ZipFile: './dist/fn.zip', Publish: true });
   * await fn.updateCode({ files: { 'index.mjs': 'export const handler = async () => 2;' } });
   * ```
   */
  async updateCode(
    params: UpdateCodeParams,
    options?: RequestOptions,
  ): Promise<UpdateFunctionCodeCommandOutput> {
    const withBytes = await withZipBytes(params, undefined, 'LambdaFunction.updateCode');
    // With Publish, the response describes the version it made, not $LATEST: the function's
    // data is then forgotten rather than replaced.
    const spec = params?.Publish
      ? { ...LambdaFunction$updateCode, data: undefined }
      : LambdaFunction$updateCode;
    return runAction(this, spec, withBytes, options) as Promise<UpdateFunctionCodeCommandOutput>;
  }
}
