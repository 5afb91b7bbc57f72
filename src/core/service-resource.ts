import type { CollectionCheckpoint } from '../collections/checkpoint.js';
import type { Collection } from '../collections/collection.js';
import { planCollection, restoreCollection } from '../collections/restore-collection.js';
import type { ResourceClass, ResourceTypeSpec, ServiceSpec } from './descriptors.js';
import { ParamValidationError } from './errors.js';
import { OWNER, type Owner } from './owner.js';
import { construct } from './resource-builder.js';
import { Resource } from './resource.js';
import { planRestore } from './restore.js';

/**
 * What `service.meta` holds.
 *
 * @public
 */
export interface ServiceMeta<TClient extends object> {
  /** The service's import name (`s3`). */
  readonly serviceName: string;
  /** The v3 client shared by every resource made from this service object. */
  readonly client: TClient;
}

/**
 * What `{ session }` needs: one shared v3 client per client class (a `Session` from
 * `aws-resources`). The engine only knows this shape, so it never imports the session.
 *
 * @public
 */
export interface ClientSource {
  /** The v3 client of `clientClass` for this source, made on first use and then reused. */
  clientFor<TClient extends object>(clientClass: new (config: never) => TClient): TClient;
}

/**
 * How a service entry gets its v3 client: an existing client, a session's shared client, or
 * the v3 client config to make one with. Exactly one of the three: config beside `client` or
 * `session` would silently not apply, so it does not compile (and is refused at run time).
 *
 * @example
 * ```ts
 * new S3({ region: 'eu-west-1' }); // a new client
 * new S3({ client: s3Client }); // that client, with its own config
 * new S3({ session }); // the session's shared client
 * new S3({ client: s3Client, region: 'eu-west-1' }); // does not compile
 * ```
 *
 * @public
 */
export type ServiceOptions<TClient extends object, TConfig extends object> =
  | (TConfig & { readonly client?: undefined; readonly session?: undefined })
  | ({ readonly client: TClient; readonly session?: undefined } & {
      readonly [K in keyof TConfig]?: undefined;
    })
  | ({ readonly session: ClientSource; readonly client?: undefined } & {
      readonly [K in keyof TConfig]?: undefined;
    });

/**
 * A resource or collection class as `restore` takes it, to type (and check) what it rebuilds.
 *
 * @public
 */
export type RestoredType<R extends Resource | Collection<object, object>> = abstract new (
  ...args: never
) => R;

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * The entry object of a service (`new S3()`): its actions, sub-resource factories and
 * top-level collections. Generated service classes extend it.
 *
 * @typeParam TClient - the v3 client
 *
 * @public
 */
export abstract class ServiceResource<TClient extends object> {
  readonly #service: ServiceSpec;
  readonly #client: TClient;
  readonly #types: Readonly<Record<string, () => ResourceClass>>;

  /**
   * @param service - the service
   * @param client - the v3 client
   * @param types - every resource class of the service by type name, for `restore`
   */
  protected constructor(
    service: ServiceSpec,
    client: TClient,
    types: Readonly<Record<string, () => ResourceClass>>,
  ) {
    this.#service = service;
    this.#client = client;
    this.#types = types;
  }

