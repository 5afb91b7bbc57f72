/**
 * Managed copy: one CopyObject up to the 5 GiB CopyObject limit, a concurrent multipart
 * copy (UploadPartCopy) above it — the object never passes through this process.
 *
 * @packageDocumentation
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  UploadPartCopyCommand,
  type CompletedPart,
  type CompleteMultipartUploadCommandOutput,
  type CopyObjectCommandInput,
  type CopyObjectCommandOutput,
  type CreateMultipartUploadCommandInput,
  type HeadObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  abortError,
  assertByteCount,
  assertConcurrency,
  assertLocation,
  assertParams,
  assertPartSize,
  assertTransferOptions,
  GiB,
  MAX_PARTS,
  MiB,
  throwIfAborted,
  type ObjectSource,
  type ObjectTarget,
  type TransferOptions,
} from './options.js';
import { createMultipartUpload } from './stray-uploads.js';

/** The largest object a single CopyObject may copy. */
const COPY_OBJECT_LIMIT = 5 * GiB;

/**
 * Options of {@link Bucket.copy} and {@link S3Object.copy}.
 *
 * @public
 */
export interface CopyOptions extends TransferOptions {
  /** Objects larger than this many bytes are copied in parts. Default and maximum: 5 GiB. */
  multipartThreshold?: number;
  /**
   * Bytes per UploadPartCopy, from 5 MiB to 5 GiB. Default: 64 MiB, raised as needed to stay
   * within 10,000 parts.
   */
  partSize?: number;
  /** UploadPartCopy requests in flight at once. Default: 4. */
  concurrency?: number;
  /**
   * Extra CopyObject members: MetadataDirective, ContentType, Metadata, StorageClass,
   * ServerSideEncryption, CopySourceIfMatch, ... In a multipart copy they are spread over
   * CreateMultipartUpload, UploadPartCopy and CompleteMultipartUpload as each accepts them.
   */
  params?: Omit<CopyObjectCommandInput, 'Bucket' | 'Key' | 'CopySource'>;
}

/**
 * CopyObject's output for a single-request copy, CompleteMultipartUpload's for a multipart one.
 *
 * @public
 */
export type CopyResult = CopyObjectCommandOutput | CompleteMultipartUploadCommandOutput;

/** `bucket/key?versionId=v`, the key URL-encoded segment by segment as CopySource requires. */
function copySource(source: ObjectSource): string {
  const key = source.Key.split('/').map(encodeURIComponent).join('/');
  const version =
    source.VersionId === undefined ? '' : `?versionId=${encodeURIComponent(source.VersionId)}`;
  return `${source.Bucket}/${key}${version}`;
}

/**
 * Managed copy of one object to another (or to itself, to change its metadata or storage
 * class). It reads the source's size with HeadObject, then sends one CopyObject when the
 * size is at most `multipartThreshold`, else a multipart copy: CreateMultipartUpload,
 * `concurrency` UploadPartCopy requests at a time, CompleteMultipartUpload. A failed or
 * aborted multipart copy is aborted on S3 before the promise rejects.
 *
 * A multipart copy behaves like CopyObject: unless `params.MetadataDirective` is `'REPLACE'`
 * it carries over the source's Content-Type, Cache-Control, Content-Disposition,
 * Content-Encoding, Content-Language, Expires and user metadata, and unless
 * `params.TaggingDirective` is `'REPLACE'` its tags (one GetObjectTagging, only when the
 * source has tags). Each part is pinned to the source's ETag, so a source overwritten
 * mid-copy fails the copy instead of mixing two versions.
 *
 * @param client - the S3 client to send with
 * @param source - what to copy: `{ Bucket, Key, VersionId? }`
 * @param target - where to: `{ Bucket, Key }`
 * @param options - threshold, part size, concurrency, progress, cancellation, extra params
 * @returns the CopyObject or CompleteMultipartUpload output
 * @throws ParamValidationError for bad arguments, before any request
 *
 * @example
 * ```ts
 * await copyObject(
 *   client,
 *   { Bucket: 'raw', Key: 'video/big.mp4' },
 *   { Bucket: 'archive', Key: 'video/big.mp4' },
 *   {
 *     params: { StorageClass: 'GLACIER_IR' },
 *     onProgress: ({ loaded, total }) => console.log(`${loaded}/${total}`),
 *   },
 * );
 * ```
 */
