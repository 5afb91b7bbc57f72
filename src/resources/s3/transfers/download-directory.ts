/**
 * Downloads the objects under a prefix into a local directory, each to the path its key names
 * below it — and never outside it: keys are data anyone with write access to the bucket
 * chose, and `../x`, `/etc/x` or `a/../../x` must not become paths outside the directory.
 *
 * @packageDocumentation
 */
import { mkdir, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { BatchActionError, ParamValidationError } from '../../../core/index.js';
import { downloadFile } from './download.js';
import { abortError, assertConcurrency, assertTransferOptions, throwIfAborted } from './options.js';

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
  /** Downloads in flight at once (default 4). */
  concurrency?: number;
  /** Cancels the listing and the downloads; the promise rejects with an `AbortError`. */
  abortSignal?: AbortSignal;
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
 * refused and never written. Refused keys and failed downloads are raised together after the
 * last one as a `BatchActionError` whose `failures` are {@link DirectoryDownloadFailure}s and
 * whose `responses` are the files written.
 */
export async function downloadDirectory(
  client: S3Client,
  bucket: string,
  dir: string,
  keys: (abortSignal: AbortSignal | undefined) => AsyncIterable<readonly string[]>,
  options: DownloadDirectoryOptions = {},
): Promise<DownloadDirectoryResult> {
  const fn = 'downloadDirectory';
  if (typeof options !== 'object' || options === null)
    throw new ParamValidationError(`${fn}: options must be an object`);
  const { prefix = '', concurrency = 4, abortSignal } = options;
  assertTransferOptions(fn, { abortSignal });
  assertConcurrency(fn, concurrency);
  if (typeof prefix !== 'string') throw new ParamValidationError(`${fn}: prefix must be a string`);
  if (typeof dir !== 'string' || dir.length === 0)
    throw new ParamValidationError(
      `${fn}: dir must be a non-empty string, got ${JSON.stringify(dir)}`,
    );
  if (!(await stat(dir).catch(() => undefined))?.isDirectory())
    throw new ParamValidationError(
      `${fn}: dir ${JSON.stringify(dir)} is not an existing directory`,
    );
  throwIfAborted(fn, abortSignal);

  const root = await realpath(dir);
  const base = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  const files: DownloadedFile[] = [];
  const failures: DirectoryDownloadFailure[] = [];
  const running = new Set<Promise<void>>();

  const download = async (key: string): Promise<void> => {
    try {
      const path = pathBelow(root, key.slice(base.length));
      const parent = dirname(path);
      // A symbolic link inside the directory must not lead the file (or a new folder) out.
      await assertInside(root, parent, key);
      await mkdir(parent, { recursive: true });
      await assertInside(root, parent, key);
      await downloadFile(client, { Bucket: bucket, Key: key }, path, { abortSignal });
      files.push({ key, path });
    } catch (error) {
      failures.push({ key, error });
    }
  };

  try {
    for await (const page of keys(abortSignal)) {
      for (const key of page) {
        if (key.endsWith('/')) continue;
        while (running.size >= concurrency) await Promise.race(running);
        throwIfAborted(fn, abortSignal);
        const job: Promise<void> = download(key).finally(() => running.delete(job));
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
