import { BatchJobBase } from './generated/batch-job.js';
import { waitForJob, type BatchJobWaitOptions } from './wait.js';

/**
 * An S3 Batch Operations job: identifiers `accountId` and `id`, attributes from DescribeJob
 * (`status`, `progressSummary`, `priority`, `report`, `failureReasons`, ...), `cancel()`,
 * `confirm()`, `updatePriority()` and `waitUntilComplete()`.
 *
 * @example
 * ```ts
 * const job = new S3Control().BatchJob('123456789012', 'a1b2c3d4-5678');
 * console.log(await job.status, (await job.progressSummary)?.NumberOfTasksSucceeded);
 * ```
 *
 * @public
 */
export class BatchJob extends BatchJobBase {
  /**
   * Polls DescribeJob until the job is `Complete`, and resolves with the job, its data the
   * last description. A job that ends `Failed` or `Cancelled`, or is not complete after
   * `maxWaitTime`, rejects with a `BatchJobError` carrying its status, failure reasons and
   * data. A job that waits for confirmation (`Suspended`) stays so until `confirm()`.
   *
   * @param options - `maxWaitTime` (seconds, default 3600), `minDelay` (default 5, doubling
   *   up to) `maxDelay` (default 60), `abortSignal` (rejects at once with an `AbortError`)
   * @example
   * ```ts
   * const done = await job.waitUntilComplete({ abortSignal: AbortSignal.timeout(600_000) });
   * console.log((await done.progressSummary)?.NumberOfTasksFailed);
   * ```
   */
  async waitUntilComplete(options?: BatchJobWaitOptions): Promise<this> {
    await waitForJob((o) => this.reload(o), options, 'BatchJob.waitUntilComplete');
    return this;
  }
}
