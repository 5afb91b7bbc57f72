/**
 * Downloads: an object to a local file (atomically) or to a Node stream, with plain
 * streaming GetObject.
 *
 * @packageDocumentation
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline, Transform, type Readable } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import {
  GetObjectCommand,
  type GetObjectCommandInput,
  type GetObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { ParamValidationError } from '../../../core/index.js';
import { readableBody } from './object-body.js';
import {
  abortError,
  assertLocation,
  assertParams,
  assertTransferOptions,
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
 * The GetObject output of a download, without its (already consumed) body.
 *
 * @public
 */
export type DownloadResult = Omit<GetObjectCommandOutput, 'Body'>;

function validate(fn: string, source: ObjectSource, options: DownloadOptions): void {
  assertLocation(fn, 'source', source, true);
  assertTransferOptions(fn, options);
  assertParams(fn, options.params, ['Bucket', 'Key', 'VersionId']);
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
 * Downloads an object to a local file. The bytes go to a temporary file beside the target
 * (same directory, so the final rename is atomic) which is renamed into place only once the
 * whole body has arrived: the target path never holds a partial file, and on any failure the
 * temporary file is removed and an existing target is left untouched.
 *
 * @param client - the S3 client to send with
 * @param source - what to read: `{ Bucket, Key, VersionId? }`
 * @param filePath - where to write; its directory must exist. An existing file is replaced.
 * @param options - progress, cancellation, extra GetObject params
 * @returns the GetObject output without its body (ETag, VersionId, ContentType, ...)
 * @throws ParamValidationError for bad arguments, before any request; the v3 service error (e.g.
 *   `NoSuchKey`) if the object cannot be read
 *
 * @example
 * ```ts
 * const { ETag } = await downloadFile(client, { Bucket: 'backups', Key: 'db.dump' }, './db.dump', {
 *   onProgress: ({ loaded, total }) => console.log(`${loaded}/${total}`),
 *   abortSignal: AbortSignal.timeout(60_000),
 * });
 * ```
 */
export async function downloadFile(
  client: S3Client,
  source: ObjectSource,
  filePath: string,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  const fn = 'downloadFile';
  validate(fn, source, options);
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

  const output = await getObject(fn, client, source, options);
  const { Body: _body, ...result } = output;
  const body = readableBody(output).stream();
  const temporary = join(
    directory,
    `.${basename(filePath)}.${randomBytes(6).toString('hex')}.download`,
  );
  const { abortSignal, onProgress } = options;
  // 'wx': never clobber a file we did not create.
  const file = createWriteStream(temporary, { flags: 'wx' });
  try {
    if (onProgress) {
      await pipelineAsync(body, progressCounter(onProgress, output.ContentLength), file, {
        signal: abortSignal,
      });
    } else {
      await pipelineAsync(body, file, { signal: abortSignal });
    }
    await rename(temporary, filePath);
  } catch (error) {
    body.destroy();
    // The file is opened asynchronously: a pipeline that fails early can settle before the
    // open does. Only once the stream has closed is the file there to remove (or never made).
    if (!file.closed) {
      const closed = new Promise<void>((resolve) => file.once('close', () => resolve()));
      file.on('error', () => undefined); // the pipeline's error is the one to report
      file.destroy();
      await closed;
    }
    await unlink(temporary).catch(() => undefined);
    if (abortSignal?.aborted) throw abortError(fn, abortSignal);
    throw error;
  }
  return result;
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
  options: DownloadOptions = {},
): Promise<Readable> {
  const fn = 'downloadStream';
  validate(fn, source, options);
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
