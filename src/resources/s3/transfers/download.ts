/**
 * Downloads: an object to a local file (atomically; concurrent ranged GETs for a large
 * object) or to a Node stream (one streaming GetObject).
 *
 * @packageDocumentation
 */
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline, Transform, type Readable } from 'node:stream';
import {
  GetObjectCommand,
  type GetObjectCommandInput,
  type GetObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { ParamValidationError } from '../../../core/index.js';
import { readableBody } from './object-body.js';
import { fetchToFile } from './ranged-get.js';
import {
  abortError,
  assertConcurrency,
  assertLocation,
  assertParams,
  assertPartSize,
  assertTransferOptions,
  MiB,
  throwIfAborted,
  type ObjectSource,
  type Progress,
  type TransferOptions,
} from './options.js';

/**
 * Options of {@link Bucket.downloadFile}, {@link Bucket.downloadStream} and their {@link S3Object} twins.
 *
 * @public
 */
export interface DownloadOptions extends TransferOptions {
  /** Extra GetObject members: Range, IfMatch, SSECustomerKey, ResponseContentType, ... */
  params?: Omit<GetObjectCommandInput, 'Bucket' | 'Key' | 'VersionId'>;
}

/**
 * Options of {@link Bucket.downloadFile} and {@link S3Object.downloadFile}: those of every
 * download, and how a large object is split into concurrent ranged GETs.
 *
 * @public
 */
export interface DownloadFileOptions extends DownloadOptions {
  /**
   * Bytes per ranged GET, from 5 MiB to 5 GiB. An object of at most one part is fetched with
   * a single GetObject. Default: 8 MiB (boto3's multipart threshold and chunk size).
   */
  partSize?: number;
  /** Ranged GETs in flight at once. Default: 4. */
  concurrency?: number;
}

/** boto3's default `multipart_threshold` and `multipart_chunksize`. */
const DEFAULT_PART_SIZE = 8 * MiB;

/**
 * The GetObject output of a download, without its (already consumed) body.
 *
 * @public
 */
export type DownloadResult = Omit<GetObjectCommandOutput, 'Body'>;

function validate<T extends DownloadOptions>(fn: string, source: ObjectSource, given: T): T {
  assertLocation(fn, 'source', source, true);
  const options = assertTransferOptions(fn, given);
  assertParams(fn, options.params, ['Bucket', 'Key', 'VersionId']);
  return options;
}

async function getObject(
  fn: string,
  client: S3Client,
  source: ObjectSource,
  options: DownloadOptions,
): Promise<GetObjectCommandOutput> {
  const { abortSignal } = options;
  throwIfAborted(fn, abortSignal);
  const input: GetObjectCommandInput = {
    ...options.params,
    Bucket: source.Bucket,
    Key: source.Key,
  };
  if (source.VersionId !== undefined) input.VersionId = source.VersionId;
  try {
    return await client.send(new GetObjectCommand(input), { abortSignal });
  } catch (error) {
    if (abortSignal?.aborted) throw abortError(fn, abortSignal);
    throw error;
  }
}

/** A pass-through that reports the running byte count. */
function progressCounter(
  onProgress: (progress: Progress) => void,
  total: number | undefined,
): Transform {
  let loaded = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      loaded += chunk.length;
      onProgress(total === undefined ? { loaded } : { loaded, total });
      callback(null, chunk);
    },
    flush(callback) {
      // An empty object sends no chunk; still report that the transfer completed.
      if (loaded === 0) onProgress(total === undefined ? { loaded } : { loaded, total });
      callback();
    },
  });
}

/**
 * Downloads an object to a local file. An object larger than `partSize` is fetched with
 * concurrent ranged GETs (`concurrency` at a time), the first of which also gives the size,
 * so no HeadObject is sent: 20 MiB in 8 MiB parts is three GetObject requests. Every part
 * after the first is pinned to the first response's ETag (`IfMatch`; and to `VersionId` when
 * the source names one), so an object overwritten mid-download fails with
 * `PreconditionFailed` rather than mixing two versions. An object of at most one part, or a
 * `params.Range` or `params.PartNumber` of your own, is one GetObject; an empty object is
 * two (S3 refuses any range of it with 416 InvalidRange; a plain GET follows).
 *
 * The bytes go to a temporary file beside the target (same directory, so the final rename
 * is atomic), each part written at its offset, and the file is renamed into place only once
 * every byte has arrived: the target path never holds a partial file, and on any failure
 * the temporary file is removed and an existing target is left untouched.
 *
 * @param client - the S3 client to send with
 * @param source - what to read: `{ Bucket, Key, VersionId? }`
 * @param filePath - where to write; its directory must exist. An existing file is replaced.
 * @param options - part size, concurrency, progress, cancellation, extra GetObject params
 * @returns the GetObject output without its body (ETag, VersionId, ContentType, ...);
 *   `ContentLength` is the object's size
 * @throws ParamValidationError for bad arguments, before any request; the v3 service error (e.g.
 *   `NoSuchKey`, `PreconditionFailed`) if the object cannot be read
 *
 * @example
 * ```ts
 * const { ETag } = await downloadFile(client, { Bucket: 'backups', Key: 'db.dump' }, './db.dump', {
 *   partSize: 16 * 1024 * 1024,
 *   concurrency: 8,
 *   onProgress: ({ loaded, total }) => console.log(`${loaded}/${total}`),
 *   abortSignal: AbortSignal.timeout(60_000),
 * });
 * ```
 */
