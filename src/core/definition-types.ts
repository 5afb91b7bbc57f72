/**
 * The TypeScript form of a resource definition (`resource-definitions/<service>.json`).
 * See docs/model.md for the meaning of each member; `resource-definitions/schema.json`
 * validates the JSON form.
 *
 * @packageDocumentation
 */

/** Where a request parameter's value comes from. */
export type ParamSource = 'identifier' | 'data' | 'string' | 'integer' | 'boolean' | 'input';

/** One request parameter: a value written at `target` in the request. */
export interface ParamDefinition {
  readonly target: string;
  readonly source: ParamSource;
  /** Identifier name, for `source: 'identifier'`. */
  readonly name?: string;
  /** JMESPath into the resource's data, for `source: 'data'`. */
  readonly path?: string;
  /** The constant, for `string`, `integer` and `boolean`. */
  readonly value?: string | number | boolean;
}

/** One operation call. */
export interface RequestDefinition {
  readonly operation: string;
  /**
   * The package whose command sends it, when not the service's (DynamoDB's item operations
   * come from `@aws-sdk/lib-dynamodb`). An operation name stands for one package only.
   */
  readonly package?: string;
  readonly params?: readonly ParamDefinition[];
}

/** Where one identifier of a produced resource comes from. */
export type IdentifierSource = 'identifier' | 'data' | 'requestParameter' | 'response' | 'input';

/** One identifier of a resource produced by an action, a `has` or a collection. */
export interface ResourceIdentifierDefinition {
  readonly target: string;
  readonly source: IdentifierSource;
  readonly name?: string;
  readonly path?: string;
}

/** The resource (or resources) an action, `has` or collection produces. */
export interface ResourceTargetDefinition {
  readonly type: string;
  readonly identifiers: readonly ResourceIdentifierDefinition[];
  /** JMESPath of the resource's data in the response. */
  readonly path?: string;
}

/** An action: one request, optionally producing resources. */
export interface ActionDefinition {
  readonly request: RequestDefinition;
  readonly resource?: ResourceTargetDefinition;
}

/** A batch action: one request per page of a collection. */
export interface BatchActionDefinition {
  readonly request: RequestDefinition;
  /** JMESPath of per-item failures in each response. */
  readonly errors?: string;
}

/** A waiter over the v3 `waitUntil<waiterName>` function. */
export interface WaiterDefinition {
  readonly waiterName: string;
  readonly params?: readonly ParamDefinition[];
  /** JMESPath of the resource's data in the waiter's last response, which then becomes its data. */
  readonly path?: string;
}

/** A sub-resource or reference. */
export interface HasDefinition {
  readonly resource: ResourceTargetDefinition;
}

/** How a collection pages. */
export interface PagingDefinition {
  /** The request member that sets the page size (`MaxKeys`). */
  readonly limitKey?: string;
  /** For operations without a v3 paginator: request members that carry the tokens. */
  readonly inputTokens?: readonly string[];
  /** Response members (JMESPath) that carry the next tokens, in `inputTokens` order. */
  readonly outputTokens?: readonly string[];
  /** Response member (JMESPath) that says whether more pages follow. */
  readonly moreResults?: string;
  /** The least page size the service accepts (EC2: 5); smaller limits ask for this many. */
  readonly minPageSize?: number;
}

/** A collection: of resources (`resource`), or of plain items (`items`, DynamoDB's query). */
export interface HasManyDefinition {
  readonly request: RequestDefinition;
  readonly resource?: ResourceTargetDefinition;
  /** JMESPath of the plain items in each response, for collections of data, not resources. */
  readonly items?: string;
  readonly paging?: PagingDefinition;
}

/** An identifier of a resource. */
export interface IdentifierDefinition {
  readonly name: string;
  readonly type?: 'string' | 'integer';
  readonly memberName?: string;
  /** The empty string is a valid value (an EC2 tag's value); otherwise it is refused. */
  readonly allowEmpty?: boolean;
}

/** How a resource loads its attributes. */
export interface LoadDefinition {
  readonly request: RequestDefinition;
  readonly path: string;
}

/** The members shared by the service entry and resources. */
export interface ContainerDefinition {
  readonly actions?: Readonly<Record<string, ActionDefinition>>;
  readonly has?: Readonly<Record<string, HasDefinition>>;
  readonly hasMany?: Readonly<Record<string, HasManyDefinition>>;
}

/** A resource type. */
export interface ResourceDefinition extends ContainerDefinition {
  readonly className?: string;
  readonly customized?: boolean;
  /** Members (definition names) the hand-written class implements instead of the generator. */
  readonly handWritten?: readonly string[];
  readonly identifiers?: readonly IdentifierDefinition[];
  readonly shape?: string;
  readonly load?: LoadDefinition;
  readonly exists?: { readonly request: RequestDefinition };
  readonly batchActions?: Readonly<Record<string, BatchActionDefinition>>;
  readonly waiters?: Readonly<Record<string, WaiterDefinition>>;
}

/** The service entry. */
export interface ServiceDefinition extends ContainerDefinition {
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
export interface ServiceModelDefinition {
  readonly service: ServiceDefinition;
  readonly resources: Readonly<Record<string, ResourceDefinition>>;
}
