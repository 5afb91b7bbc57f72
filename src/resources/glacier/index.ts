/**
 * Amazon S3 Glacier (the vault service) resources: `new Glacier()`, `Account`, `Vault`,
 * `Archive`, `Job`, `MultipartUpload` and `Notification`, with their actions and collections —
 * boto3's Glacier resource model on the AWS SDK for JavaScript v3. The vault service takes no
 * new customers; for new archives, use the S3 Glacier storage classes through
 * `aws-resources/s3`.
 *
 * @example
 * ```ts
 * import { Glacier } from 'aws-resources/glacier';
 * const vault = await new Glacier().createVault({ vaultName: 'backups' });
 * const archive = await vault.uploadArchive({ body: 'hello', archiveDescription: 'greeting' });
 * ```
 *
 * @module aws-resources/glacier
 * @packageDocumentation
 */
export * from './generated/index.js';
export type { RequestOptions, WaiterOptions } from '../../core/index.js';
