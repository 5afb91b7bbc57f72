/**
 * Compile-time tests of the Glacier surface, checked by `npm run typecheck` (and by
 * test/unit/type-tests.test.ts). Nothing here runs: the functions are never called.
 * Each `@ts-expect-error` line must stay an error; the rest must compile.
 */
import type {
  CompleteMultipartUploadCommandOutput,
  GetJobOutputCommandOutput,
  ListPartsCommandOutput,
  StatusCode,
} from '@aws-sdk/client-glacier';
import {
  Glacier,
  Job,
  ResourceNotFoundException,
  type Account,
  type Archive,
  type MultipartUpload,
  type Notification,
  type Vault,
  type VaultJobsCollection,
} from '../../src/resources/glacier/index.js';

export async function wrongCallsDoNotCompile(
  glacier: Glacier,
  vault: Vault,
  archive: Archive,
  upload: MultipartUpload,
  notification: Notification,
) {
  // @ts-expect-error the service's createVault fills accountId with '-' (use Account(id))
  await glacier.createVault({ vaultName: 'v', accountId: '123456789012' });
  // @ts-expect-error vaultName is required
  await glacier.createVault({});
  // @ts-expect-error a vault takes its account ID and name
  glacier.Vault('backups');
  // @ts-expect-error an archive takes account ID, vault name and archive ID
  glacier.Archive('-', 'backups');
  // @ts-expect-error the vault fills vaultName
  await vault.uploadArchive({ vaultName: 'other', body: 'x' });
  // @ts-expect-error the archive fills accountId (and vaultName, jobParameters.ArchiveId)
  await archive.initiateArchiveRetrieval({ accountId: '-' });
  // @ts-expect-error the upload fills uploadId
  await upload.uploadPart({ uploadId: 'other', body: 'x' });
  // @ts-expect-error a notification config has SNSTopic and Events, not Topic
  await notification.set({ vaultNotificationConfig: { Topic: 'arn' } });
  // @ts-expect-error identifiers are read-only
  vault.name = 'other';
  // @ts-expect-error boto3's misspelled multipart_uplaods is not copied
  void vault.multipartUplaods;
  // @ts-expect-error no such attribute on a vault
  await vault.archiveCount;
}

export async function rightCallsCompile(glacier: Glacier, account: Account) {
  const vault: Vault = await glacier.createVault({ vaultName: 'backups' });
  const other: Vault = await account.createVault({ vaultName: 'backups' });
  const size: number | undefined = await vault.sizeInBytes;
  const count: number | undefined = await other.numberOfArchives;
  const arn: string | undefined = await vault.vaultARN;
  const archive: Archive = await vault.uploadArchive({ body: 'x', archiveDescription: 'd' });
  const job: Job = await archive.initiateArchiveRetrieval({ jobParameters: { Tier: 'Bulk' } });
  const status: StatusCode | undefined = await job.statusCode;
  const done: boolean | undefined = await job.completed;
  const output: GetJobOutputCommandOutput = await job.getOutput({ range: 'bytes=0-1023' });
  const inventory: Job = await vault.initiateInventoryRetrieval();
  const jobs: VaultJobsCollection = vault.jobs.filter({ completed: 'false' });
  for await (const listed of jobs) void (listed satisfies Job);
  for await (const failed of vault.failedJobs.all()) void failed.id;
  const upload: MultipartUpload = await vault.initiateMultipartUpload({ partSize: '1048576' });
  const parts: ListPartsCommandOutput = await upload.parts();
  const completed: CompleteMultipartUploadCommandOutput = await upload.complete({
    archiveSize: '1048576',
    checksum: 'abc',
  });
  for await (const pending of vault.multipartUploads.limit(5)) await pending.abort();
  const topic: string | undefined = await vault.Notification().snsTopic;
  const events: string[] | undefined = await vault.Notification().events;
  await vault.waitUntilExists({ maxWaitTime: 30 });
  const sameVault: Vault = job.Vault();
  const accountOfVault: Account = vault.Account();
  const missing: boolean = (await glacier.Vault('-', 'gone').exists()) === false;
  const caught = (error: unknown) => error instanceof ResourceNotFoundException;
  void [sameVault, accountOfVault, missing, caught];
  return [size, count, arn, status, done, output, inventory, parts, completed, topic, events];
}
