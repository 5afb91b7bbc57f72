import type { ServiceDefinition } from './definition-types.js';
import type { ParamContext } from './params.js';
import { ResourceBase } from './resource-base.js';
import type { ServiceModel } from './service-model.js';

/** What `service.meta` holds. */
export interface ServiceMeta<TClient extends object> {
  /** The service's import name (`s3`). */
  readonly serviceName: string;
  /** The v3 client shared by every resource made from this service object. */
  readonly client: TClient;
}

/**
 * How a service entry gets its v3 client: an existing client, or the v3 client config to
 * make one with.
 */
export type ServiceOptions<TClient extends object, TConfig extends object> =
  TConfig | { readonly client: TClient };

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * The entry object of a service (`new S3()`): its actions, sub-resource factories and
 * top-level collections. Generated classes extend it.
 */
export abstract class ServiceResource<TClient extends object> extends ResourceBase<TClient> {
  /** @internal */
  protected constructor(model: ServiceModel, client: TClient) {
    super(model, client);
  }

  /** @internal */
  protected override get $definition(): ServiceDefinition {
    return this.$model.definition.service;
  }

  /** @internal */
  protected override get $label(): string {
    return this.$model.definition.service.className;
  }

  /** @internal */
  protected override $paramContext(): Promise<ParamContext> {
    return Promise.resolve({ identifiers: {} });
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
    return { serviceName: this.$model.serviceName, client: this.$client };
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
    return { service: this.$model.serviceName };
  }

  /** `S3 {}` in `console.log` and `util.inspect`. */
  [inspectSymbol](): string {
    return `${this.constructor.name} {}`;
  }
}

/**
 * Picks the client from service options: the given one, or a new one made from the config.
 *
 * @internal
 */
export function resolveClient<TClient extends object, TConfig extends object>(
  options: ServiceOptions<TClient, TConfig> | undefined,
  create: (config: TConfig) => TClient,
): TClient {
  if (options && 'client' in options && options.client) return options.client as TClient;
  return create((options ?? {}) as TConfig);
}
