import type { Readable } from 'node:stream';
import { libraryClient } from '../../core/index.js';
import { BucketBase } from './generated/bucket.js';
import type { S3Object } from './object.js';
import { installShards } from './object-shards.js';
import { copyObject, type CopyOptions } from './transfers/copy.js';
import {
  downloadFile,
  downloadStream,
  type DownloadFileOptions,
  type DownloadOptions,
  type DownloadResult,
} from './transfers/download.js';
import {
  downloadDirectory,
  type DownloadDirectoryOptions,
  type DownloadDirectoryResult,
} from './transfers/download-directory.js';
import type { ObjectSource } from './transfers/options.js';
import {
  uploadDirectory,
  type UploadDirectoryOptions,
  type UploadDirectoryResult,
} from './transfers/upload-directory.js';
import {
  uploadFile,
  uploadStream,
  type UploadBody,
  type UploadOptions,
} from './transfers/upload.js';

installShards();

/**
 * An S3 bucket: its identifier `name`, attributes from ListBuckets, actions, object
 * collections, and managed transfers of objects in it.
 *
 * @example
 * ```ts
 * const bucket = new S3().Bucket('reports');
 * await bucket.uploadFile('report.pdf', 'r/report.pdf');
 * ```
 *
 * @public
 */
export class Bucket extends BucketBase {
  /**
   * Uploads a local file to `key`, in parts when it is large (through `@aws-sdk/lib-storage`).
   *
   * @param filePath - the file to read
   * @param key - the object's key
   * @param options - `partSize`, `concurrency`, `onProgress`, `abortSignal`, extra PutObject `params`
   * @returns the uploaded object
   * @example
   * ```ts
   * const obj = await bucket.uploadFile('report.pdf', 'r/report.pdf', {
   *   onProgress: ({ loaded, total }) => console.log(loaded, total),
   * });
   * ```
   */
  async uploadFile(filePath: string, key: string, options?: UploadOptions): Promise<S3Object> {
    await uploadFile(
      libraryClient(this.meta.client),
      { Bucket: this.name, Key: key },
      filePath,
      options,
    );
    return this.Object(key);
  }

  /**
   * Uploads a stream, bytes, a string or a Blob to `key`, in parts when it is large.
   *
   * @param body - what to upload
   * @param key - the object's key
   * @param options - `partSize`, `concurrency`, `onProgress`, `abortSignal`, extra PutObject `params`
   * @returns the uploaded object
   * @example
   * ```ts
   * const obj = await bucket.uploadStream(createReadStream('big.log'), 'logs/big.log');
   * ```
   */
  async uploadStream(body: UploadBody, key: string, options?: UploadOptions): Promise<S3Object> {
    await uploadStream(
      libraryClient(this.meta.client),
      { Bucket: this.name, Key: key },
      body,
      options,
    );
    return this.Object(key);
  }

  /**
   * Downloads the object at `key` to a local file; the file appears only when the download
   * is complete. An object larger than `partSize` (default 8 MiB) is fetched with concurrent
   * ranged GETs pinned to its ETag.
   *
   * @param key - the object's key
   * @param filePath - where to write it
   * @param options - `partSize`, `concurrency`, `onProgress`, `abortSignal`, extra GetObject `params`
   * @returns the GetObject output, without its body
   * @example
   * ```ts
   * await bucket.downloadFile('r/report.pdf', '/tmp/report.pdf', {
   *   partSize: 16 * 1024 * 1024,
   *   concurrency: 8,
   * });
   * ```
   */
  downloadFile(
    key: string,
    filePath: string,
    options?: DownloadFileOptions,
  ): Promise<DownloadResult> {
    return downloadFile(
      libraryClient(this.meta.client),
      { Bucket: this.name, Key: key },
      filePath,
      options,
    );
  }

  /**
   * The object at `key` as a Node stream.
   *
   * @param key - the object's key
   * @param options - `onProgress`, `abortSignal`, extra GetObject `params`
   * @example
   * ```ts
   * (await bucket.downloadStream('logs/big.log')).pipe(process.stdout);
   * ```
   */
  downloadStream(key: string, options?: DownloadOptions): Promise<Readable> {
    return downloadStream(
      libraryClient(this.meta.client),
      { Bucket: this.name, Key: key },
      options,
    );
  }

  /**
   * Downloads the objects under `prefix` into the directory `dir`, each to the path its key
   * names below it (atomically, `concurrency` at a time). Keys that would land outside `dir`
   * (`../x`, `/etc/x`, `a/../../x`, or through a symbolic link) are refused and never written;
   * they and any failed download are raised together at the end as a `BatchActionError`.
   *
   * @param dir - an existing directory
   * @param options - `prefix`, `concurrency` (default 4), `onProgress` (over all files; the
   *   listing is read first so that `total` is known from the first call), `abortSignal`
   * @returns the files written, with their keys
   * @example
   * ```ts
   * const { files } = await bucket.downloadDirectory('./backup', { prefix: 'logs/' });
   * ```
   */
  downloadDirectory(
    dir: string,
    options?: DownloadDirectoryOptions,
  ): Promise<DownloadDirectoryResult> {
    const prefix = options?.prefix;
    const listing = this.objects.filter(typeof prefix === 'string' ? { Prefix: prefix } : {});
    const keys = async function* (abortSignal: AbortSignal | undefined) {
      for await (const page of listing.pages({ abortSignal }))
        yield page.map((o) => ({ key: o.key, size: o.data?.Size }));
    };
    return downloadDirectory(libraryClient(this.meta.client), this.name, dir, keys, options);
  }

  /**
   * Uploads every file below the directory `dir` to the key `prefix` + its path relative to
   * `dir` (with `/` separators), `concurrency` files at a time, each like `uploadFile`.
   * Symbolic links are followed; a link loop, a broken link, a special file or an unreadable
   * directory is a failure. Failures are raised together at the end as a `BatchActionError`
   * carrying the failed paths (`failures`) and the uploaded files (`responses`).
   *
   * @param dir - an existing directory
   * @param options - `prefix`, `concurrency` (default 4), `onProgress` (over all files, `total`
   *   known from the first call), `abortSignal`, extra PutObject `params` for every file
   * @returns the files uploaded, with their keys
   * @example
   * ```ts
   * const { files } = await bucket.uploadDirectory('./public', {
   *   prefix: 'site/',
   *   onProgress: ({ loaded, total }) => console.log(`${loaded}/${total}`),
   * });
   * ```
   */
  uploadDirectory(dir: string, options?: UploadDirectoryOptions): Promise<UploadDirectoryResult> {
    return uploadDirectory(libraryClient(this.meta.client), this.name, dir, options);
  }

  /**
   * Copies an object (from any bucket) to `key` in this bucket: one CopyObject, or a
   * multipart copy above `multipartThreshold`.
   *
   * @param source - `{ Bucket, Key, VersionId? }` of the object to copy
   * @param key - the new object's key
   * @param options - `multipartThreshold`, `partSize`, `concurrency`, `onProgress`, `abortSignal`, extra `params`
   * @returns the new object
   * @example
   * ```ts
   * const copy = await bucket.copy({ Bucket: 'other', Key: 'a.txt' }, 'copies/a.txt');
   * ```
   */
  async copy(source: ObjectSource, key: string, options?: CopyOptions): Promise<S3Object> {
    await copyObject(
      libraryClient(this.meta.client),
      source,
      { Bucket: this.name, Key: key },
      options,
    );
    return this.Object(key);
  }
}
