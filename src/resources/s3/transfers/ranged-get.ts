/**
 * Fetches an object into an open file: one GetObject for an object of at most one part,
 * else concurrent ranged GETs, each written at its offset. The first request asks for the
 * first part's range, so its Content-Range gives the size without a HeadObject; every later
 * part is pinned to the first response's ETag (`IfMatch`), so an object overwritten
 * mid-download fails the download (`PreconditionFailed`) instead of mixing two versions.
 *
 * @packageDocumentation
 */
import type { FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  type GetObjectCommandInput,
  type GetObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { readableBody } from './object-body.js';
import type { ObjectSource, Progress } from './options.js';

/** Everything {@link fetchToFile} needs besides the object and the file. */
export interface FetchSettings {
  /** Extra GetObject members, sent with every request. */
  params: Omit<GetObjectCommandInput, 'Bucket' | 'Key' | 'VersionId'>;
  partSize: number;
  concurrency: number;
  /** The user's signal; the caller turns its abort into the library's `AbortError`. */
  abortSignal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
  /** The size when known beforehand (from a listing): at most one part means a plain GET. */
  expectedSize?: number;
}

/** One byte range of the object and the response that carries it, once requested. */
interface Part {
  readonly start: number;
  readonly length: number;
  output?: GetObjectCommandOutput;
}

/** `bytes 0-8388607/20971520` → the last byte sent and the object's size. */
function parseContentRange(value: string | undefined): { last: number; size: number } | undefined {
  const match = value === undefined ? null : /^bytes 0-(\d+)\/(\d+)$/.exec(value);
  if (!match) return undefined;
  return { last: Number(match[1]), size: Number(match[2]) };
}

/** S3 answers 416 InvalidRange to any range of an empty object. */
function isInvalidRange(error: unknown): boolean {
  const e = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } } | undefined;
  return e?.name === 'InvalidRange' || e?.$metadata?.httpStatusCode === 416;
}

/**
 * Sends the requests and writes every byte at its offset in the file `file()` opens (only
 * once the first response has arrived, so a missing object creates no file). Resolves with
 * the first GetObject output (without its body; for a ranged download `ContentLength` is the
 * object's size and `ContentRange` is dropped) once every part is written; rejects with the
 * first failure, after every other part has stopped.
 *
 * @example
 * ```ts
 * const output = await fetchToFile(
 *   client,
 *   { Bucket: 'b', Key: 'big.bin' },
 *   () => open(temporaryPath, 'wx'),
 *   { params: {}, partSize: 8 * MiB, concurrency: 4 },
 * );
 * ```
 */
export async function fetchToFile(
  client: S3Client,
  source: ObjectSource,
  file: () => Promise<FileHandle>,
  settings: FetchSettings,
): Promise<Omit<GetObjectCommandOutput, 'Body'>> {
  // One signal for every request: the user's abort or the first failed part stops them all.
  const controller = new AbortController();
  const user = settings.abortSignal;
  const onUserAbort = () => controller.abort(user?.reason);
  if (user?.aborted) onUserAbort();
  user?.addEventListener('abort', onUserAbort, { once: true });
  try {
    return await fetchWithSignal(client, source, file, settings, controller);
  } finally {
    user?.removeEventListener('abort', onUserAbort);
  }
}

