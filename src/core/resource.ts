import { whole, type Path } from './accessors.js';
import type { IdentifierDefinition, ResourceDefinition } from './definition-types.js';
import { paramContextOf } from './internal.js';
import { IdentifierError, ResourceNotFoundError, ResourceNotLoadableError } from './errors.js';
import { camelCase } from './naming.js';
import { buildParams, type ParamContext } from './params.js';
import { checkRequestOptions, sendOperation, type RequestOptions } from './request.js';
import { ResourceBase } from './resource-base.js';
import { buildResources } from './resource-builder.js';
import type { ServiceModel } from './service-model.js';
import { checkWaiterOptions, runWaiter, type WaiterOptions } from './waiter.js';

/** What `resource.meta` holds. */
export interface ResourceMeta<TClient extends object, TData extends object> {
  /** The service's import name (`s3`). */
  readonly serviceName: string;
  /** The resource type's name in the model (`Bucket`, `Object`). */
  readonly resourceName: string;
  /** The v3 client every request of this resource goes through. */
  readonly client: TClient;
  /** The identifiers, by property name (`{ bucketName: 'b', key: 'k' }`). */
  readonly identifiers: Readonly<Record<string, string | number>>;
  /** The loaded (or listed) data; undefined until loaded. */
  readonly data: TData | undefined;
}

