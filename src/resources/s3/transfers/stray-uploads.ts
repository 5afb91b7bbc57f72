/**
 * CreateMultipartUpload without strays. When the v3 client needed more than one attempt for
 * it, an earlier attempt may have started an upload on S3 whose answer was lost (a reset or a
 * cut-off response after S3 applied the request). Nothing would ever complete or abort that
 * upload, and S3 keeps (and bills) it. So after a retried create, the other in-progress
 * uploads of the same key are aborted, best effort.
 *
 * S3 offers no way to tell such a stray from another writer's upload of the very same key in
 * progress at that moment (ListMultipartUploads gives no caller token, and emulators report
 * no real `Initiated` time): that one is aborted too, and its writer gets `NoSuchUpload`.
 * Concurrent uploads to one key race anyway (the last to complete wins).
 *
 * @packageDocumentation
 */
import {
  AbortMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListMultipartUploadsCommand,
  type CreateMultipartUploadCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';

type SendOptions = Parameters<S3Client['send']>[1];

/**
 * Sends `command`; if that took more than one attempt, aborts the stray uploads of its key.
 *
 * @example
 * ```ts
 * const { UploadId } = await createMultipartUpload(client, new CreateMultipartUploadCommand(input));
 * ```
 */
export async function createMultipartUpload(
  client: S3Client,
  command: CreateMultipartUploadCommand,
  options?: SendOptions,
): Promise<CreateMultipartUploadCommandOutput> {
  const output = await client.send(command, options);
  if ((output.$metadata.attempts ?? 1) > 1 && output.UploadId !== undefined) {
    await abortStrays(client, command, output.UploadId);
  }
  return output;
}

async function abortStrays(
  client: S3Client,
  command: CreateMultipartUploadCommand,
  ours: string,
): Promise<void> {
  const { Bucket, Key, ExpectedBucketOwner, RequestPayer } = command.input;
  let KeyMarker: string | undefined;
  let UploadIdMarker: string | undefined;
  try {
    for (;;) {
      const page = await client.send(
        new ListMultipartUploadsCommand({
          Bucket,
          Prefix: Key,
          KeyMarker,
          UploadIdMarker,
          ExpectedBucketOwner,
          RequestPayer,
        }),
      );
      for (const { Key: key, UploadId } of page.Uploads ?? []) {
        if (key !== Key || UploadId === undefined || UploadId === ours) continue;
        await client
          .send(
            new AbortMultipartUploadCommand({
              Bucket,
              Key,
              UploadId,
              ExpectedBucketOwner,
              RequestPayer,
            }),
          )
          .catch(() => undefined); // already gone, or not ours to abort: leave it
      }
      // Uploads are listed by key: past ours, nothing more of this key follows.
      const next = page.NextKeyMarker;
      if (!page.IsTruncated || next === undefined || next > (Key ?? '')) return;
      KeyMarker = next;
      UploadIdMarker = page.NextUploadIdMarker;
    }
  } catch {
    // Best effort: the upload itself goes on; a lifecycle rule can still abort a stray.
  }
}
