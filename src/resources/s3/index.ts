/**
 * Amazon S3 resources: `new S3()`, `Bucket`, `S3Object` (boto3's `Object`), collections,
 * batch actions, waiters, managed transfers and presigned URLs.
 *
 * @example
 * ```ts
 * import { S3 } from 'aws-resources/s3';
 * const bucket = new S3().Bucket('reports');
 * for await (const o of bucket.objects.filter({ Prefix: 'logs/' }).limit(10)) console.log(o.key);
 * ```
 *
 * @module aws-resources/s3
 * @packageDocumentation
 */
export * from './generated/index.js';
export type { ShardOptions } from './object-shards.js';
export type { ObjectBody, GetObjectResult } from './transfers/object-body.js';
export type { UploadOptions, UploadResult, UploadBody } from './transfers/upload.js';
export type { DownloadFileOptions, DownloadOptions, DownloadResult } from './transfers/download.js';
export type {
  DownloadDirectoryOptions,
  DownloadDirectoryResult,
  DownloadedFile,
  DirectoryDownloadFailure,
} from './transfers/download-directory.js';
export type {
  UploadDirectoryOptions,
  UploadDirectoryResult,
  UploadedFile,
  DirectoryUploadFailure,
} from './transfers/upload-directory.js';
export type { CopyOptions, CopyResult } from './transfers/copy.js';
export type { PresignOptions } from './transfers/presign.js';
export type { ToBatchJobOptions } from './batch-job/to-batch-job.js';
export type { BatchJobOperation, BatchJobFunction, BatchJobBucket } from './batch-job/operation.js';
export type { BatchJobReport } from './batch-job/report.js';
export type { Progress, TransferOptions, ObjectSource, ObjectTarget } from './transfers/options.js';
export type { BatchActionOptions, RequestOptions, WaiterOptions } from '../../core/index.js';
