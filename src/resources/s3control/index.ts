/**
 * Amazon S3 Control resources for S3 Batch Operations: `new S3Control()`, `Account` (every
 * S3 Control request names an account) and `BatchJob`, with its actions, a waiter and the
 * account's `jobs` collection. `bucket.objects.filter(...).toBatchJob(...)` in
 * `aws-resources/s3` creates a job over a listing without listing it.
 *
 * @example
 * ```ts
 * import { S3Control } from 'aws-resources/s3control';
 * const account = new S3Control().Account('123456789012');
 * for await (const job of account.jobs.filter({ JobStatuses: ['Active'] })) console.log(job.id);
 * ```
 *
 * @module aws-resources/s3control
 * @packageDocumentation
 */
export * from './generated/index.js';
export { BatchJobError, type BatchJobWaitOptions } from './wait.js';
export type { RequestOptions } from '../../core/index.js';
