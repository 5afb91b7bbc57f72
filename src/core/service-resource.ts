import type { ResourceClass, ServiceSpec } from './descriptors.js';
import { ParamValidationError } from './errors.js';
import { OWNER, type Owner } from './owner.js';
import { construct } from './resource-builder.js';
import type { Resource } from './resource.js';
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
 * the v3 client config to make one with.
 *
 * @public
 */
export type ServiceOptions<TClient extends object, TConfig extends object> =
  TConfig | { readonly client: TClient } | { readonly session: ClientSource };

/**
 * A resource class as `restore` takes it, to type (and check) what it rebuilds.
 *
 * @public
 */
export type RestoredType<R extends Resource> = abstract new (...args: never) => R;

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
   * service's client. Checks the service, type and identifiers before anything; sends no
   * request (the resource loads lazily, like one from a factory). Pass the class to get it
   * typed: the JSON must then be of that type.
   *
   * @example
   * ```ts
   * const text = JSON.stringify(s3.Object('reports', 'a.txt'));
   * const obj = new S3({ session }).restore(text, S3Object); // S3Object { bucketName, key }
   * ```
   */
  restore<R extends Resource>(json: unknown, type: RestoredType<R>): R;
  restore(json: unknown): Resource;
  restore(json: unknown, type?: RestoredType<Resource>): Resource {
    const label = `${this.#service.className}.restore`;
    const plan = planRestore(this.#service.name, this.#types, json, label);
    const cls = plan.type as unknown as RestoredType<Resource>;
    if (type && cls !== type && !(cls.prototype instanceof type)) {
      throw new ParamValidationError(
        `${label}: expected a ${type.name}, the JSON is of type '${plan.typeName}'`,
      );
    }
    return construct(plan.type, this.#client, plan.identifiers) as Resource;
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

/**
 * Picks the client from service options: the given one, the session's, or a new one made
 * from the config.
 */
export function resolveClient<TClient extends object, TConfig extends object>(
  options: ServiceOptions<TClient, TConfig> | undefined,
  clientClass: new (config: TConfig) => TClient,
): TClient {
  if (options && 'client' in options && options.client) return options.client as TClient;
  if (options && 'session' in options && options.session) {
    // The session's client is shared: config beside it would silently not apply.
    const extra = Object.keys(options).filter((key) => key !== 'session');
    if (extra.length > 0) {
      throw new ParamValidationError(
        `${clientClass.name} options: '${extra.join("', '")}' beside { session } would not ` +
          'apply (the session shares one client): give client config to new Session({ clientConfig })',
      );
    }
    return options.session.clientFor(clientClass);
  }
  return new clientClass((options ?? {}) as TConfig);
}