export function downloadFile(
  client: S3Client,
  source: ObjectSource,
  filePath: string,
  options: DownloadFileOptions = {},
): Promise<DownloadResult> {
  return downloadToPath('downloadFile', client, source, filePath, options);
}

/**
 * {@link downloadFile} under the name of the public function that called it, for objects
 * whose size a listing already gave: at most one part is then one plain GET (no range).
 *
 * @example
 * ```ts
 * await downloadToPath('downloadDirectory', client, source, path, options, listedSize);
 * ```
 */
export async function downloadToPath(
  fn: string,
  client: S3Client,
  source: ObjectSource,
  filePath: string,
  given: DownloadFileOptions,
  expectedSize?: number,
): Promise<DownloadResult> {
  const options = validate(fn, source, given);
  const partSize = options.partSize ?? DEFAULT_PART_SIZE;
  assertPartSize(fn, partSize);
  const concurrency = options.concurrency ?? 4;
  assertConcurrency(fn, concurrency);
  if (typeof filePath !== 'string' || filePath.length === 0) {
    throw new ParamValidationError(
      `${fn}: filePath must be a non-empty string, got ${JSON.stringify(filePath)}`,
    );
  }
  // Fail on an impossible destination before transferring a single byte.
  const directory = dirname(filePath);
  const directoryStats = await stat(directory).catch(() => undefined);
  if (!directoryStats?.isDirectory()) {
    throw new ParamValidationError(
      `${fn}: the directory of filePath ${JSON.stringify(filePath)} does not exist`,
    );
  }
  if ((await stat(filePath).catch(() => undefined))?.isDirectory()) {
    throw new ParamValidationError(`${fn}: filePath ${JSON.stringify(filePath)} is a directory`);
  }
  const { abortSignal, onProgress } = options;
  throwIfAborted(fn, abortSignal);

  const temporary = join(
    directory,
    `.${basename(filePath)}.${randomBytes(6).toString('hex')}.download`,
  );
  let opened = false;
  try {
    const result = await fetchToFile(
      client,
      source,
      async () => {
        // 'wx': never clobber a file we did not create.
        const handle = await open(temporary, 'wx');
        opened = true;
        return handle;
      },
      {
        params: options.params ?? {},
        partSize,
        concurrency,
        abortSignal,
        onProgress,
        expectedSize,
      },
    );
    await rename(temporary, filePath);
    return result;
  } catch (error) {
    if (opened) await unlink(temporary).catch(() => undefined);
    if (abortSignal?.aborted) throw abortError(fn, abortSignal);
    throw error;
  }
}

/**
 * Opens an object as a Node `Readable`. The promise settles once the response headers have
 * arrived, so a missing object or denied access rejects it rather than erroring the stream.
 * Aborting the signal later destroys the stream with the library's `AbortError`.
 *
 * @param client - the S3 client to send with
 * @param source - what to read: `{ Bucket, Key, VersionId? }`
 * @param options - progress (counted as the stream is read), cancellation, extra GetObject params
 * @returns the body as a byte stream; read it to the end or destroy it to free the connection
 *
 * @example
 * ```ts
 * import { createGunzip } from 'node:zlib';
 * import { pipeline } from 'node:stream/promises';
 *
 * const stream = await downloadStream(client, { Bucket: 'logs', Key: 'events.ndjson.gz' });
 * await pipeline(stream, createGunzip(), process.stdout);
 * ```
 */
export async function downloadStream(
  client: S3Client,
  source: ObjectSource,
  given: DownloadOptions = {},
): Promise<Readable> {
  const fn = 'downloadStream';
  const options = validate(fn, source, given);
  const output = await getObject(fn, client, source, options);
  let stream: Readable = readableBody(output).stream();
  if (options.onProgress) {
    // pipeline (not pipe) so an error on either side destroys both and reaches the reader.
    stream = pipeline(
      stream,
      progressCounter(options.onProgress, output.ContentLength),
      () => undefined,
    );
  }
  const { abortSignal } = options;
  if (abortSignal) {
    // Not stream.addAbortSignal: its error is Node's AbortError, not the library's.
    const body = stream;
    const onAbort = () => body.destroy(abortError(fn, abortSignal));
    if (abortSignal.aborted) onAbort();
    else {
      abortSignal.addEventListener('abort', onAbort, { once: true });
      body.once('close', () => abortSignal.removeEventListener('abort', onAbort));
    }
  }
  return stream;
}
