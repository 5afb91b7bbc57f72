import { queryOf } from '../../core/index.js';
import type { BatchJob } from '../s3control/index.js';
import { toBatchJob, type ToBatchJobOptions } from './batch-job/to-batch-job.js';
import { ObjectSummaryCollectionBase } from './generated/collections.js';
import { shardsOf, type ShardOptions } from './object-shards.js';

/**
 * A lazy, chainable query over the ObjectSummary resources of a bucket (`bucket.objects`),
 * with its batch actions, its split into shards by common prefix, and the hand-off of the
 * whole query to S3 Batch Operations.
 *
 * @typeParam P - the listing params `filter` takes
 *
 * @example
 * ```ts
 * await bucket.objects.filter({ Prefix: 'tmp/' }).delete();
 * ```
 *
 * @public
 */
export class ObjectSummaryCollection<
  P extends object = object,
> extends ObjectSummaryCollectionBase<P> {
  /**
   * Creates an S3 Batch Operations job that does `operation` to every object this query
   * selects, without listing them: one CreateJob (through `options.s3control`, or an S3 Control
   * client made from the bucket's client configuration, loaded then) whose manifest
   * generator carries the query (the bucket's ARN, `Prefix` as
   * `KeyNameConstraint.MatchAnyPrefix`, `ExpectedBucketOwner`). A query the generator cannot
   * express (`Delimiter`, `StartAfter`, `limit()`, ...) and every bad option are a
   * `ParamValidationError` before any request. `clientRequestToken` defaults to a new UUID;
   * `priority` to 10; `report` is required.
   *
   * @param options - `accountId`, `roleArn`, `operation`, `report`, and the optional
   *   `s3control`, `abortSignal` (or `signal`) and job settings (see {@link ToBatchJobOptions})
   * @returns the created job (its id from the response; nothing loaded yet)
   * @example
   * ```ts
   * // CreateJob goes through an S3 Control client made from the bucket's client config;
   * // pass `s3control: new S3Control(...)` to choose it (or in an app bundled without it).
   * const job = await bucket.objects.filter({ Prefix: 'images/' }).toBatchJob({
   *   accountId: '123456789012',
   *   roleArn: 'arn:aws:iam::123456789012:role/batch-operations',
   *   operation: { invoke: new Lambda().Function('resize') },
   *   report: { bucket: s3.Bucket('reports'), prefix: 'batch/' },
   * });
   * await job.waitUntilComplete();
   * ```
   */
  toBatchJob(options: ToBatchJobOptions): Promise<BatchJob> {
    return toBatchJob(queryOf(this), options);
  }

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
  shards(options?: ShardOptions): Promise<ObjectSummaryCollection<P>[]> {
    return shardsOf(this, options);
  }
}