export async function copyObject(
  client: S3Client,
  source: ObjectSource,
  target: ObjectTarget,
  given: CopyOptions = {},
): Promise<CopyResult> {
  const fn = 'copyObject';
  assertLocation(fn, 'source', source, true);
  assertLocation(fn, 'target', target);
  const options = assertTransferOptions(fn, given);
  const threshold = options.multipartThreshold ?? COPY_OBJECT_LIMIT;
  assertByteCount(fn, 'multipartThreshold', threshold, COPY_OBJECT_LIMIT);
  const partSize = options.partSize ?? 64 * MiB;
  assertPartSize(fn, partSize);
  const concurrency = options.concurrency ?? 4;
  assertConcurrency(fn, concurrency);
  assertParams(fn, options.params, ['Bucket', 'Key', 'CopySource']);
  const { abortSignal } = options;
  throwIfAborted(fn, abortSignal);

  const params = options.params ?? {};
  try {
    const head = await client.send(
      new HeadObjectCommand({
        Bucket: source.Bucket,
        Key: source.Key,
        VersionId: source.VersionId,
        SSECustomerAlgorithm: params.CopySourceSSECustomerAlgorithm,
        SSECustomerKey: params.CopySourceSSECustomerKey,
        RequestPayer: params.RequestPayer,
        ExpectedBucketOwner: params.ExpectedSourceBucketOwner,
      }),
      { abortSignal },
    );
    const size = head.ContentLength ?? 0;
    if (size <= threshold) {
      const output = await client.send(
        new CopyObjectCommand({
          ...params,
          Bucket: target.Bucket,
          Key: target.Key,
          CopySource: copySource(source),
        }),
        { abortSignal },
      );
      options.onProgress?.({ loaded: size, total: size });
      return output;
    }
    return await multipartCopy(client, source, target, head, {
      ...options,
      params,
      partSize,
      concurrency,
    });
  } catch (error) {
    if (abortSignal?.aborted) throw abortError(fn, abortSignal);
    throw error;
  }
}

type MultipartCopyOptions = CopyOptions &
  Required<Pick<CopyOptions, 'params' | 'partSize' | 'concurrency'>>;

