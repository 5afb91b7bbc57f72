/**
 * AWS Lambda resources, the model boto3 never had: `new Lambda()`, `LambdaFunction`
 * (`lambda.Function(name)`), `FunctionVersion`, `Alias`, `Layer`, `LayerVersion`,
 * `EventSourceMapping`, their collections and waiters, and a JSON `invoke`.
 *
 * @example
 * ```ts
 * import { Lambda } from 'aws-resources/lambda';
 * const fn = new Lambda().Function('resize');
 * const { payload } = await fn.invoke({ Payload: { width: 100 } });
 * ```
 *
 * @module aws-resources/lambda
 * @packageDocumentation
 */
export * from './generated/index.js';
export {
  FunctionInvocationError,
  InvokePayloadError,
  type InvokeOptions,
  type InvokeParams,
  type InvokePayload,
  type InvokeResult,
  type InvokeTarget,
} from './invoke.js';
export type { JsonValue } from '../../core/index.js';
export type { UpdateCodeParams } from './function.js';
export type { QualifiedInvokeParams } from './function-version.js';
export type { LayerContent, PublishLayerVersionParams } from './layer.js';
export type { CreateFunctionCode, CreateFunctionParams, PublishLayerParams } from './service.js';
export type { PackageInput, ZipSource } from './zip.js';
export { zipFiles, type PackageFiles } from './zip-files.js';
export type { BatchActionOptions, RequestOptions, WaiterOptions } from '../../core/index.js';
