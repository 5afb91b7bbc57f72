import type {
  CreateFunctionCommandInput,
  FunctionCode,
  PublishLayerVersionCommandInput,
} from '@aws-sdk/client-lambda';
import { runAction, type RequestOptions } from '../../core/index.js';
import type { LambdaFunction } from './function.js';
import {
  Lambda$createFunction,
  Lambda$publishLayerVersion,
  LambdaBase,
} from './generated/service.js';
import type { LayerVersion } from './generated/layer-version.js';
import type { LayerContent } from './layer.js';
import { withZipBytes, type PackageInput } from './zip.js';

/**
 * A function's code, with `ZipFile` as bytes or the path of a `.zip` file, or `files` to zip.
 *
 * @public
 */
export type CreateFunctionCode = PackageInput<FunctionCode>;

/**
 * The params of `createFunction`: the CreateFunction input, `Code.ZipFile` as bytes or a path.
 *
 * @public
 */
export type CreateFunctionParams = Omit<CreateFunctionCommandInput, 'Code'> & {
  readonly Code: CreateFunctionCode;
};

/**
 * The params of `publishLayerVersion`: the PublishLayerVersion input, `Content.ZipFile` as bytes or a path.
 *
 * @public
 */
export type PublishLayerParams = Omit<PublishLayerVersionCommandInput, 'Content'> & {
  readonly Content: LayerContent;
};

/**
 * The entry to AWS Lambda: `createFunction`, `publishLayerVersion`,
 * `createEventSourceMapping`, the `Function`, `Layer` and `EventSourceMapping` factories and
 * the `functions`, `layers` and `eventSourceMappings` collections.
 *
 * @example
 * ```ts
 * const lambda = new Lambda({ region: 'us-east-1' }); // or new Lambda({ client })
 * const fn = await lambda.createFunction({
 *   FunctionName: 'resize', Role: roleArn, Runtime: 'nodejs20.x', Handler: 'index.handler',
 *   Code: { ZipFile: './dist/resize.zip' },
 * });
 * ```
 *
 * @public
 */
export class Lambda extends LambdaBase {
  /**
   * Sends `CreateFunction`. `Code.ZipFile` may be the package's bytes or a path to a `.zip`
   * file, read before any request; or give `Code.files` (path → text or bytes), zipped here.
   *
   * @param params - the CreateFunction input
   * @param options - `abortSignal` cancels the request
   * @returns the new function, with the response as its data
   * @example
   * ```ts
   * const fn = await lambda.createFunction({
   *   FunctionName: 'resize', Role: roleArn, Runtime: 'nodejs20.x', Handler: 'index.handler',
   *   Code: { files: { 'index.mjs': 'export const handler = async (e) => e;' } },
   * });
   * ```
   */
  async createFunction(
    params: CreateFunctionParams,
    options?: RequestOptions,
  ): Promise<LambdaFunction> {
    const withBytes = await withZipBytes(params, 'Code', 'Lambda.createFunction');
    return runAction(this, Lambda$createFunction, withBytes, options) as Promise<LambdaFunction>;
  }

  /**
   * Sends `PublishLayerVersion`. `Content.ZipFile` may be bytes or a path to a `.zip` file,
   * read before any request.
   *
   * @param params - the PublishLayerVersion input
   * @param options - `abortSignal` cancels the request
   * @returns the new layer version, with the response as its data
   * @example
   * ```ts
   * const v = await lambda.publishLayerVersion({ LayerName: 'libs', Content: { ZipFile: './layer.zip' } });
   * ```
   */
  async publishLayerVersion(
    params: PublishLayerParams,
    options?: RequestOptions,
  ): Promise<LayerVersion> {
    const withBytes = await withZipBytes(params, 'Content', 'Lambda.publishLayerVersion');
    return runAction(this, Lambda$publishLayerVersion, withBytes, options) as Promise<LayerVersion>;
  }
}
