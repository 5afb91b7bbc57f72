import type { JobReport, JobReportScope } from '@aws-sdk/client-s3-control';
import { ParamValidationError } from '../../../core/index.js';
import { toBucketArn } from './arn.js';
import type { BatchJobBucket } from './operation.js';

/**
 * Where a batch job writes its completion report: a bucket (a `Bucket` resource or its ARN)
 * with an optional `prefix` and `scope` (`'AllTasks'`, the default, or `'FailedTasksOnly'`);
 * `false` for no report; or the v3 `JobReport` itself. Required: a job without a report
 * leaves no record of which objects failed.
 *
 * @example
 * ```ts
 * const report: BatchJobReport = { bucket: s3.Bucket('reports'), prefix: 'batch/', scope: 'FailedTasksOnly' };
 * ```
 *
 * @public
 */
export type BatchJobReport =
  | false
  | {
      readonly bucket: BatchJobBucket;
      readonly prefix?: string;
      readonly scope?: JobReportScope;
      readonly expectedBucketOwner?: string;
    }
  | JobReport;

/** The CreateJob `Report` of a report setting, checked. */
export function reportOf(report: unknown, partition: string, label: string): JobReport {
  if (report === false) return { Enabled: false };
  if (typeof report !== 'object' || report === null)
    throw new ParamValidationError(
      `${label}: report is required: { bucket, prefix?, scope? }, a JobReport, or false for no report`,
    );
  if ('Enabled' in report) return report as JobReport;
  const { bucket, prefix, scope, expectedBucketOwner, ...rest } = report as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0)
    throw new ParamValidationError(`${label}: report does not take ${extra.join(', ')}`);
  const arn = toBucketArn(bucket, partition);
  if (arn === undefined)
    throw new ParamValidationError(
      `${label}: report.bucket must be a Bucket resource or a bucket ARN (arn:aws:s3:::name)`,
    );
  if (prefix !== undefined && typeof prefix !== 'string')
    throw new ParamValidationError(`${label}: report.prefix must be a string`);
  if (scope !== undefined && scope !== 'AllTasks' && scope !== 'FailedTasksOnly')
    throw new ParamValidationError(
      `${label}: report.scope must be 'AllTasks' or 'FailedTasksOnly', got ${String(scope)}`,
    );
  return {
    Enabled: true,
    Bucket: arn,
    Format: 'Report_CSV_20180820',
    ReportScope: (scope as JobReportScope | undefined) ?? 'AllTasks',
    ...(prefix ? { Prefix: prefix } : {}),
    ...(typeof expectedBucketOwner === 'string'
      ? { ExpectedBucketOwner: expectedBucketOwner }
      : {}),
  };
}
