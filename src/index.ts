/**
 * aws-resources: object-oriented, typed resources on the AWS SDK for JavaScript v3.
 * Services live in their own entry points (`aws-resources/s3`); this one holds what they
 * share: the `Session`, the errors, the base classes of resources and collections, and the
 * option types. The engine itself is the extension API, `aws-resources/extension`.
 *
 * @module aws-resources
 * @packageDocumentation
 */
export {
  Resource,
  type ResourceMeta,
  type ResourceJSON,
  ServiceResource,
  type ClientSource,
  type RestoredType,
  type ServiceMeta,
  type ServiceOptions,
  type RequestOptions,
  type WaiterOptions,
  type ActionParams,
  AwsResourcesError,
  AbortError,
  BatchActionError,
  DefinitionError,
  IdentifierError,
  ParamValidationError,
  ResourceNotFoundError,
  ResourceNotLoadableError,
  Collection,
  type BatchActionOptions,
  CollectionManager,
  type CollectionItem,
  type CollectionParams,
  type Checkpointable,
  type CollectionCheckpoint,
  type CollectionIterator,
  type CollectionJSON,
  type CollectionPages,
  type CollectionPosition,
} from './core/index.js';
export {
  Session,
  type SessionClientConfig,
  type SessionJSON,
  type SessionOptions,
} from './session.js';
export type { SessionCredentials } from './session-credentials.js';
