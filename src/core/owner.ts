import type { ServiceSpec } from './descriptors.js';
import type { ParamContext } from './params.js';
import type { RequestOptions } from './request.js';

/**
 * What the engine reads from a resource or a service object to run one of its members: the
 * client, the service, a name for messages, the identifiers and the data. The engine reaches
 * it through the `OWNER` symbol, which only engine modules import.
 */
export interface Owner {
  readonly client: object;
  readonly service: ServiceSpec;
  /** `Bucket`, `S3`: the start of every message about this object's members. */
  readonly label: string;
  /** The identifiers by definition name (`{ BucketName: 'b', Key: 'k' }`). */
  readonly identifiers: Readonly<Record<string, unknown>>;
  /** The loaded data, if any. */
  readonly data?: unknown;
  /** Identifiers and data for building params; loads first when `needData`. */
  context(needData: boolean, options: RequestOptions): Promise<ParamContext>;
  /**
   * Replaces the data (a waiter's last response, or an action's, describes the resource);
   * a load still in flight no longer sets it.
   */
  setData?(data: object): void;
  /**
   * Forgets the data after an action (as boto3 does), so the next read loads; a load still
   * in flight no longer sets it. Nothing for a resource that cannot load again.
   */
  clearData?(): void;
}

/** The symbol of the method that gives a resource's or service's `Owner`. */
export const OWNER: unique symbol = Symbol('aws-resources.owner');

/** Anything that has members the engine runs: resources and service objects. */
export interface HasOwner {
  [OWNER](): Owner;
}
