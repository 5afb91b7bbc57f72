/**
 * The resource engine: what generated classes and service customisations build on.
 *
 * @packageDocumentation
 */
export { Resource, type ResourceMeta, type ResourceJSON } from './resource.js';
export {
  ServiceResource,
  resolveClient,
  type ClientSource,
  type RestoredType,
  type ServiceMeta,
  type ServiceOptions,
} from './service-resource.js';
export { ServiceModel, type OperationRegistry, type ResourceClass } from './service-model.js';
export type { RequestOptions } from './request.js';
export type { WaiterOptions } from './waiter.js';
export type { ActionParams } from './action-params.js';
export {
  AwsResourcesError,
  AbortError,
  BatchActionError,
  DefinitionError,
  IdentifierError,
  ParamValidationError,
  ResourceNotFoundError,
  ResourceNotLoadableError,
} from './errors.js';
export type * from './definition-types.js';
/** @internal Helpers of the compiled paths in generated models. */
export {
  and,
  equal,
  field,
  flatten,
  index,
  join,
  multiselect,
  or,
  project,
  select,
  truthy,
  whole,
  type Path,
  type PathVariables,
} from './accessors.js';
export { Collection, type BatchActionOptions } from '../collections/collection.js';
export {
  CollectionManager,
  type CollectionItem,
  type CollectionParams,
} from '../collections/collection-manager.js';
