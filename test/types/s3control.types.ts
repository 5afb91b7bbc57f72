/**
 * Compile-time tests of the S3 Control surface and of `toBatchJob`, checked by
 * `npm run typecheck` (and by test/unit/type-tests.test.ts). Nothing here runs: the functions
 * are never called. Each `@ts-expect-error` line must stay an error; the rest must compile.
 */
import type {
  JobDescriptor,
  JobProgressSummary,
  JobStatus,
  UpdateJobStatusCommandOutput,
} from '@aws-sdk/client-s3-control';
import type { Bucket, ToBatchJobOptions } from '../../src/resources/s3/index.js';
import type { LambdaFunction } from '../../src/resources/lambda/index.js';
import {
  BatchJob,
  BatchJobError,
  S3Control,
  type Account,
  type AccountJobsCollection,
} from '../../src/resources/s3control/index.js';

export async function rightCallsCompile(
  s3control: S3Control,
  bucket: Bucket,
  fn: LambdaFunction,
): Promise<void> {
  const account: Account = s3control.Account('123456789012');
  const job: BatchJob = s3control.BatchJob('123456789012', 'job-1');
  const same: BatchJob = account.BatchJob('job-1');
  const accountId: string = job.accountId;
  const id: string = same.id;
  const status: JobStatus | undefined = await job.status;
  const progress: JobProgressSummary | undefined = await job.progressSummary;
  const data: JobDescriptor | undefined = job.data;
  const cancelled: UpdateJobStatusCommandOutput = await job.cancel();
  await job.confirm();
  await job.updatePriority({ Priority: 5 });
  const done: BatchJob = await job.waitUntilComplete({
    maxWaitTime: 60,
    abortSignal: AbortSignal.timeout(1),
  });
  const active: AccountJobsCollection = account.jobs.filter({ JobStatuses: ['Active'] });
  for await (const j of active.limit(5)) void j.id;
  const base = {
    s3control,
    accountId: '123456789012',
    roleArn: 'arn:aws:iam::123456789012:role/r',
    report: false,
  } as const;
  const made: BatchJob = await bucket.objects
    .filter({ Prefix: 'a/' })
    .toBatchJob({ ...base, operation: { invoke: fn } });
  await bucket.objects.all().toBatchJob({ ...base, operation: { copyTo: bucket, prefix: 'c/' } });
  await bucket.objects
    .all()
    .toBatchJob({ ...base, operation: { tag: [{ Key: 'k', Value: 'v' }] } });
  await bucket.objects.all().toBatchJob({
    ...base,
    operation: { S3PutObjectRetention: { Retention: { Mode: 'GOVERNANCE' } } },
    report: { bucket, scope: 'FailedTasksOnly' },
    manifestFilter: { ObjectSizeLessThanBytes: 10 },
  });
  const options: ToBatchJobOptions = { ...base, operation: { deleteTags: true } };
  const error = new BatchJobError('m', 'Failed', {});
  void [accountId, id, status, progress, data, cancelled, done, made, options, error.status];
}

export async function wrongCallsDoNotCompile(
  s3control: S3Control,
  bucket: Bucket,
  job: BatchJob,
): Promise<void> {
  // @ts-expect-error a job needs its account id too
  s3control.BatchJob('job-1');
  // @ts-expect-error identifiers are strings
  const wrong: number = job.id;
  // @ts-expect-error status is a JobStatus, not a number
  const status: number | undefined = await job.status;
  // @ts-expect-error the job fills JobId
  await job.updatePriority({ Priority: 1, JobId: 'other' });
  // @ts-expect-error ListJobs filters by JobStatuses
  s3control.Account('123456789012').jobs.filter({ Prefix: 'a' });
  const base = {
    s3control,
    accountId: '123456789012',
    roleArn: 'arn:aws:iam::123456789012:role/r',
    report: false,
  } as const;
  // @ts-expect-error S3 Batch Operations has no delete operation
  await bucket.objects.all().toBatchJob({ ...base, operation: { delete: true } });
  const noReport = { ...base, report: undefined, operation: { deleteTags: true } } as const;
  // @ts-expect-error the report is required
  await bucket.objects.all().toBatchJob(noReport);
  // Without s3control, one is made from the bucket's client configuration.
  const { s3control: _given, ...noS3Control } = base;
  const short: Promise<BatchJob> = bucket.objects.filter({ Prefix: 'tmp/' }).toBatchJob({
    ...noS3Control,
    operation: { deleteTags: true },
    signal: new AbortController().signal,
  });
  void short;
  const notS3Control = { ...base, s3control: {}, operation: { deleteTags: true } } as const;
  // @ts-expect-error s3control, when given, is an S3Control
  await bucket.objects.all().toBatchJob(notS3Control);
  // @ts-expect-error toBatchJob is offered from all() / filter(), not on the bare property
  await bucket.objects.toBatchJob({ ...base, operation: { deleteTags: true } });
  // @ts-expect-error object versions cannot be handed off
  await bucket.objectVersions.all().toBatchJob({ ...base, operation: { deleteTags: true } });
  void [wrong, status];
}
