/**
 * Descriptors: what the generator compiles each definition into. Every action, load,
 * reference, sub-resource, collection, batch action and waiter of a resource is one typed
 * constant in its generated module, naming its v3 command class directly, with its paths
 * compiled to functions. Generated members hand their descriptor to the engine functions in
 * `members.ts`; nothing is looked up by name at run time.
 *
 * @packageDocumentation
 */
import type { Path } from './accessors.js';
import type { ParamSource, IdentifierSource } from './definition-types.js';
import type { BatchActionError } from './errors.js';

/** A v3 command class (`PutObjectCommand`), as a descriptor names it. */
export type CommandClass<Input extends object = never> = new (input: Input) => object;

/** A v3 waiter function (`waitUntilBucketExists`), as a descriptor names it. */
export type WaiterFunction = (config: never, input: never) => Promise<object>;

/** Gives the client that sends a command of another package (DynamoDB's document client). */
export type ClientAdapter = (client: never, packageName: string) => object;

/** A resource class, as the engine constructs it. */
export type ResourceClass<R = object> = abstract new (
  client: never,
  identifiers: Readonly<Record<string, unknown>>,
  data?: object,
) => R;

/** The service a resource belongs to. */
export interface ServiceSpec {
  /** The import name (`s3`). */
  readonly name: string;
  /** The service class's name (`S3`), for messages. */
  readonly className: string;
  /** Error names that mean "not found" for `exists()`, beside HTTP 404. */
  readonly notFoundErrors: readonly string[];
  /** Sends the commands of another package (see `RequestSpec.package`). */
  readonly clientAdapter?: ClientAdapter;
  /** The service object's collection members (`['buckets']`): what `restore` may rebuild. */
  readonly collections?: readonly string[];
}

/** One request parameter: a value written at `target` (`Delete.Objects[*].Key`). */
export interface ParamSpec {
  readonly target: string;
  readonly source: ParamSource;
  /** The identifier's name, for `source: 'identifier'`. */
  readonly name?: string;
  /** Where in the resource's data, for `source: 'data'`. */
  readonly path?: Path;
  /** The constant, for `string`, `integer` and `boolean`. */
  readonly value?: string | number | boolean;
}

/** One operation call: its command and the params the resource fills. */
export interface RequestSpec<Input extends object = never> {
  readonly command: CommandClass<Input>;
  /** The package of the command when it is not the service's own (sent through the adapter). */
  readonly package?: string;
  readonly params?: readonly ParamSpec[];
}

/** One identifier of a resource type. */
export interface IdentifierSpec {
  /** The definition's name (`BucketName`). */
  readonly name: string;
  /** The property (`bucketName`). */
  readonly property: string;
  readonly integer?: boolean;
  /** The empty string is a valid value (an EC2 tag's value). */
  readonly allowEmpty?: boolean;
  /** A string value must match it (a Lambda function name, ARN or partial ARN). */
  readonly pattern?: RegExp;
  /** What `pattern` accepts, in words, for messages (`a function name, ARN or partial ARN`). */
  readonly format?: string;
}

/**
 * A request param the caller gives that is checked like an identifier before sending: it
 * fills an identifier of the resource the action makes (`Key` of `putObject`), it is a
 * label of the request's URL (which must not be empty), or the definition's `nonEmpty` names
 * it (`QueueName` of `createQueue`).
 */
export interface CheckedParamSpec {
  /** The request member (`Key`); with `item`, a list whose elements are checked (`Tags`). */
  readonly param: string;
  /** The member of each element of the list (`Key` of `Tags[].Key`). */
  readonly item?: string;
  /** The v3 input requires it: a missing value is refused too. */
  readonly required?: boolean;
  readonly integer?: boolean;
  readonly allowEmpty?: boolean;
  readonly pattern?: RegExp;
  readonly format?: string;
  /**
   * What the value is, for messages (`the S3Object's key`, `a label of the request URL`,
   * `what the request acts on`).
   */
  readonly role: string;
}

/** A resource type: what every instance of a generated class shares. */
export interface ResourceTypeSpec {
  readonly service: ServiceSpec;
  /** The type's name in the model (`Object`), as `toJSON()` writes it. */
  readonly name: string;
  /** The class name (`S3Object`), for messages and `inspect`. */
  readonly label: string;
  readonly identifiers: readonly IdentifierSpec[];
  /** The request that fills the attributes, and where the data is in its response. */
  readonly load?: { readonly request: RequestSpec; readonly path: Path };
  /** A request whose success means the resource exists (resources without a load). */
  readonly exists?: RequestSpec;
  /** The type's collection members (`['objects']`): what `restore` may rebuild. */
  readonly collections?: readonly string[];
}

