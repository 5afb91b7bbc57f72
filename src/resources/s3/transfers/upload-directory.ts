/**
 * Uploads a local directory tree to the keys under a prefix, the twin of
 * `downloadDirectory`: each file through the managed upload (`uploadFile`), a bounded number
 * at a time, with one progress count over all of them.
 *
 * @packageDocumentation
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PutObjectCommandInput, S3Client } from '@aws-sdk/client-s3';
import { BatchActionError } from '../../../core/index.js';
import { checkDirectoryTransfer } from './directory-options.js';
import { aggregateProgress, messageOf } from './directory-progress.js';
import { abortError, assertParams, throwIfAborted, type Progress } from './options.js';
import { uploadFile } from './upload.js';

/**
 * Options of `bucket.uploadDirectory`.
 *
 * @public
 */
export interface UploadDirectoryOptions {
  /**
   * Put before every file's path (with `/` separators) to make its key, as is: end it with
   * `/` to upload into a folder (`backup/` + `css/a.css` = `backup/css/a.css`).
   */
  prefix?: string;
  /**
   * Files uploading at once (default 4). A file larger than 5 MiB is itself a multipart
   * upload with 4 parts in flight, so memory use is up to about `concurrency × 20 MiB`.
   */
  concurrency?: number;
  /**
   * Called with the bytes uploaded over all files. `total`, the sum of the file sizes, is
   * known from the first call, `{ loaded: 0, total }`, made once the tree has been read.
   */
  onProgress?: (progress: Progress) => void;
  /**
   * Cancels the uploads: those in flight are aborted (a multipart one on S3 too, so no parts
   * are left stored), no new one starts, and the promise rejects with an `AbortError`.
   */
  abortSignal?: AbortSignal;
  /** Same as `abortSignal`, under the name `fetch` and the DOM APIs give it. */
  signal?: AbortSignal;
  /** Extra PutObject members for every file: ContentType, StorageClass, Metadata, ... */
  params?: Omit<PutObjectCommandInput, 'Bucket' | 'Key' | 'Body'>;
}

/**
 * One file written by a directory upload.
 *
 * @public
 */
export interface UploadedFile {
  readonly path: string;
  readonly key: string;
}

/**
 * A file (or a directory that could not be read) a directory upload did not upload.
 *
 * @public
 */
export interface DirectoryUploadFailure {
  readonly path: string;
  /** The key it would have had (a directory's ends with `/`). */
  readonly key: string;
  readonly error: unknown;
}

/**
 * What `bucket.uploadDirectory` uploaded.
 *
 * @public
 */
export interface UploadDirectoryResult {
  readonly files: readonly UploadedFile[];
}

/** A file found in the tree, with the size it had then. */
interface FoundFile extends UploadedFile {
  readonly size: number;
}

/**
 * Every regular file below `root`, in name order, and what could not be walked. Symbolic
 * links are followed, to files and to directories; a link back to a directory that contains
 * it (a loop), a link to nothing, anything that is neither a file nor a directory (a socket,
 * a FIFO, a device) and a directory that cannot be read are failures. Empty directories
 * have no key to become.
 */
async function walk(
  fn: string,
  root: string,
  prefix: string,
  signal: AbortSignal | undefined,
): Promise<{ found: FoundFile[]; failures: DirectoryUploadFailure[] }> {
  const found: FoundFile[] = [];
  const failures: DirectoryUploadFailure[] = [];
  const visit = async (dir: string, relative: string, ancestors: ReadonlySet<string>) => {
    throwIfAborted(fn, signal);
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (error) {
      failures.push({ path: dir, key: prefix + relative, error });
      return;
    }
    for (const name of names) {
      const path = join(dir, name);
      const key = prefix + relative + name;
      try {
        const stats = await stat(path); // follows links
        if (stats.isFile()) {
          found.push({ path, key, size: stats.size });
        } else if (stats.isDirectory()) {
          const real = await realpath(path);
          if (ancestors.has(real)) {
            throw new Error(`${path} is a link to a directory that contains it (a loop)`);
          }
          await visit(path, `${relative}${name}/`, new Set([...ancestors, real]));
        } else {
          throw new Error(`${path} is neither a regular file nor a directory`);
        }
      } catch (error) {
        if (signal?.aborted) throw error;
        failures.push({ path, key, error });
      }
    }
  };
  await visit(root, '', new Set([await realpath(root)]));
  return { found, failures };
}

/**
 * Uploads every regular file below `dir` to `prefix` + its path relative to `dir` (with `/`
 * separators whatever the platform), `concurrency` files at a time, each with `uploadFile`
 * (one PutObject, or a multipart upload above 5 MiB). The tree is read, and every file's
 * size taken, before the first upload. Files that cannot be walked or uploaded are raised
 * together after the last upload as a `BatchActionError` whose `failures` are
 * {@link DirectoryUploadFailure}s and whose `responses` are the files uploaded.
 *
 * @example
 * ```ts
 * const { files } = await uploadDirectory(client, 'site-bucket', './public', {
 *   prefix: 'v2/',
 *   onProgress: ({ loaded, total }) => console.log(`${loaded}/${total}`),
 * });
 * ```
 */
export async function uploadDirectory(
  client: S3Client,
  bucket: string,
  dir: string,
  options: UploadDirectoryOptions = {},
): Promise<UploadDirectoryResult> {
  const fn = 'uploadDirectory';
  const { prefix, concurrency, abortSignal, onProgress } = await checkDirectoryTransfer(
    fn,
    dir,
    options,
  );
  const params = options.params;
  assertParams(fn, params, ['Bucket', 'Key', 'Body']);

  let found: FoundFile[];
  let failures: DirectoryUploadFailure[];
  try {
    ({ found, failures } = await walk(fn, dir, prefix, abortSignal));
  } catch (error) {
    if (abortSignal?.aborted) throw abortError(fn, abortSignal);
    throw error;
  }
  const progress = onProgress
    ? aggregateProgress(
        found.reduce((sum, file) => sum + file.size, 0),
        onProgress,
      )
    : undefined;
  const files: UploadedFile[] = [];
  const running = new Set<Promise<void>>();

  const upload = async ({ path, key }: FoundFile): Promise<void> => {
    try {
      await uploadFile(client, { Bucket: bucket, Key: key }, path, {
        abortSignal,
        params,
        onProgress: progress?.forFile(),
      });
      files.push({ path, key });
    } catch (error) {
      failures.push({ path, key, error });
    }
  };

  try {
    for (const file of found) {
      while (running.size >= concurrency) await Promise.race(running);
      if (abortSignal?.aborted) break;
      const job: Promise<void> = upload(file).finally(() => running.delete(job));
      running.add(job);
    }
  } finally {
    await Promise.all(running);
  }
  if (abortSignal?.aborted) throw abortError(fn, abortSignal);
  if (failures.length > 0) {
    throw new BatchActionError(
      `${fn}: ${failures.length} path(s) below ${dir} were not uploaded to ${bucket}: ` +
        failures
          .slice(0, 3)
          .map(({ path, error }) => `${JSON.stringify(path)} (${messageOf(error)})`)
          .join(', ') +
        (failures.length > 3 ? ', ...' : ''),
      failures,
      files,
    );
  }
  return { files };
}