async function fetchWithSignal(
  client: S3Client,
  source: ObjectSource,
  file: () => Promise<FileHandle>,
  settings: FetchSettings,
  controller: AbortController,
): Promise<Omit<GetObjectCommandOutput, 'Body'>> {
  const { params, partSize } = settings;
  const send = (Range: string | undefined, IfMatch: string | undefined) => {
    const input: GetObjectCommandInput = { ...params, Bucket: source.Bucket, Key: source.Key };
    if (source.VersionId !== undefined) input.VersionId = source.VersionId;
    if (Range !== undefined) input.Range = Range;
    if (IfMatch !== undefined) input.IfMatch = IfMatch;
    return client.send(new GetObjectCommand(input), { abortSignal: controller.signal });
  };

  // A range or part the caller chose, or an object known to fit in one part: one plain GET.
  const whole =
    params.Range !== undefined ||
    params.PartNumber !== undefined ||
    (settings.expectedSize !== undefined && settings.expectedSize <= partSize);
  let first: GetObjectCommandOutput;
  let ranged = !whole;
  if (whole) first = await send(params.Range, params.IfMatch);
  else {
    try {
      first = await send(`bytes=0-${partSize - 1}`, params.IfMatch);
    } catch (error) {
      if (!isInvalidRange(error)) throw error;
      ranged = false; // an empty object: read it (or whatever replaced it) whole
      first = await send(undefined, params.IfMatch);
    }
  }

  const range = ranged ? parseContentRange(first.ContentRange) : undefined;
  // No Content-Range: the whole object (or the caller's range) came in this one response.
  const size = range?.size ?? first.ContentLength;
  const parts: Part[] = [
    { start: 0, length: range ? range.last + 1 : (first.ContentLength ?? -1), output: first },
  ];
  if (range) {
    for (let start = range.last + 1; start < range.size; start += partSize) {
      parts.push({ start, length: Math.min(partSize, range.size - start) });
    }
  }
  const { Body: _body, ...result } = first;
  if (range) {
    result.ContentLength = range.size;
    delete result.ContentRange;
  }

  let handle: FileHandle;
  try {
    handle = await file();
  } catch (error) {
    readableBody(first).stream().destroy();
    throw error;
  }
  // Later parts are pinned to the version the first response came from.
  const etag = params.IfMatch ?? first.ETag;
  try {
    await fetchParts(parts, handle, size, settings, controller, (part) =>
      send(`bytes=${part.start}-${part.start + part.length - 1}`, etag),
    );
  } finally {
    await handle.close();
  }
  return result;
}

/** Runs `concurrency` workers over the parts; the first failure stops the rest. */
async function fetchParts(
  parts: Part[],
  handle: FileHandle,
  size: number | undefined,
  settings: FetchSettings,
  controller: AbortController,
  request: (part: Part) => Promise<GetObjectCommandOutput>,
): Promise<void> {
  const { onProgress } = settings;
  const { signal } = controller;
  const streams = new Set<Readable>();
  // Aborting a request does not end a body that is already arriving: destroy the bodies too.
  const onAbort = () => streams.forEach((stream) => stream.destroy(signal.reason as Error));
  signal.addEventListener('abort', onAbort, { once: true });
  let failure: { error: unknown } | undefined;
  let next = 0;
  let loaded = 0;
  const total = size === undefined ? {} : { total: size };

  const fetchPart = async (part: Part, number: number) => {
    const output = part.output ?? (await request(part));
    part.output = undefined;
    const stream = readableBody(output).stream();
    streams.add(stream);
    try {
      if (signal.aborted) stream.destroy(signal.reason as Error);
      let written = 0;
      for await (const chunk of stream as AsyncIterable<Uint8Array>) {
        await handle.write(chunk, 0, chunk.length, part.start + written);
        written += chunk.length;
        loaded += chunk.length;
        const done = parts.length > 1 && written === part.length;
        onProgress?.(done ? { loaded, ...total, part: number } : { loaded, ...total });
      }
      // A connection cut mid-body can end the stream early without an error.
      if (part.length >= 0 && written !== part.length) {
        throw new Error(
          `GetObject of bytes ${part.start}-${part.start + part.length - 1} ended after ` +
            `${written} of ${part.length} bytes`,
        );
      }
    } finally {
      streams.delete(stream);
    }
  };

  const worker = async () => {
    while (failure === undefined && !signal.aborted && next < parts.length) {
      const index = next++;
      try {
        await fetchPart(parts[index] as Part, index + 1);
      } catch (error) {
        failure ??= { error };
        controller.abort(error);
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, parts.length) }, worker));
  } finally {
    signal.removeEventListener('abort', onAbort);
    // A part never started still holds the first response's open body: free its connection.
    for (const part of parts) if (part.output) readableBody(part.output).stream().destroy();
  }
  // An empty object sends no chunk; still report that the transfer completed.
  if (failure === undefined && !signal.aborted && loaded === 0) onProgress?.({ loaded, ...total });
  if (failure !== undefined) throw failure.error;
  if (signal.aborted) throw signal.reason;
}