/** Where one identifier of a produced resource comes from. */
export interface TargetIdentifierSpec {
  readonly target: string;
  readonly source: IdentifierSource;
  readonly name?: string;
  readonly path?: Path;
  /** The path projects a list (`Instances[].InstanceId`). */
  readonly list?: boolean;
  /** The member read from each element of the target's list (`Key` of `Contents[].Key`). */
  readonly item?: Path;
}

/** The resources an action, reference, sub-resource or collection produces. */
export interface TargetSpec {
  /** The class, behind a function: the classes of a service import each other. */
  readonly type: () => ResourceClass;
  readonly identifiers: readonly TargetIdentifierSpec[];
  /** Where the produced resources' data is (in the response, or the owner's data). */
  readonly path?: Path;
  /** A list of resources, not one. */
  readonly plural?: boolean;
}

/**
 * An action: one request, resolving to `Result` (the v3 output, or the resources it makes).
 *
 * @typeParam Input - the v3 command input
 * @typeParam Result - what the action resolves to
 */
export interface ActionSpec<Input extends object = never, Result = unknown> {
  /** The member name (`putObject`), for messages. */
  readonly name: string;
  readonly request: RequestSpec<Input>;
  readonly resource?: TargetSpec;
  /** Params of the caller's checked before any request (see `CheckedParamSpec`). */
  readonly checks?: readonly CheckedParamSpec[];
  /**
   * Where the response carries the resource's new data (its output is the loaded shape, or
   * holds it): the engine keeps that as the data. Without it, an action forgets the data of
   * a resource that loads, so the next read loads again (as boto3 does).
   */
  readonly data?: Path;
  /** Phantom: the result type, so engine functions return it without a cast at the call. */
  readonly result?: Result;
}

/** A sub-resource (from identifiers) or a reference (from data), of type `Result`. */
export interface HasSpec<Result = unknown> {
  readonly name: string;
  readonly resource: TargetSpec;
  readonly result?: Result;
}

/** How a collection pages: on its operation's tokens. */
export interface PagingSpec {
  /** The request member that sets the page size (`MaxKeys`). */
  readonly limitKey?: string;
  readonly inputTokens?: readonly string[];
  readonly outputTokens?: readonly Path[];
  /** Whether more pages follow, when tokens alone do not say (`IsTruncated`). */
  readonly moreResults?: Path;
  /** The least page size the service accepts (EC2: 5). */
  readonly minPageSize?: number;
}

/** A collection: of resources (`resource`) or of the response's plain items (`items`). */
export interface HasManySpec {
  readonly name: string;
  readonly request: RequestSpec;
  readonly resource?: TargetSpec;
  readonly items?: Path;
  readonly paging?: PagingSpec;
}

/** The class a batch action raises its failed items with (`DeleteObjectsError`). */
export type BatchActionErrorClass<Failure, Output> = new (
  message: string,
  failures: readonly Failure[],
  responses: readonly Output[],
) => BatchActionError<Failure, Output>;

/**
 * A batch action: one request per page of a collection, each resolving to `Output`; the items
 * a response reports as failed (`Failure`, at `errors`) are raised together as `error`.
 */
export interface BatchActionSpec<Output = unknown, Failure = never> {
  readonly name: string;
  readonly request: RequestSpec;
  /** Per-item failures in each response (`Errors[]`). */
  readonly errors?: Path;
  /** The error raised with the failures; `BatchActionError` itself when not given. */
  readonly error?: BatchActionErrorClass<Failure, Output>;
  /** The params the caller may pass: the v3 input's members the items do not fill. */
  readonly allowedParams?: readonly string[];
  readonly result?: Output;
}

/** A waiter over a v3 `waitUntil...` function. */
export interface WaiterSpec {
  readonly name: string;
  /** The v3 waiter's name (`BucketExists`), for messages. */
  readonly waiterName: string;
  readonly waiter: WaiterFunction;
  readonly params?: readonly ParamSpec[];
  /** The resource's data in the waiter's last response, which then becomes its data. */
  readonly path?: Path;
}
