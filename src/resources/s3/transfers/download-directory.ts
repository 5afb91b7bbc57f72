/**
 * Downloads the objects under a prefix into a local directory, each to the path its key names
 * below it — and never outside it: keys are data anyone with write access to the bucket
 * chose, and `../x`, `/etc/x` or `a/../../x` must not become paths outside the directory.
 *
 * @packageDocumentation
 */
import { mkdir, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { BatchActionError } from '../../../core/index.js';
import { downloadToPath } from './download.js';
import { abortError, throwIfAborted, type Progress } from './options.js';
import { checkDirectoryTransfer } from './directory-options.js';
import { aggregateProgress, messageOf } from './directory-progress.js';

/**
 * Options of `bucket.downloadDirectory`.
 *
 * @public
 */
export interface DownloadDirectoryOptions {
  /**
   * Only keys that start with this. The prefix up to its last `/` is not repeated below the
   * directory: with `logs/2026-`, the key `logs/2026-01.txt` becomes `<dir>/2026-01.txt`.
   */
  prefix?: string;
  /** Files downloading at once (default 4). Each large one also fetches its parts 4 at a time. */
  concurrency?: number;
  /**
   * Called with the bytes written over all files. With it, the whole listing is read before
   * the first download, so that `total` (the sum of the listed sizes) is known from the
   * first call, `{ loaded: 0, total }`.
   */
  onProgress?: (progress: Progress) => void;
  /** Cancels the listing and the downloads; the promise rejects with an `AbortError`. */
  abortSignal?: AbortSignal;
  /** Same as `abortSignal`, under the name `fetch` and the DOM APIs give it. */
  signal?: AbortSignal;
}

/** An object of a listing, as a directory download needs it. */
export interface ListedObject {
  readonly key: string;
  /** The listed size: a hint (the object may change before it is read). */
  readonly size: number | undefined;
}

/**
 * One object written by a directory download.
 *
 * @public
 */
export interface DownloadedFile {
  readonly key: string;
  readonly path: string;
}

/**
 * A key a directory download did not write: refused, or its download failed.
 *
 * @public
 */
export interface DirectoryDownloadFailure {
  readonly key: string;
  readonly error: unknown;
}

/**
 * What `bucket.downloadDirectory` wrote.
 *
 * @public
 */
export interface DownloadDirectoryResult {
  readonly files: readonly DownloadedFile[];
}

/**
 * The path below `root` that `relativeKey` names; throws when it names anything else (an
 * absolute path, a `..` segment, a NUL character) or resolves outside `root`.
 *
 * @example
 * ```ts
 * pathBelow('/data', 'logs/a.txt'); // '/data/logs/a.txt'
 * pathBelow('/data', '../x');       // throws: has a '..' segment
 * ```
 */
export function pathBelow(root: string, relativeKey: string): string {
  const refuse = (why: string) => new Error(`key path ${JSON.stringify(relativeKey)} ${why}`);
  if (relativeKey.includes('\0')) throw refuse('contains a NUL character');
  // Backslashes separate paths on Windows: treat them as separators everywhere.
  if (isAbsolute(relativeKey) || /^[\\/]|^[A-Za-z]:/.test(relativeKey))
    throw refuse('is an absolute path');
  const segments = relativeKey.split(/[\\/]+/);
  if (segments.includes('..')) throw refuse("has a '..' segment");
  const target = resolve(root, ...segments);
  const back = relative(root, target);
  if (back === '' || escapes(back)) throw refuse('resolves outside the directory');
  return target;
}

/**
 * Downloads every object the listing yields (`keys`, page by page) below `dir`, `concurrency`
 * at a time, each atomically (see `downloadFile`). Keys ending in `/` (folder markers) are
 * skipped. Keys that would land outside `dir` — also through a symbolic link inside it — are
 * refused and never written. With `onProgress`, the listing is read to its end first, so
 * that the total is known before the first download. Refused keys and failed downloads are raised together after the
 * last one as a `BatchActionError` whose `failures` are {@link DirectoryDownloadFailure}s and
 * whose `responses` are the files written.
 */
export async function downloadDirectory(
  client: S3Client,
  bucket: string,
  dir: string,
  keys: (abortSignal: AbortSignal | undefined) => AsyncIterable<readonly ListedObject[]>,
  options: DownloadDirectoryOptions = {},
): Promise<DownloadDirectoryResult> {
  const fn = 'downloadDirectory';
  const { prefix, concurrency, abortSignal, onProgress } = await checkDirectoryTransfer(
    fn,
    dir,
    options,
  );

  const root = await realpath(dir);
  const base = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  const files: DownloadedFile[] = [];
  const failures: DirectoryDownloadFailure[] = [];
  const running = new Set<Promise<void>>();

  let progress: ReturnType<typeof aggregateProgress> | undefined;

  const download = async ({ key, size }: ListedObject): Promise<void> => {
    try {
      const path = pathBelow(root, key.slice(base.length));
      const parent = dirname(path);
      // A symbolic link inside the directory must not lead the file (or a new folder) out.
      await assertInside(root, parent, key);
      await mkdir(parent, { recursive: true });
      await assertInside(root, parent, key);
      await downloadToPath(
        fn,
        client,
        { Bucket: bucket, Key: key },
        path,
        { abortSignal, onProgress: progress?.forFile() },
        size,
      );
      files.push({ key, path });
    } catch (error) {
      failures.push({ key, error });
    }
  };

  try {
    let pages: AsyncIterable<readonly ListedObject[]> = keys(abortSignal);
    if (onProgress) {
      const listed: ListedObject[] = [];
      for await (const page of pages) listed.push(...page.filter((o) => !o.key.endsWith('/')));
      progress = aggregateProgress(
        listed.reduce((sum, o) => sum + (o.size ?? 0), 0),
        onProgress,
      );
      pages = (async function* () {
        yield listed;
      })();
    }
    for await (const page of pages) {
      for (const object of page) {
        if (object.key.endsWith('/')) continue;
        while (running.size >= concurrency) await Promise.race(running);
        throwIfAborted(fn, abortSignal);
        const job: Promise<void> = download(object).finally(() => running.delete(job));
        running.add(job);
      }
    }
  } catch (error) {
    // An abort during the listing is reported below, once the downloads have settled.
    if (!abortSignal?.aborted) throw error;
  } finally {
    await Promise.all(running);
  }
  if (abortSignal?.aborted) throw abortError(fn, abortSignal);
  if (failures.length > 0) {
    throw new BatchActionError(
      `${fn}: ${failures.length} key(s) of ${bucket} were not downloaded: ` +
        failures
          .slice(0, 3)
          .map(({ key, error }) => `${JSON.stringify(key)} (${messageOf(error)})`)
          .join(', ') +
        (failures.length > 3 ? ', ...' : ''),
      failures,
      files,
    );
  }
  return { files };
}

/** Throws unless the real path of `path` (or of its nearest existing parent) is inside `root`. */
async function assertInside(root: string, path: string, key: string): Promise<void> {
  let existing = path;
  let real: string | undefined;
  while (real === undefined) {
    real = await realpath(existing).catch(() => undefined);
    if (real === undefined) {
      if (dirname(existing) === existing) break;
      existing = dirname(existing);
    }
  }
  const back = real === undefined ? '..' : relative(root, real);
  if (escapes(back)) {
    throw new Error(`key ${JSON.stringify(key)} leads outside the directory through a link`);
  }
}

/** Whether a path relative to the root leads out of it. */
function escapes(back: string): boolean {
  return back === '..' || back.startsWith(`..${sep}`) || isAbsolute(back);
}