/** The serializable form of a resource: its service, type and identifiers. */
export interface ResourceJSON {
  readonly service: string;
  readonly type: string;
  readonly identifiers: Readonly<Record<string, string | number>>;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * A resource: identifiers, lazily loaded attributes, actions, sub-resources, references,
 * collections and waiters, all declared by its definition. Generated classes extend it.
 */
export abstract class Resource<
  TClient extends object = object,
  TData extends object = object,
> extends ResourceBase<TClient> {
  /** @internal The resource type's name in the model; set by each generated class. */
  static readonly resourceType: string = '';

  readonly #type: string;
  readonly #identifiers: Readonly<Record<string, unknown>>;
  #data: TData | undefined;
  #loading: Promise<TData> | undefined;
  /** Counts fetches, so an older one that answers late never overwrites newer data. */
  #fetches = 0;

  /** @internal Resources are made by the engine: use a factory such as `s3.Bucket(name)`. */
  constructor(
    model: ServiceModel,
    client: TClient,
    identifiers: Readonly<Record<string, unknown>>,
    data?: object,
  ) {
    super(model, client);
    const type = (new.target as unknown as typeof Resource).resourceType;
    this.#type = type;
    const own: Record<string, unknown> = {};
    for (const identifier of identifierPlan(model, type)) {
      const { definition, property, label } = identifier;
      const value = checkIdentifier(label, definition, identifiers[definition.name]);
      own[definition.name] = value;
      (this as unknown as Record<string, unknown>)[property] = value;
    }
    this.#identifiers = own;
    this.#data = data as TData | undefined;
    // Identifiers are immutable. Assigning and then freezing costs a fraction of one
    // defineProperty per identifier, which counts when a listing builds 200,000 resources.
    // (Subclasses therefore declare no instance fields; private ones are fine.)
    Object.freeze(this);
  }

  /** @internal */
  protected override get $definition(): ResourceDefinition<Path> {
    return this.$model.resource(this.#type);
  }

  /** @internal */
  protected override get $label(): string {
    return this.$definition.className ?? this.#type;
  }

  /** @internal */
  protected override get $identifiers(): Readonly<Record<string, unknown>> {
    return this.#identifiers;
  }

  /** @internal */
  protected override async $paramContext(
    needData: boolean,
    options: RequestOptions,
  ): Promise<ParamContext> {
    if (needData && this.#data === undefined) await this.load(options);
    return { identifiers: this.#identifiers, data: this.#data };
  }

  /**
   * The client, identifiers and loaded data.
   *
   * @example
   * ```ts
   * const obj = s3.Object('reports', 'a.txt');
   * obj.meta.client.middlewareStack.add(myMiddleware);
   * obj.meta.identifiers; // { bucketName: 'reports', key: 'a.txt' }
   * ```
   */
  get meta(): ResourceMeta<TClient, TData> {
    return {
      serviceName: this.$model.serviceName,
      resourceName: this.#type,
      client: this.$client,
      identifiers: this.#publicIdentifiers(),
      data: this.#data,
    };
  }

  /**
   * The loaded data, synchronously: undefined until the resource was loaded or listed.
   *
   * @example
   * ```ts
   * for await (const o of bucket.objects.all()) console.log(o.data?.Size); // from the listing
   * ```
   */
  get data(): TData | undefined {
    return this.#data;
  }

  /**
   * Loads the attributes if they are not loaded yet; concurrent calls share one request.
   *
   * @example
   * ```ts
   * const data = await obj.load(); // HeadObject, once
   * ```
   */
  load(options?: RequestOptions): Promise<TData> {
    if (this.#data !== undefined) return Promise.resolve(this.#data);
    return this.#loading ?? this.reload(options);
  }

  /**
   * Loads the attributes again, always with a new request.
   *
   * @example
   * ```ts
   * await obj.reload();
   * await obj.contentLength; // the fresh value
   * ```
   */
  reload(options?: RequestOptions): Promise<TData> {
    const loading = this.#fetch(options).finally(() => {
      if (this.#loading === loading) this.#loading = undefined;
    });
    this.#loading = loading;
    return loading;
  }

  /**
   * Whether the resource exists: a load (or the definition's existence check) that answers
   * "not found" gives false; other errors are thrown.
   *
   * @example
   * ```ts
   * if (!(await s3.Bucket('reports').exists())) await s3.createBucket({ Bucket: 'reports' });
   * ```
   */
  async exists(options?: RequestOptions): Promise<boolean> {
    const checked = checkRequestOptions(options, `${this.$label}.exists`);
    const check = this.$definition.exists;
    try {
      if (check) {
        const params = buildParams(check.request.params, { identifiers: this.#identifiers });
        await sendOperation(this.$model, this.$client, check.request.operation, params, checked);
      } else {
        await this.reload(checked);
      }
      return true;
    } catch (error) {
      if (this.#isNotFound(error)) return false;
      throw error;
    }
  }

  /**
   * True when `other` is a resource of the same class with the same identifiers.
   *
   * @example
   * ```ts
   * s3.Bucket('a').equals(s3.Bucket('a')); // true
   * ```
   */
  equals(other: unknown): boolean {
    if (!(other instanceof Resource) || other.constructor !== this.constructor) return false;
    const theirs = other.#identifiers;
    return Object.keys(this.#identifiers).every((name) => theirs[name] === this.#identifiers[name]);
  }

  /**
   * The resource's service, type and identifiers; never its client, credentials or data.
   *
   * @example
   * ```ts
   * JSON.stringify(s3.Bucket('x')); // {"service":"s3","type":"Bucket","identifiers":{"name":"x"}}
   * ```
   */
  toJSON(): ResourceJSON {
    return {
      service: this.$model.serviceName,
      type: this.#type,
      identifiers: this.#publicIdentifiers(),
    };
  }

  /** @internal Identifiers and data, for batch actions. */
  [paramContextOf](): ParamContext {
    return { identifiers: this.#identifiers, data: this.#data };
  }

  /** `Bucket { name: 'x' }` in `console.log` and `util.inspect`. */
  [inspectSymbol](
    _depth: number,
    options: unknown,
    inspect: (value: unknown, options: unknown) => string,
  ): string {
    return `${this.constructor.name} ${inspect(this.#publicIdentifiers(), options)}`;
  }

  /** @internal Reads one attribute, loading first when needed. */
  protected async $attribute(member: string): Promise<unknown> {
    const data = this.#data ?? (await this.load());
    return (data as Record<string, unknown>)[member];
  }

  /** @internal Builds a declared reference from the data, loading first when needed. */
  protected async $reference(name: string, options?: RequestOptions): Promise<unknown> {
    const definition = this.$definition.has?.[name];
    if (!definition)
      throw new ResourceNotLoadableError(`${this.$label} has no reference '${name}'`);
    const context = await this.$paramContext(
      true,
      checkRequestOptions(options, `${this.$label}.${camelCase(name)}`),
    );
    return buildResources(definition.resource, {
      model: this.$model,
      client: this.$client,
      identifiers: this.#identifiers,
      data: context.data,
    });
  }

  /** @internal Runs a declared waiter. */
  protected async $wait(name: string, options: WaiterOptions | undefined): Promise<void> {
    const definition = this.$definition.waiters?.[name];
    if (!definition) throw new ResourceNotLoadableError(`${this.$label} has no waiter '${name}'`);
    const checked = checkWaiterOptions(options, `${this.$label}.waitUntil${name}`);
    const params = buildParams(definition.params, {
      identifiers: this.#identifiers,
      data: this.#data,
    });
    const result = await runWaiter(
      this.$model,
      this.$client,
      definition.waiterName,
      params,
      checked,
    );
    if (definition.path) {
      // The waiter's last response describes the resource: keep it, as boto3 does.
      const data = definition.path((result as { reason?: unknown }).reason, this.#identifiers);
      if (typeof data === 'object' && data !== null) this.#data = data as TData;
    }
  }

  async #fetch(options: RequestOptions | undefined): Promise<TData> {
    const generation = ++this.#fetches;
    const checked = checkRequestOptions(options, `${this.$label}.load`);
    const load = this.$definition.load;
    if (!load) {
      throw new ResourceNotLoadableError(
        `${this.$label} has no load operation: its attributes come from the listing that made it`,
      );
    }
    const params = buildParams(load.request.params, { identifiers: this.#identifiers });
    const response = await sendOperation(
      this.$model,
      this.$client,
      load.request.operation,
      params,
      checked,
    );
    const data = load.path(response, this.#identifiers);
    if (data === null || data === undefined || typeof data !== 'object') {
      throw new ResourceNotFoundError(this.#type, this.#publicIdentifiers());
    }
    // A multiselect path (`{Size: ContentLength}`) gives null for members the response lacks,
    // where v3 data leaves them out (attributes are typed `T | undefined`).
    const fetched = (load.path === whole ? data : withoutNullMembers(data)) as TData;
    if (generation === this.#fetches) this.#data = fetched;
    return fetched;
  }

  #publicIdentifiers(): Record<string, string | number> {
    const out: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(this.#identifiers))
      out[camelCase(name)] = value as string | number;
    return out;
  }

  #isNotFound(error: unknown): boolean {
    if (error instanceof ResourceNotFoundError) return true;
    if (typeof error !== 'object' || error === null) return false;
    const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    return (
      $metadata?.httpStatusCode === 404 ||
      (this.$model.definition.service.notFoundErrors ?? []).includes(name ?? '')
    );
  }
}

interface IdentifierPlan {
  readonly definition: IdentifierDefinition;
  /** The property name (`bucketName`). */
  readonly property: string;
  /** The class name errors use. */
  readonly label: string;
}

const plans = new WeakMap<object, IdentifierPlan[]>();

/** Each type's identifiers with their property names, worked out once (listings make many). */
function identifierPlan(model: ServiceModel, type: string): IdentifierPlan[] {
  const resource = model.resource(type);
  let plan = plans.get(resource);
  if (!plan) {
    plan = (resource.identifiers ?? []).map((definition) => ({
      definition,
      property: camelCase(definition.name),
      label: resource.className ?? type,
    }));
    plans.set(resource, plan);
  }
  return plan;
}

function withoutNullMembers(data: object): object {
  if (Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null));
}

function checkIdentifier(
  type: string,
  definition: IdentifierDefinition,
  value: unknown,
): string | number {
  // The common case first: no name to build for an error (a hot path of every listing).
  if (typeof value === 'string' && definition.type !== 'integer') {
    if (value.length > 0 || definition.allowEmpty) return value;
  }
  const name = camelCase(definition.name);
  if (value === undefined || value === null) throw new IdentifierError(type, name, 'is missing');
  if (definition.type === 'integer') {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new IdentifierError(type, name, `must be an integer, got ${JSON.stringify(value)}`);
    }
    return value;
  }
  if (typeof value !== 'string') {
    throw new IdentifierError(type, name, `must be a string, got ${typeof value}`);
  }
  if (value.length === 0 && !definition.allowEmpty)
    throw new IdentifierError(type, name, 'must not be empty');
  return value;
}