async function multipartCopy(
  client: S3Client,
  source: ObjectSource,
  target: ObjectTarget,
  head: HeadObjectCommandOutput,
  options: MultipartCopyOptions,
): Promise<CompleteMultipartUploadCommandOutput> {
  const size = head.ContentLength ?? 0;
  const {
    // Members that belong to the copied parts or to the completion, not to the new upload.
    CopySourceIfMatch,
    CopySourceIfModifiedSince,
    CopySourceIfNoneMatch,
    CopySourceIfUnmodifiedSince,
    CopySourceSSECustomerAlgorithm,
    CopySourceSSECustomerKey,
    ExpectedSourceBucketOwner,
    IfMatch,
    IfNoneMatch,
    MetadataDirective,
    TaggingDirective,
    AnnotationDirective: _annotationDirective,
    ...createParams
  } = options.params;

  const create: CreateMultipartUploadCommandInput = {
    ...createParams,
    Bucket: target.Bucket,
    Key: target.Key,
  };
  if (MetadataDirective !== 'REPLACE') {
    // CopyObject copies these by default; a new multipart upload would otherwise drop them.
    create.ContentType = head.ContentType;
    create.CacheControl = head.CacheControl;
    create.ContentDisposition = head.ContentDisposition;
    create.ContentEncoding = head.ContentEncoding;
    create.ContentLanguage = head.ContentLanguage;
    create.Expires = head.Expires;
    create.Metadata = head.Metadata;
  }
  if (TaggingDirective !== 'REPLACE' && (head.TagCount ?? 0) > 0) {
    const { TagSet = [] } = await client.send(
      new GetObjectTaggingCommand({
        Bucket: source.Bucket,
        Key: source.Key,
        VersionId: source.VersionId,
        RequestPayer: createParams.RequestPayer,
        ExpectedBucketOwner: ExpectedSourceBucketOwner,
      }),
      { abortSignal: options.abortSignal },
    );
    create.Tagging = new URLSearchParams(
      TagSet.map((tag): [string, string] => [tag.Key ?? '', tag.Value ?? '']),
    ).toString();
  }

  // Never cancel CreateMultipartUpload mid-flight: the upload would exist with an id we never saw.
  const { UploadId } = await createMultipartUpload(
    client,
    new CreateMultipartUploadCommand(create),
  );
  if (UploadId === undefined)
    throw new Error('copyObject: CreateMultipartUpload returned no UploadId');

  // One controller for every part: the user's abort or the first failure stops the others.
  const controller = new AbortController();
  const userSignal = options.abortSignal;
  const onUserAbort = () => controller.abort(userSignal?.reason);
  if (userSignal?.aborted) onUserAbort();
  userSignal?.addEventListener('abort', onUserAbort, { once: true });

  const partSize = Math.max(options.partSize, Math.ceil(size / MAX_PARTS / MiB) * MiB);
  const partCount = Math.ceil(size / partSize);
  const parts: CompletedPart[] = new Array<CompletedPart>(partCount);
  let nextPart = 0;
  let loaded = 0;
  let failure: { error: unknown } | undefined;

  const copyPart = async (index: number) => {
    const start = index * partSize;
    const end = Math.min(start + partSize, size) - 1;
    const { CopyPartResult: result = {} } = await client.send(
      new UploadPartCopyCommand({
        Bucket: target.Bucket,
        Key: target.Key,
        UploadId,
        PartNumber: index + 1,
        CopySource: copySource(source),
        CopySourceRange: `bytes=${start}-${end}`,
        CopySourceIfMatch: CopySourceIfMatch ?? head.ETag,
        CopySourceIfModifiedSince,
        CopySourceIfNoneMatch,
        CopySourceIfUnmodifiedSince,
        CopySourceSSECustomerAlgorithm,
        CopySourceSSECustomerKey,
        SSECustomerAlgorithm: createParams.SSECustomerAlgorithm,
        SSECustomerKey: createParams.SSECustomerKey,
        RequestPayer: createParams.RequestPayer,
        ExpectedBucketOwner: createParams.ExpectedBucketOwner,
        ExpectedSourceBucketOwner,
      }),
      { abortSignal: controller.signal },
    );
    parts[index] = {
      PartNumber: index + 1,
      ETag: result.ETag,
      ChecksumCRC32: result.ChecksumCRC32,
      ChecksumCRC32C: result.ChecksumCRC32C,
      ChecksumCRC64NVME: result.ChecksumCRC64NVME,
      ChecksumSHA1: result.ChecksumSHA1,
      ChecksumSHA256: result.ChecksumSHA256,
    };
    loaded += end - start + 1;
    options.onProgress?.({ loaded, total: size, part: index + 1 });
  };

  const worker = async () => {
    while (failure === undefined && !controller.signal.aborted && nextPart < partCount) {
      const index = nextPart++;
      try {
        await copyPart(index);
      } catch (error) {
        failure ??= { error };
        controller.abort(error);
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, partCount) }, worker));
    if (failure === undefined && !controller.signal.aborted) {
      return await client.send(
        new CompleteMultipartUploadCommand({
          Bucket: target.Bucket,
          Key: target.Key,
          UploadId,
          MultipartUpload: { Parts: parts },
          IfMatch,
          IfNoneMatch,
          SSECustomerAlgorithm: createParams.SSECustomerAlgorithm,
          SSECustomerKey: createParams.SSECustomerKey,
          RequestPayer: createParams.RequestPayer,
          ExpectedBucketOwner: createParams.ExpectedBucketOwner,
        }),
        { abortSignal: controller.signal },
      );
    }
  } catch (error) {
    failure ??= { error };
  } finally {
    userSignal?.removeEventListener('abort', onUserAbort);
  }

  // Abort so no parts are left stored (and billed); report the abort's own failure as the cause.
  // Workers also stop, without a failure of their own, when the user aborts between parts.
  const error = failure === undefined ? controller.signal.reason : failure.error;
  await client
    .send(
      new AbortMultipartUploadCommand({
        Bucket: target.Bucket,
        Key: target.Key,
        UploadId,
        RequestPayer: createParams.RequestPayer,
        ExpectedBucketOwner: createParams.ExpectedBucketOwner,
      }),
    )
    .catch((abortFailure: unknown) => {
      if (error instanceof Error && error.cause === undefined) error.cause = abortFailure;
    });
  throw error;
}
