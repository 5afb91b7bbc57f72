/**
 * Managed uploads: a file or an in-memory/streamed body to one object, sent as a single
 * PutObject when it fits in one part and as a concurrent multipart upload otherwise, through
 * `@aws-sdk/lib-storage`'s `Upload`.
 *
 * @packageDocumentation
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CreateMultipartUploadCommand,
  type CompleteMultipartUploadCommandOutput,
  type PutObjectCommandInput,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  abortError,
  assertConcurrency,
  assertLocation,
  assertParams,
  assertPartSize,
  assertTransferOptions,
  throwIfAborted,
  type ObjectTarget,
  type TransferOptions,
} from './options.js';
import { ParamValidationError } from '../../../core/index.js';
import { loadLibStorage } from './lazy.js';
import { createMultipartUpload } from './stray-uploads.js';

/**
 * Options of {@link Bucket.uploadFile}, {@link Bucket.uploadStream} and their {@link S3Object} twins.
 *
 * @public
 */
export interface UploadOptions extends TransferOptions {
  /**
   * Bytes per part, at least 5 MiB (the S3 minimum). A body of at most one part is sent
   * with a single PutObject. Default: 5 MiB, raised as needed to stay within 10,000 parts
   * when the size is known.
   */
  partSize?: number;
  /** Parts in flight at once; memory use is about `concurrency × partSize`. Default: 4. */
  concurrency?: number;
  /**
   * Extra PutObject members (ContentType, Metadata, ChecksumAlgorithm, ServerSideEncryption,
   * ...). They also go to CreateMultipartUpload when the upload is multipart.
   */
  params?: Omit<PutObjectCommandInput, 'Bucket' | 'Key' | 'Body'>;
}

/**
 * What an upload returns: the CompleteMultipartUpload output, or for a single-part body the
 * PutObject output (ETag, VersionId, checksums, ...) with `Bucket`, `Key` and `Location` added.
 *
 * @public
 */
export type UploadResult = CompleteMultipartUploadCommandOutput;

/**
 * The bodies {@link Bucket.uploadStream} and {@link S3Object.uploadStream} accept.
 *
 * @public
 */
export type UploadBody = Readable | Uint8Array | string | Blob;

type SendArguments = Parameters<S3Client['send']>;

/**
 * A view of `client` whose requests carry `signal`, so aborting cancels the part requests in
 * flight instead of waiting for them; lib-storage has no way to pass a signal per request.
 * Any failed request also fires `signal`, so the other concurrent parts stop at once.
 * CreateMultipartUpload and AbortMultipartUpload never carry it: cancelling the first could
 * leave an upload we never learn the id of, and the second is the clean-up that must run
 * after the abort.
 */
function scopedClient(
  client: S3Client,
  controller: AbortController,
  onFailure: (error: unknown) => void,
): S3Client {
  const scoped = Object.create(client) as S3Client;
  const send = async (command: SendArguments[0], options?: SendArguments[1]) => {
    if (command instanceof CreateMultipartUploadCommand)
      return createMultipartUpload(client, command, options);
    if (neverCancelled(command)) return client.send(command, options);
    try {
      return await client.send(command, { ...options, abortSignal: controller.signal });
    } catch (error) {
      onFailure(error);
      controller.abort(error);
      throw error;
    }
  };
  Object.defineProperty(scoped, 'send', { value: send });
  return scoped;
}

function neverCancelled(command: object): boolean {
  return (
    command instanceof AbortMultipartUploadCommand ||
    command instanceof CreateMultipartUploadCommand
  );
}

/** Checks the options shared by both upload functions, before any request. */
function validate(fn: string, target: ObjectTarget, given: UploadOptions): UploadOptions {
  assertLocation(fn, 'target', target);
  const options = assertTransferOptions(fn, given);
  if (options.partSize !== undefined) assertPartSize(fn, options.partSize);
  if (options.concurrency !== undefined) assertConcurrency(fn, options.concurrency);
  assertParams(fn, options.params, ['Bucket', 'Key', 'Body']);
  return options;
}

