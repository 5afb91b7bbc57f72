import type { GetObjectCommandInput } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import {
  forgetData,
  libraryClient,
  runAction,
  type ActionParams,
  type RequestOptions,
} from '../../core/index.js';
import { S3Object$get, S3ObjectBase } from './generated/object.js';
import { readableGet } from './object-get.js';
import { copyObject, type CopyOptions, type CopyResult } from './transfers/copy.js';
import {
  downloadFile,
  downloadStream,
  type DownloadFileOptions,
  type DownloadOptions,
  type DownloadResult,
} from './transfers/download.js';
import type { GetObjectResult } from './transfers/object-body.js';
import type { ObjectSource } from './transfers/options.js';
import { presignGet, presignPut, type PresignOptions } from './transfers/presign.js';
import {
  uploadFile,
  uploadStream,
  type UploadBody,
  type UploadOptions,
  type UploadResult,
} from './transfers/upload.js';

/**
 * An S3 object (boto3's `Object`): identifiers `bucketName` and `key`, attributes from
 * HeadObject (loaded once, on first read), actions, managed transfers and presigned URLs.
 *
 * @example
 * ```ts
 * const obj = new S3().Object('reports', 'a.txt');
 * console.log(await obj.contentLength, await (await obj.get()).Body.text());
 * ```
 *
 * @public
 */
export class S3Object extends S3ObjectBase {
  /**
   * Sends `GetObject`; the body reads as `text()`, `bytes()`, `stream()`, `webStream()` or
   * `lines()`, once.
   *
   * @param params - the rest of the GetObject input (Range, IfMatch, VersionId, ...)
   * @param options - `abortSignal` cancels the request
   * @example
   * ```ts
   * const { Body, ContentType } = await obj.get();
   * for await (const line of Body.lines()) console.log(line);
   * ```
   */
  get(
    params?: ActionParams<GetObjectCommandInput, 'Bucket' | 'Key'>,
    options?: RequestOptions,
  ): Promise<GetObjectResult> {
    return readableGet(runAction(this, S3Object$get, params, options));
  }

  /**
   * Uploads a local file to this object, in parts when it is large.
   *
   * @param filePath - the file to read
   * @param options - `partSize`, `concurrency`, `onProgress`, `abortSignal`, extra PutObject `params`
   * @example
   * ```ts
   * await obj.uploadFile('report.pdf', { params: { ContentType: 'application/pdf' } });
   * ```
   */
  uploadFile(filePath: string, options?: UploadOptions): Promise<UploadResult> {
    return afterAction(
      this,
      uploadFile(libraryClient(this.meta.client), this.#location(), filePath, options),
    );
  }

  /**
   * Uploads a stream, bytes, a string or a Blob to this object, in parts when it is large.
   *
   * @param body - what to upload
   * @param options - `partSize`, `concurrency`, `onProgress`, `abortSignal`, extra PutObject `params`
   * @example
   * ```ts
   * await obj.uploadStream(createReadStream('big.log'), { concurrency: 8 });
   * ```
   */
  uploadStream(body: UploadBody, options?: UploadOptions): Promise<UploadResult> {
    return afterAction(
      this,
      uploadStream(libraryClient(this.meta.client), this.#location(), body, options),
    );
  }

  /**
   * Downloads this object to a local file, which appears only when the download is complete.
   * An object larger than `partSize` (default 8 MiB) is fetched with concurrent ranged GETs
   * pinned to its ETag.
   *
   * @param filePath - where to write it
   * @param options - `partSize`, `concurrency`, `onProgress`, `abortSignal`, extra GetObject `params`
   * @example
   * ```ts
   * await obj.downloadFile('/tmp/a.txt');
   * ```
   */
  downloadFile(filePath: string, options?: DownloadFileOptions): Promise<DownloadResult> {
    return afterAction(
      this,
      downloadFile(libraryClient(this.meta.client), this.#location(), filePath, options),
    );
  }

  /**
   * This object's content as a Node stream.
   *
   * @param options - `onProgress`, `abortSignal`, extra GetObject `params`
   * @example
   * ```ts
   * (await obj.downloadStream()).pipe(createWriteStream('/tmp/a.txt'));
   * ```
   */
  downloadStream(options?: DownloadOptions): Promise<Readable> {
    return afterAction(
      this,
      downloadStream(libraryClient(this.meta.client), this.#location(), options),
    );
  }

  /**
   * Copies another object into this one: one CopyObject, or a multipart copy above
   * `multipartThreshold`.
   *
   * @param source - `{ Bucket, Key, VersionId? }` of the object to copy
   * @param options - `multipartThreshold`, `partSize`, `concurrency`, `onProgress`, `abortSignal`, extra `params`
   * @example
   * ```ts
   * await s3.Object('backup', 'a.txt').copy({ Bucket: 'reports', Key: 'a.txt' });
   * ```
   */
  copy(source: ObjectSource, options?: CopyOptions): Promise<CopyResult> {
    return afterAction(
      this,
      copyObject(libraryClient(this.meta.client), source, this.#location(), options),
    );
  }

  /**
   * A presigned URL that GETs this object without credentials, valid for `expiresIn` seconds
   * (at most 7 days).
   *
   * @param options - `expiresIn` (default 3600) and extra GetObject `params` (VersionId, ResponseContentType, ...)
   * @example
   * ```ts
   * const url = await obj.presignGet({ expiresIn: 600 });
   * ```
   */
  presignGet(
    options: PresignOptions & { params?: Omit<GetObjectCommandInput, 'Bucket' | 'Key'> } = {},
  ): Promise<string> {
    const { params, ...presign } = options;
    return presignGet(this.meta.client, { ...params, ...this.#location() }, presign);
  }

  /**
   * A presigned URL that PUTs this object without credentials, valid for `expiresIn` seconds
   * (at most 7 days).
   *
   * @param options - `expiresIn` (default 3600) and extra PutObject `params` (ContentType, ...)
   * @example
   * ```ts
   * const url = await obj.presignPut({ expiresIn: 600 });
   * await fetch(url, { method: 'PUT', body: 'hello' });
   * ```
   */
  presignPut(
    options: PresignOptions & {
      params?: Omit<Parameters<typeof presignPut>[1], 'Bucket' | 'Key'>;
    } = {},
  ): Promise<string> {
    const { params, ...presign } = options;
    return presignPut(this.meta.client, { ...params, ...this.#location() }, presign);
  }

  #location(): { Bucket: string; Key: string } {
    return { Bucket: this.bucketName, Key: this.key };
  }
}

/**
 * `pending`, once the object's loaded data is forgotten: a transfer changed the object (or
 * read it, as `get` does), so the next attribute read loads again, as after any action.
 */
function afterAction<T>(object: S3Object, pending: Promise<T>): Promise<T> {
  return pending.then((result) => {
    forgetData(object);
    return result;
  });
}
