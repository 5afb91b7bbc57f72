import { whole } from './accessors.js';
import type { ResourceTypeSpec } from './descriptors.js';
import { ResourceNotFoundError, ResourceNotLoadableError } from './errors.js';
import { checkIdentifier } from './identifier-check.js';
import { OWNER, type Owner } from './owner.js';
import { buildParams } from './params.js';
import { checkRequestOptions, sendRequest, type RequestOptions } from './request.js';

/**
 * What `resource.meta` holds.
 *
 * @public
 */
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

/**
 * The serializable form of a resource: its service, type and identifiers.
 *
 * @public
 */
export interface ResourceJSON {
  readonly service: string;
  readonly type: string;
  readonly identifiers: Readonly<Record<string, string | number>>;
}

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * A resource: identifiers, lazily loaded attributes, actions, sub-resources, references,
 * collections and waiters. Generated classes extend it and describe their type in a static
 * `type`; the engine makes the instances (through factories, actions and collections) and
 * freezes them once constructed, so identifiers never change, and a subclass may still set
 * fields of its own while it is constructed.
 *
 * @typeParam TClient - the v3 client
 * @typeParam TData - the v3 shape of the loaded data
 *
 * @public
 */
export abstract class Resource<TClient extends object = object, TData extends object = object> {
  /** The resource type: every generated class sets it (extension API). */
  static readonly type: ResourceTypeSpec;

  readonly #type: ResourceTypeSpec;
  readonly #client: TClient;
  readonly #identifiers: Readonly<Record<string, unknown>>;
  #data: TData | undefined;
  #loading: Promise<TData> | undefined;
  /**
   * Counts fetches and data changes, so a fetch that answers late never overwrites newer
   * data, nor brings back data an action has made stale.
   */
  #fetches = 0;

  /**
   * Resources are made by the engine (`construct`), which freezes them once constructed: use
   * a factory such as `s3.Bucket(name)`.
   */
  constructor(client: TClient, identifiers: Readonly<Record<string, unknown>>, data?: object) {
    const type = (new.target as unknown as { readonly type: ResourceTypeSpec }).type;
    this.#type = type;
    this.#client = client;
    const own: Record<string, unknown> = {};
    for (const identifier of type.identifiers) {
      const value = checkIdentifier(type.label, identifier, identifiers[identifier.name]);
      own[identifier.name] = value;
      (this as unknown as Record<string, unknown>)[identifier.property] = value;
    }
    this.#identifiers = own;
    this.#data = data as TData | undefined;
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
      serviceName: this.#type.service.name,
      resourceName: this.#type.name,
      client: this.#client,
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
   * Whether the resource exists: a load (or the type's existence check) that answers
   * "not found" gives false; other errors are thrown.
   *
   * @example
   * ```ts
   * if (!(await s3.Bucket('reports').exists())) await s3.createBucket({ Bucket: 'reports' });
   * ```
   */
  async exists(options?: RequestOptions): Promise<boolean> {
    const checked = checkRequestOptions(options, `${this.#type.label}.exists`);
    const check = this.#type.exists;
    try {
      if (check) {
        const params = buildParams(check.params, { identifiers: this.#identifiers });
        await sendRequest(this.#type.service, this.#client, check, params, checked);
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
      service: this.#type.service.name,
      type: this.#type.name,
      identifiers: this.#publicIdentifiers(),
    };
  }

  /** What the engine functions read to run this resource's members (extension API). */
  [OWNER](): Owner {
    return {
      client: this.#client,
      service: this.#type.service,
      label: this.#type.label,
      identifiers: this.#identifiers,
      data: this.#data,
      context: async (needData, options) => {
        // The load's own answer: an action finishing meanwhile may have forgotten the data.
        const data = needData && this.#data === undefined ? await this.load(options) : this.#data;
        return { identifiers: this.#identifiers, data };
      },
      setData: (data) => this.#replaceData(data as TData),
      clearData: () => {
        // Data from a listing or a create with no load to refresh it is all there is: kept.
        if (this.#type.load) this.#replaceData(undefined);
      },
    };
  }

  /**
   * Sets the data outside a load: fetches under way started before the change, so their
   * answers (and a `load()` that would join one) must not bring the old state back.
   */
  #replaceData(data: TData | undefined): void {
    this.#fetches++;
    this.#loading = undefined;
    this.#data = data;
  }

  /** `Bucket { name: 'x' }` in `console.log` and `util.inspect`. */
  [inspectSymbol](
    _depth: number,
    options: unknown,
    inspect: (value: unknown, options: unknown) => string,
  ): string {
    return `${this.#type.label} ${inspect(this.#publicIdentifiers(), options)}`;
  }

  async #fetch(options: RequestOptions | undefined): Promise<TData> {
    const generation = ++this.#fetches;
    const checked = checkRequestOptions(options, `${this.#type.label}.load`);
    const load = this.#type.load;
    if (!load) {
      throw new ResourceNotLoadableError(
        `${this.#type.label} has no load operation: its attributes come from the listing that made it`,
      );
    }
    const params = buildParams(load.request.params, { identifiers: this.#identifiers });
    const response = await sendRequest(
      this.#type.service,
      this.#client,
      load.request,
      params,
      checked,
    );
    const data = load.path(response, this.#identifiers);
    if (data === null || data === undefined || typeof data !== 'object') {
      throw new ResourceNotFoundError(this.#type.name, this.#publicIdentifiers());
    }
    // A multiselect path (`{Size: ContentLength}`) gives null for members the response lacks,
    // where v3 data leaves them out (attributes are typed `T | undefined`).
    const fetched = (load.path === whole ? data : withoutNullMembers(data)) as TData;
    if (generation === this.#fetches) this.#data = fetched;
    return fetched;
  }

  #publicIdentifiers(): Record<string, string | number> {
    const out: Record<string, string | number> = {};
    for (const identifier of this.#type.identifiers)
      out[identifier.property] = this.#identifiers[identifier.name] as string | number;
    return out;
  }

  #isNotFound(error: unknown): boolean {
    if (error instanceof ResourceNotFoundError) return true;
    if (typeof error !== 'object' || error === null) return false;
    const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    return (
      $metadata?.httpStatusCode === 404 || this.#type.service.notFoundErrors.includes(name ?? '')
    );
  }
}

function withoutNullMembers(data: object): object {
  if (Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null));
}
