import type { ListObjectsV2CommandOutput } from '@aws-sdk/client-s3';
import { ParamValidationError, responsesOf, type RequestOptions } from '../../core/index.js';
import { ObjectSummaryCollection } from './generated/collections.js';

/**
 * Options of `bucket.objects.filter({ Prefix }).shards(options)`.
 *
 * @public
 */
export interface ShardOptions extends RequestOptions {
  /** What ends a "folder" in a key (default `'/'`). */
  readonly delimiter?: string;
}

declare module './generated/collections.js' {
  interface ObjectSummaryCollection<P extends object = object> {
    /**
     * Splits the listing by common prefix into independent collections, one per common
     * prefix under the filter's `Prefix` (everything under it, at any depth), plus first one
     * for the keys directly at that level (the listing with `Delimiter`); every key is in
     * exactly one shard. Each shard is a normal collection: chainable, checkpointable and
     * serializable with `toJSON()`, to hand to another process or function. Costs one
     * `ListObjectsV2` (with `Delimiter`) per 1,000 common prefixes and keys at that level.
     *
     * @param options - `delimiter` (default `'/'`), `abortSignal`
     * @example
     * ```ts
     * const shards = await bucket.objects.filter({ Prefix: 'logs/' }).shards({ delimiter: '/' });
     * const jobs = shards.map((shard) => JSON.stringify(shard));
     * ```
     */
    shards(options?: ShardOptions): Promise<ObjectSummaryCollection<P>[]>;
  }
}

/**
 * Adds `shards` to the generated object collections. Called by the Bucket module, which every
 * object listing comes from: a bundler keeps it wherever `bucket.objects` is reachable.
 */
export function installShards(): void {
  ObjectSummaryCollection.prototype.shards = shards;
}

async function shards<P extends object>(
  this: ObjectSummaryCollection<P>,
  options?: ShardOptions,
): Promise<ObjectSummaryCollection<P>[]> {
  const label = 'Bucket.objects.shards';
  const { delimiter = '/', ...request } = options ?? {};
  if (typeof delimiter !== 'string' || delimiter === '') {
    throw new ParamValidationError(`${label}: options.delimiter must be a non-empty string`);
  }
  const { params, limit, position } = this.toJSON();
  if (limit !== undefined || position !== undefined) {
    throw new ParamValidationError(
      `${label}: split the listing before limiting or restoring it part-way`,
    );
  }
  if (params.Delimiter !== undefined) {
    throw new ParamValidationError(`${label}: the listing has a Delimiter already`);
  }
  const atThisLevel = this.filter({ Delimiter: delimiter } as P);
  const prefixes: string[] = [];
  for await (const { response } of responsesOf(atThisLevel, request)) {
    for (const common of (response as ListObjectsV2CommandOutput).CommonPrefixes ?? []) {
      if (common.Prefix !== undefined) prefixes.push(common.Prefix);
    }
  }
  return [atThisLevel, ...prefixes.map((prefix) => this.filter({ Prefix: prefix } as P))];
}