async function runUpload(
  fn: string,
  client: S3Client,
  target: ObjectTarget,
  body: UploadBody,
  options: UploadOptions,
): Promise<UploadResult> {
  throwIfAborted(fn, options.abortSignal);
  // Loaded on first use: lib-storage is not needed by anyone who only reads objects.
  const { Upload } = await loadLibStorage();

  const controller = new AbortController();
  const userSignal = options.abortSignal;
  const onUserAbort = () => controller.abort(userSignal?.reason);
  userSignal?.addEventListener('abort', onUserAbort, { once: true });
  let firstFailure: { error: unknown } | undefined;

  const upload = new Upload({
    client: scopedClient(client, controller, (error) => {
      firstFailure ??= { error };
    }),
    params: { ...options.params, Bucket: target.Bucket, Key: target.Key, Body: body },
    // Unset, lib-storage picks 5 MiB raised to fit 10,000 parts when the size is known.
    partSize: options.partSize,
    queueSize: options.concurrency ?? 4,
    leavePartsOnError: false,
    // No abortController on purpose: lib-storage's own abort settles `done()` at once,
    // before the multipart upload is aborted. Failing the requests instead (above) lets
    // `done()` settle only after that clean-up.
  });
  const { onProgress } = options;
  if (onProgress) {
    upload.on('httpUploadProgress', (progress) => {
      onProgress({ loaded: progress.loaded ?? 0, total: progress.total, part: progress.part });
    });
  }

  try {
    return await upload.done();
  } catch (error) {
    if (userSignal?.aborted) throw abortError(fn, userSignal);
    // Concurrent parts fail with AbortError after the first real failure: report that one.
    throw firstFailure ? firstFailure.error : error;
  } finally {
    userSignal?.removeEventListener('abort', onUserAbort);
  }
}

/**
 * Uploads a local file to an object, in parts of `partSize` sent `concurrency` at a time when
 * it is larger than one part, else with one PutObject. A failed or aborted multipart upload
 * is aborted on S3, so no parts are left behind (and billed).
 *
 * @param client - the S3 client to send with
 * @param target - where to write: `{ Bucket, Key }`
 * @param filePath - the file to read; it must exist and be a regular file
 * @param options - part size, concurrency, progress, cancellation, extra PutObject params
 * @returns the CompleteMultipartUpload (or PutObject) output
 * @throws ParamValidationError for bad arguments, before any request
 *
 * @example
 * ```ts
 * const controller = new AbortController();
 * await uploadFile(client, { Bucket: 'backups', Key: 'db/2026-11-26.dump' }, './db.dump', {
 *   partSize: 64 * 1024 * 1024,
 *   concurrency: 8,
 *   params: { ContentType: 'application/octet-stream', ChecksumAlgorithm: 'CRC32' },
 *   onProgress: ({ loaded, total }) => console.log(`${loaded}/${total}`),
 *   abortSignal: controller.signal,
 * });
 * ```
 */
export async function uploadFile(
  client: S3Client,
  target: ObjectTarget,
  filePath: string,
  given: UploadOptions = {},
): Promise<UploadResult> {
  const fn = 'uploadFile';
  const options = validate(fn, target, given);
  if (typeof filePath !== 'string' || filePath.length === 0) {
    throw new ParamValidationError(
      `${fn}: filePath must be a non-empty string, got ${JSON.stringify(filePath)}`,
    );
  }
  let isFile: boolean;
  try {
    isFile = (await stat(filePath)).isFile();
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    throw Object.assign(
      new Error(`${fn}: filePath ${JSON.stringify(filePath)} cannot be read (${code})`, { cause }),
      {
        code,
      },
    );
  }
  if (!isFile) {
    throw new ParamValidationError(
      `${fn}: filePath ${JSON.stringify(filePath)} is not a regular file`,
    );
  }

  // A file ReadStream lets lib-storage learn the size (it stats the path) for progress totals.
  const stream = createReadStream(filePath);
  try {
    return await runUpload(fn, client, target, stream, options);
  } finally {
    stream.destroy();
  }
}

/**
 * Uploads a body — a Node `Readable`, bytes, a string or a `Blob` — to an object: one
 * PutObject when it fits in one part, else a concurrent multipart upload. A stream is read
 * once, buffering at most about `concurrency × partSize` bytes; its length need not be known
 * (pass `params.ContentLength` to get progress totals for a stream of known length).
 *
 * @param client - the S3 client to send with
 * @param target - where to write: `{ Bucket, Key }`
 * @param body - the data
 * @param options - part size, concurrency, progress, cancellation, extra PutObject params
 * @returns the CompleteMultipartUpload (or PutObject) output
 * @throws ParamValidationError for bad arguments, before any request
 *
 * @example
 * ```ts
 * import { createGzip } from 'node:zlib';
 *
 * const gzipped = createReadStream('events.ndjson').pipe(createGzip());
 * await uploadStream(client, { Bucket: 'logs', Key: 'events.ndjson.gz' }, gzipped, {
 *   params: { ContentType: 'application/x-ndjson', ContentEncoding: 'gzip' },
 * });
 * ```
 */
export async function uploadStream(
  client: S3Client,
  target: ObjectTarget,
  body: UploadBody,
  given: UploadOptions = {},
): Promise<UploadResult> {
  const fn = 'uploadStream';
  const options = validate(fn, target, given);
  const supported =
    typeof body === 'string' ||
    body instanceof Uint8Array ||
    body instanceof Readable ||
    body instanceof Blob;
  if (!supported) {
    throw new ParamValidationError(
      `${fn}: body must be a Readable, Uint8Array, string or Blob, got ${typeof body}`,
    );
  }
  return runUpload(fn, client, target, body, options);
}
