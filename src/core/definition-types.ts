/**
 * The TypeScript form of a resource definition (`resource-definitions/<service>.json`).
 * See docs/model.md for the meaning of each member; `resource-definitions/schema.json`
 * validates the JSON form.
 *
 * Every type takes `P`, the form of a path: a JMESPath string in the JSON (the default), a
 * compiled `Path` function in the model the generator writes for the run time
 * (`CompiledModel`), which also carries a few facts the generator works out from the strings
 * (`plural`, `list`, `item`).
 *
 * @packageDocumentation
 */
import type { Path } from './accessors.js';

/** Where a request parameter's value comes from. */
export type ParamSource = 'identifier' | 'data' | 'string' | 'integer' | 'boolean' | 'input';

/** One request parameter: a value written at `target` in the request. */
export interface ParamDefinition<P = string> {
  readonly target: string;
  readonly source: ParamSource;
  /** Identifier name, for `source: 'identifier'`. */
  readonly name?: string;
  /** JMESPath into the resource's data, for `source: 'data'`. */
  readonly path?: P;
  /** The constant, for `string`, `integer` and `boolean`. */
  readonly value?: string | number | boolean;
}

/** One operation call. */
export interface RequestDefinition<P = string> {
  readonly operation: string;
  /**
   * The package whose command sends it, when not the service's (DynamoDB's item operations
   * come from `@aws-sdk/lib-dynamodb`). An operation name stands for one package only.
   */
  readonly package?: string;
  readonly params?: readonly ParamDefinition<P>[];
}

/** Where one identifier of a produced resource comes from. */
export type IdentifierSource = 'identifier' | 'data' | 'requestParameter' | 'response' | 'input';

/** One identifier of a resource produced by an action, a `has` or a collection. */
export interface ResourceIdentifierDefinition<P = string> {
  readonly target: string;
  readonly source: IdentifierSource;
  readonly name?: string;
  readonly path?: P;
  /** Compiled only: the path projects a list (`Instances[].InstanceId`). */
  readonly list?: boolean;
  /** Compiled only: the member read from each element of the target's list (`Key` of `Contents[].Key`). */
  readonly item?: P;
}

/** The resource (or resources) an action, `has` or collection produces. */
export interface ResourceTargetDefinition<P = string> {
  readonly type: string;
  readonly identifiers: readonly ResourceIdentifierDefinition<P>[];
  /** JMESPath of the resource's data in the response. */
  readonly path?: P;
  /** Compiled only: the target produces a list of resources. */
  readonly plural?: boolean;
}

/** An action: one request, optionally producing resources. */
export interface ActionDefinition<P = string> {
  readonly request: RequestDefinition<P>;
  readonly resource?: ResourceTargetDefinition<P>;
  /**
   * String members of the input the caller gives that must not be empty (a name the action
   * creates or looks up, such as `QueueName`): refused before any request.
   */
  readonly nonEmpty?: readonly string[];
}

/** A batch action: one request per page of a collection. */
export interface BatchActionDefinition<P = string> {
  readonly request: RequestDefinition<P>;
  /** JMESPath of per-item failures in each response. */
  readonly errors?: P;
}

/** A waiter over the v3 `waitUntil<waiterName>` function. */
export interface WaiterDefinition<P = string> {
  readonly waiterName: string;
  readonly params?: readonly ParamDefinition<P>[];
  /** JMESPath of the resource's data in the waiter's last response, which then becomes its data. */
  readonly path?: P;
}

/** A sub-resource or reference. */
export interface HasDefinition<P = string> {
  readonly resource: ResourceTargetDefinition<P>;
}

/** How a collection pages. */
export interface PagingDefinition<P = string> {
  /** The request member that sets the page size (`MaxKeys`). */
  readonly limitKey?: string;
  /**
   * Request members that carry the tokens. In the JSON, only for operations without a v3
   * paginator; the generator fills them for the others from the paginator's own token names.
   */
  readonly inputTokens?: readonly string[];
  /** Response members that carry the next tokens, in `inputTokens` order. */
  readonly outputTokens?: readonly P[];
  /** Response member (JMESPath) that says whether more pages follow. */
  readonly moreResults?: P;
  /** The least page size the service accepts (EC2: 5); smaller limits ask for this many. */
  readonly minPageSize?: number;
}

/** A collection: of resources (`resource`), or of plain items (`items`, DynamoDB's query). */
export interface HasManyDefinition<P = string> {
  readonly request: RequestDefinition<P>;
  readonly resource?: ResourceTargetDefinition<P>;
  /** JMESPath of the plain items in each response, for collections of data, not resources. */
  readonly items?: P;
  readonly paging?: PagingDefinition<P>;
}

/** An identifier of a resource. */
export interface IdentifierDefinition {
  readonly name: string;
  readonly type?: 'string' | 'integer';
  readonly memberName?: string;
  /** The empty string is a valid value (an EC2 tag's value); otherwise it is refused. */
  readonly allowEmpty?: boolean;
  /** A regular expression a value must match (a Lambda function name, ARN or partial ARN). */
  readonly pattern?: string;
  /** What `pattern` accepts, in words, for messages; given with `pattern`. */
  readonly format?: string;
}

/** How a resource loads its attributes. */
export interface LoadDefinition<P = string> {
  readonly request: RequestDefinition<P>;
  readonly path: P;
}

/** The members shared by the service entry and resources. */
export interface ContainerDefinition<P = string> {
  readonly actions?: Readonly<Record<string, ActionDefinition<P>>>;
  readonly has?: Readonly<Record<string, HasDefinition<P>>>;
  readonly hasMany?: Readonly<Record<string, HasManyDefinition<P>>>;
}

/** A resource type. */
export interface ResourceDefinition<P = string> extends ContainerDefinition<P> {
  readonly className?: string;
  readonly customized?: boolean;
  /** Members (definition names) the hand-written class implements instead of the generator. */
  readonly handWritten?: readonly string[];
  /**
   * The collection class of this type is `<Class>CollectionBase`, extended by hand in
   * `src/resources/<service>/<kebab-name>-collection.ts` (S3's `toBatchJob`).
   */
  readonly customizedCollection?: boolean;
  readonly identifiers?: readonly IdentifierDefinition[];
  readonly shape?: string;
  readonly load?: LoadDefinition<P>;
  readonly exists?: { readonly request: RequestDefinition<P> };
  readonly batchActions?: Readonly<Record<string, BatchActionDefinition<P>>>;
  readonly waiters?: Readonly<Record<string, WaiterDefinition<P>>>;
}

/** The service entry. */
export interface ServiceDefinition<P = string> extends ContainerDefinition<P> {
  readonly name: string;
  readonly className: string;
  readonly package: string;
  readonly client: string;
  readonly notFoundErrors?: readonly string[];
  /**
   * A hand-written module beside the generated folder exporting `clientAdapter(client,
   * packageName)`: the client that sends an operation of another package.
   */
  readonly clientAdapter?: string;
  /** The generated class is `<className>Base`, extended by hand in `src/resources/<name>/service.ts`. */
  readonly customized?: boolean;
  /** Members (definition names) the hand-written service class implements instead of the generator. */
  readonly handWritten?: readonly string[];
}

/** A whole definition file. */
export interface ServiceModelDefinition<P = string> {
  readonly service: ServiceDefinition<P>;
  readonly resources: Readonly<Record<string, ResourceDefinition<P>>>;
}

/** The compiled model the run time reads: paths are functions, list facts worked out. */
export type CompiledModel = ServiceModelDefinition<Path>;
