import type { JobDescriptor, JobStatus } from '@aws-sdk/client-s3-control';
import {
  AbortError,
  AwsResourcesError,
  ParamValidationError,
  signalOf,
  sleep,
  type RequestOptions,
} from '../../core/index.js';

/**
 * Options of `batchJob.waitUntilComplete()`. Jobs run for minutes to hours, so the defaults
 * differ from the other waiters': one hour in all, polls from 5 s apart growing to 60 s.
 *
 * @example
 * ```ts
 * await job.waitUntilComplete({ maxWaitTime: 7200, abortSignal: controller.signal });
 * ```
 *
 * @public
 */
export interface BatchJobWaitOptions extends RequestOptions {
  /** Gives up after this many seconds (default 3600). */
  readonly maxWaitTime?: number;
  /** Seconds before the second poll, doubling up to `maxDelay` (default 5). */
  readonly minDelay?: number;
  /** Most seconds between polls (default 60). */
  readonly maxDelay?: number;
  /** Stops waiting: rejects with an `AbortError` at once; no request is sent after it fires. */
  readonly abortSignal?: AbortSignal;
}

/**
 * A batch job that `waitUntilComplete()` waited for ended `Failed` or `Cancelled`, or did not
 * complete in time (`status` is then its last status). `job` is its last `DescribeJob` data,
 * with `failureReasons` and `progressSummary`.
 *
 * @example
 * ```ts
 * try {
 *   await job.waitUntilComplete();
 * } catch (error) {
 *   if (error instanceof BatchJobError) console.error(error.status, error.job.FailureReasons);
 * }
 * ```
 *
 * @public
 */
export class BatchJobError extends AwsResourcesError {
  constructor(
    message: string,
    /** The job's last status (`Failed`, `Cancelled`, or where it was when time ran out). */
    readonly status: JobStatus | undefined,
    /** The job's last `DescribeJob` data. */
    readonly job: JobDescriptor,
  ) {
    super(message);
  }
}

/** The statuses a job never leaves. */
const ENDED = new Set<string>(['Complete', 'Failed', 'Cancelled']);

interface Checked {
  readonly maxWaitTime: number;
  readonly minDelay: number;
  readonly maxDelay: number;
  readonly abortSignal?: AbortSignal;
}

function checkOptions(options: BatchJobWaitOptions | undefined, label: string): Checked {
  if (options !== undefined && (typeof options !== 'object' || options === null))
    throw new ParamValidationError(`${label}: options must be an object`);
  const { maxWaitTime = 3600, minDelay = 5, maxDelay = 60 } = options ?? {};
  const abortSignal = signalOf(options, label);
  for (const [key, value] of Object.entries({ maxWaitTime, minDelay, maxDelay })) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
      throw new ParamValidationError(
        `${label}: ${key} must be a positive number of seconds, got ${String(value)}`,
      );
  }
  if (minDelay > maxDelay)
    throw new ParamValidationError(
      `${label}: minDelay (${minDelay}) must not exceed maxDelay (${maxDelay})`,
    );
  return { maxWaitTime, minDelay, maxDelay, ...(abortSignal ? { abortSignal } : {}) };
}

/**
 * Polls `describe` (one DescribeJob each) until the job is `Complete`; `Failed` and
 * `Cancelled` reject with a {@link BatchJobError}, as does running out of time.
 */
export async function waitForJob(
  describe: (options: RequestOptions) => Promise<JobDescriptor>,
  options: BatchJobWaitOptions | undefined,
  label: string,
): Promise<JobDescriptor> {
  const { maxWaitTime, minDelay, maxDelay, abortSignal } = checkOptions(options, label);
  const deadline = Date.now() + maxWaitTime * 1000;
  let delay = minDelay;
  for (;;) {
    if (abortSignal?.aborted)
      throw new AbortError(`${label} was aborted`, { cause: abortSignal.reason });
    let job: JobDescriptor;
    try {
      job = await describe(abortSignal ? { abortSignal } : {});
    } catch (error) {
      if (abortSignal?.aborted && !(error instanceof AbortError))
        throw new AbortError(`${label} was aborted`, { cause: error });
      throw error;
    }
    const status = job.Status;
    if (status === 'Complete') return job;
    if (status !== undefined && ENDED.has(status)) {
      const reasons = (job.FailureReasons ?? [])
        .map((f) => [f.FailureCode, f.FailureReason].filter(Boolean).join(': '))
        .join('; ');
      throw new BatchJobError(
        `${label}: the job ended ${status}${reasons ? ` (${reasons})` : job.StatusUpdateReason ? ` (${job.StatusUpdateReason})` : ''}`,
        status,
        job,
      );
    }
    const left = deadline - Date.now();
    if (left <= 0)
      throw new BatchJobError(
        `${label}: the job did not complete within ${maxWaitTime} s (last status ${String(status)})`,
        status,
        job,
      );
    await sleep(Math.min(delay * 1000, left), abortSignal, `${label} was aborted`);
    delay = Math.min(delay * 2, maxDelay);
  }
}