  /**
   * The v3 client and service name.
   *
   * @example
   * ```ts
   * const s3 = new S3({ region: 'eu-west-1' });
   * await s3.meta.client.send(new ListBucketsCommand({}));
   * ```
   */
  get meta(): ServiceMeta<TClient> {
    return { serviceName: this.#service.name, client: this.#client };
  }

  /**
   * The service's name; never its client or credentials.
   *
   * @example
   * ```ts
   * JSON.stringify(new S3()); // {"service":"s3"}
   * ```
   */
  toJSON(): { readonly service: string } {
    return { service: this.#service.name };
  }

  /**
   * Rebuilds a resource from its `toJSON()` value (or that value's JSON text) on this
   * service's client, or a collection from its `toJSON()` or an iteration's `checkpoint()`.
   * Checks the service, type, identifiers (and a collection's name, params and position)
   * before anything; sends no request (a resource loads lazily, like one from a factory; a
   * collection lists when iterated, going on where the checkpoint was taken). Pass the class
   * to get it typed: the JSON must then be of that type. A checkpoint typed by
   * `checkpoint()` restores to its collection's class without one.
   *
   * @example
   * ```ts
   * const text = JSON.stringify(s3.Object('reports', 'a.txt'));
   * const obj = new S3({ session }).restore(text, S3Object); // S3Object { bucketName, key }
   * const rest = s3.restore(iterator.checkpoint()); // the collection, from where it stopped
   * ```
   */
  restore<C extends Collection<object, object>>(json: CollectionCheckpoint<C>): C;
  restore<R extends Resource | Collection<object, object>>(json: unknown, type: RestoredType<R>): R;
  restore(json: unknown): Resource;
  restore(
    json: unknown,
    type?: RestoredType<Resource | Collection<object, object>>,
  ): Resource | Collection<object, object> {
    const label = `${this.#service.className}.restore`;
    const value = parseText(json, label);
    const restored =
      typeof value === 'object' && value !== null && 'collection' in value
        ? this.#restoreCollection(value as Record<string, unknown>, label)
        : this.#restoreResource(value, label);
    if (type && !(restored instanceof type)) {
      const what = restored instanceof Resource ? restored.toJSON().type : 'a collection';
      throw new ParamValidationError(
        `${label}: expected a ${type.name}, the JSON is of type '${what}'`,
      );
    }
    return restored;
  }

  #restoreResource(json: unknown, label: string): Resource {
    const plan = planRestore(this.#service.name, this.#types, json, label);
    return construct(plan.type, this.#client, plan.identifiers) as Resource;
  }

  #restoreCollection(json: Record<string, unknown>, label: string): Collection<object, object> {
    const plan = planCollection(json, label);
    if (json.service !== this.#service.name) {
      throw new ParamValidationError(
        `${label}: the collection is of service ${typeof json.service === 'string' ? `'${json.service}'` : typeof json.service}, not '${this.#service.name}'`,
      );
    }
    if (!plan.owner) {
      const names = this.#service.collections ?? [];
      return restoreCollection(this, this.#service.className, names, plan, label);
    }
    const owner = this.#restoreResource(plan.owner, label);
    const spec = (owner.constructor as unknown as { readonly type: ResourceTypeSpec }).type;
    return restoreCollection(owner, spec.label, spec.collections ?? [], plan, label);
  }

  /** What the engine functions read to run this service's members (extension API). */
  [OWNER](): Owner {
    return {
      client: this.#client,
      service: this.#service,
      label: this.#service.className,
      identifiers: {},
      context: () => Promise.resolve({ identifiers: {} }),
    };
  }

  /** `S3 {}` in `console.log` and `util.inspect`. */
  [inspectSymbol](): string {
    return `${this.#service.className} {}`;
  }
}

/** A JSON text parsed; anything else as it is. */
function parseText(json: unknown, label: string): unknown {
  if (typeof json !== 'string') return json;
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new ParamValidationError(
      `${label}: the string is not JSON (${(error as Error).message})`,
    );
  }
}

/**
 * Picks the client from service options: the given one, the session's, or a new one made
 * from the config.
 */
export function resolveClient<TClient extends object, TConfig extends object>(
  options: ServiceOptions<NoInfer<TClient>, NoInfer<TConfig>> | undefined,
  clientClass: new (config: TConfig) => TClient,
): TClient {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new ParamValidationError(`${clientClass.name} options must be an object`);
  }
  const given = options as { readonly client?: unknown; readonly session?: unknown } | undefined;
  const from =
    given?.client !== undefined ? 'client' : given?.session !== undefined ? 'session' : undefined;
  if (given === undefined || from === undefined) return new clientClass((options ?? {}) as TConfig);
  // A given or shared client keeps its own config: anything beside it would silently not apply.
  const extra = Object.keys(given).filter(
    (key) => key !== from && (given as Record<string, unknown>)[key] !== undefined,
  );
  if (extra.length > 0) {
    const where =
      from === 'client'
        ? '(the client keeps its own config): configure the client where it is made'
        : '(the session shares one client): give client config to new Session({ clientConfig })';
    throw new ParamValidationError(
      `${clientClass.name} options: '${extra.join("', '")}' beside { ${from} } would not apply ${where}`,
    );
  }
  if (from === 'client') return given.client as TClient;
  return (given.session as ClientSource).clientFor(clientClass);
}
