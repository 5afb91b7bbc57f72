import { randomUUID } from 'node:crypto';
import type {
  JobManifestGeneratorFilter,
  S3ManifestOutputLocation,
  S3Tag,
} from '@aws-sdk/client-s3-control';
import {
  ParamValidationError,
  signalOf,
  type CollectionQuery,
  type RequestOptions,
} from '../../../core/index.js';
import type { BatchJob, S3Control } from '../../s3control/index.js';
import { partitionOf } from './arn.js';
import { manifestGeneratorOf } from './manifest.js';
import { checkOperation, type BatchJobOperation } from './operation.js';
import { reportOf, type BatchJobReport } from './report.js';
import { s3ControlFor } from '../s3control-loader.js';

/**
 * Options of `objects.filter(...).toBatchJob()`: the S3 Batch Operations job to create over
 * the collection's objects. Without `s3control`, CreateJob is sent by an S3 Control client
 * made from the bucket's S3 client configuration.
 *
 * @example
 * ```ts
 * const options: ToBatchJobOptions = {
 *   accountId: '123456789012',
 *   roleArn: 'arn:aws:iam::123456789012:role/batch-operations',
 *   operation: { deleteTags: true },
 *   report: false,
 * };
 * const job = await bucket.objects.filter({ Prefix: 'tmp/' }).toBatchJob(options);
 * ```
 *
 * @public
 */
export interface ToBatchJobOptions extends RequestOptions {
  /**
   * The `S3Control` service object (`aws-resources/s3control`) that sends CreateJob. Without
   * it, one is made from the bucket's S3 client configuration (region, credentials, request
   * handler, retries, logger; its endpoint only if one was set), loading
   * `aws-resources/s3control` then: pass it in an app bundled without that module.
   */
  readonly s3control?: S3Control;
  /** The 12-digit account that owns the job. */
  readonly accountId: string;
  /** The IAM role the job runs as (it must read the bucket and do the operation). */
  readonly roleArn: string;
  /** What to do to each object (see {@link BatchJobOperation}). */
  readonly operation: BatchJobOperation;
  /** The completion report (see {@link BatchJobReport}); required, `false` for none. */
  readonly report: BatchJobReport;
  /** The job's priority, higher first (default 10). */
  readonly priority?: number;
  /** Whether the job waits for `confirm()` before it runs (S3's default: no). */
  readonly confirmationRequired?: boolean;
  /** Makes CreateJob idempotent: retrying with the same token makes no second job (default: a new UUID). */
  readonly clientRequestToken?: string;
  readonly description?: string;
  readonly tags?: S3Tag[];
  /** More selection by the manifest generator: creation dates, sizes, storage classes, ... */
  readonly manifestFilter?: JobManifestGeneratorFilter;
  /** Where the generator also writes the manifest it made (off unless given). */
  readonly manifestOutput?: S3ManifestOutputLocation;
}

const KNOWN = new Set([
  's3control',
  'accountId',
  'roleArn',
  'operation',
  'report',
  'priority',
  'confirmationRequired',
  'clientRequestToken',
  'description',
  'tags',
  'manifestFilter',
  'manifestOutput',
  'abortSignal',
  'signal',
]);

/**
 * Creates a batch job over the objects a collection query selects: one CreateJob whose
 * manifest generator carries the query, after every option is checked.
 */
export async function toBatchJob(
  query: CollectionQuery,
  options: ToBatchJobOptions,
): Promise<BatchJob> {
  const label = `${query.label}.toBatchJob`;
  if (typeof options !== 'object' || options === null)
    throw new ParamValidationError(`${label}: options must be an object`);
  const unknown = Object.keys(options).filter((k) => !KNOWN.has(k));
  if (unknown.length > 0)
    throw new ParamValidationError(`${label}: unknown option(s) ${unknown.join(', ')}`);
  const { accountId, roleArn, priority = 10, clientRequestToken, description } = options;
  if (
    options.s3control !== undefined &&
    typeof (options.s3control as { Account?: unknown } | null)?.Account !== 'function'
  )
    throw new ParamValidationError(
      `${label}: options.s3control must be an S3Control (new S3Control() from aws-resources/s3control)`,
    );
  if (typeof accountId !== 'string' || !/^\d{12}$/.test(accountId))
    throw new ParamValidationError(
      `${label}: accountId must be a 12-digit AWS account id, got ${JSON.stringify(accountId)}`,
    );
  if (typeof roleArn !== 'string' || !/^arn:[a-z-]+:iam::\d{12}:role\/./.test(roleArn))
    throw new ParamValidationError(
      `${label}: roleArn must be an IAM role ARN (arn:aws:iam::123456789012:role/name), got ${JSON.stringify(roleArn)}`,
    );
  if (!Number.isSafeInteger(priority) || priority < 0 || priority > 2147483647)
    throw new ParamValidationError(
      `${label}: priority must be an integer from 0 to 2147483647, got ${String(priority)}`,
    );
  if (
    clientRequestToken !== undefined &&
    (typeof clientRequestToken !== 'string' ||
      clientRequestToken.length < 1 ||
      clientRequestToken.length > 64)
  )
    throw new ParamValidationError(`${label}: clientRequestToken must be 1 to 64 characters`);
  if (description !== undefined && (typeof description !== 'string' || description.length > 256))
    throw new ParamValidationError(
      `${label}: description must be a string of at most 256 characters`,
    );
  const abortSignal = signalOf(options, label);
  const s3control = options.s3control ?? (await s3ControlFor(query.client, label));
  // v3 normalises `region` to a provider; a hand-made config may still hold the string.
  const regionConfig: unknown = s3control.meta.client.config.region;
  const region =
    typeof regionConfig === 'function'
      ? ((await (regionConfig as () => Promise<unknown>)()) as string | undefined)
      : (regionConfig as string | undefined);
  const partition = partitionOf(region);
  const generator = manifestGeneratorOf(
    query,
    partition,
    {
      ...(options.manifestFilter ? { filter: options.manifestFilter } : {}),
      ...(options.manifestOutput ? { output: options.manifestOutput } : {}),
    },
    label,
  );
  const report = reportOf(options.report, partition, label);
  const resolveOperation = checkOperation(options.operation, partition, label);
  const account = s3control.Account(accountId);
  const operation = await resolveOperation();
  return account.createJob(
    {
      Operation: operation,
      Report: report,
      Priority: priority,
      RoleArn: roleArn,
      ClientRequestToken: clientRequestToken ?? randomUUID(),
      ManifestGenerator: { S3JobManifestGenerator: generator },
      ...(options.confirmationRequired === undefined
        ? {}
        : { ConfirmationRequired: options.confirmationRequired }),
      ...(description === undefined ? {} : { Description: description }),
      ...(options.tags === undefined ? {} : { Tags: options.tags }),
    },
    abortSignal ? { abortSignal } : undefined,
  );
}
