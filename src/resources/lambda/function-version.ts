import type { InvokeCommandOutput } from '@aws-sdk/client-lambda';
import { FunctionVersion$invoke, FunctionVersionBase } from './generated/function-version.js';
import {
  invokeWithCodec,
  type InvokeOptions,
  type InvokeParams,
  type InvokeResult,
} from './invoke.js';
import { runAction } from '../../core/index.js';

/**
 * The params of `invoke` on a version or alias: the qualifier is filled by the resource.
 *
 * @public
 */
export type QualifiedInvokeParams = InvokeParams<'FunctionName' | 'Qualifier'>;

/**
 * A published version of a function (`fn.Version('3')`, `await fn.publishVersion()`): its
 * configuration, a JSON `invoke` of exactly this version, `createAlias`, `delete` and waiters.
 *
 * @example
 * ```ts
 * const v = await fn.publishVersion();
 * await v.waitUntilActive({ minDelay: 1 });
 * const { payload } = await v.invoke({ Payload: { id: 1 } });
 * ```
 *
 * @public
 */
export class FunctionVersion extends FunctionVersionBase {
  /**
   * Invokes this version (`Qualifier` is the version) with a JSON event and decodes its JSON
   * result; see `LambdaFunction.invoke`.
   *
   * @param params - the Invoke input without `FunctionName` and `Qualifier`
   * @param options - `abortSignal`; `raw: true` resolves to the v3 output, undecoded and never raising
   * @example
   * ```ts
   * const { payload } = await fn.Version('3').invoke({ Payload: { id: 1 } });
   * ```
   */
  invoke(
    params: QualifiedInvokeParams | undefined,
    options: InvokeOptions & { readonly raw: true },
  ): Promise<InvokeCommandOutput>;
  invoke(
    params: QualifiedInvokeParams & { readonly InvocationType: 'Event' | 'DryRun' },
    options?: InvokeOptions & { readonly raw?: false },
  ): Promise<InvokeCommandOutput>;
  invoke<T = unknown>(
    params?: QualifiedInvokeParams,
    options?: InvokeOptions & { readonly raw?: false },
  ): Promise<InvokeResult<T>>;
  invoke(params?: QualifiedInvokeParams, options?: InvokeOptions): Promise<unknown> {
    return invokeWithCodec(
      (p, o) => runAction(this, FunctionVersion$invoke, p, o),
      params,
      options,
      { functionName: this.functionName, qualifier: this.version },
      'FunctionVersion.invoke',
    );
  }
}
