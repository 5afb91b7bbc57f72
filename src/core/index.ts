/**
 * The extension API (`aws-resources/extension`): what generated classes are made of, for
 * people who generate classes from definitions of their own. It holds the base classes, the
 * descriptor types (`ActionSpec`, `HasSpec`, ...), the engine functions generated members call
 * (`runAction`, `readAttribute`, `collectionOf`, ...) and the helpers of compiled paths.
 * Applications import services from their entry points (`aws-resources/s3`) and shared names
 * from `aws-resources`; this subpath is versioned on its own terms: see docs/model.md.
 *
 * @module aws-resources/extension
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
export type * from './descriptors.js';
export {
  collectionOf,
  forgetData,
  readAttribute,
  readReference,
  runAction,
  subResource,
  waitFor,
} from './members.js';
export { abortErrorOf, clientFor, sendRequest, signalOf } from './request.js';
export { sleep } from './sleep.js';
export { LIBRARY_USER_AGENT, libraryClient, withLibraryUserAgent } from './user-agent.js';
export { OWNER, type HasOwner, type Owner } from './owner.js';
export type { ParamContext, Params } from './params.js';
export type { CollectionSource } from '../collections/collection-source.js';
export type * from './definition-types.js';
export { construct } from './resource-builder.js';
export type { RequestOptions } from './request.js';
export type { WaiterOptions } from './waiter.js';
export type { ActionParams } from './action-params.js';
export { jsonProblem, type JsonValue } from './json-value.js';
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
/** Helpers of the compiled paths in generated descriptors. */
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
export {
  Collection,
  queryOf,
  CODEC,
  codecOf,
  resume,
  responsesOf,
  runBatch,
  type BatchActionOptions,
  type CollectionClass,
  type CollectionQuery,
  type CollectionState,
} from '../collections/collection.js';
export {
  CollectionManager,
  type CollectionItem,
  type CollectionParams,
} from '../collections/collection-manager.js';
export type {
  Checkpointable,
  CollectionCheckpoint,
  CollectionIterator,
  CollectionJSON,
  CollectionPages,
  CollectionPosition,
} from '../collections/checkpoint.js';
export type { ValueCodec } from '../collections/checkpoint-values.js';
export { parallelItems, type ParallelOptions } from '../collections/parallel.js';
