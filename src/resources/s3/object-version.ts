import type { GetObjectCommandInput } from '@aws-sdk/client-s3';
import { runAction, type ActionParams, type RequestOptions } from '../../core/index.js';
import { ObjectVersion$get, ObjectVersionBase } from './generated/object-version.js';
import { readableGet } from './object-get.js';
import type { GetObjectResult } from './transfers/object-body.js';

/**
 * One version of an object, or a delete marker (`bucket.objectVersions`).
 *
 * @example
 * ```ts
 * for await (const v of bucket.objectVersions.filter({ Prefix: 'a.txt' })) console.log(v.id, await v.isLatest);
 * ```
 *
 * @public
 */
export class ObjectVersion extends ObjectVersionBase {
  /**
   * Sends `GetObject` for this version; the body reads as `text()`, `bytes()`, `stream()`,
   * `webStream()` or `lines()`, once.
   *
   * @param params - the rest of the GetObject input
   * @param options - `abortSignal` cancels the request
   * @example
   * ```ts
   * const old = await (await version.get()).Body.text();
   * ```
   */
  get(
    params?: ActionParams<GetObjectCommandInput, 'Bucket' | 'Key' | 'VersionId'>,
    options?: RequestOptions,
  ): Promise<GetObjectResult> {
    return readableGet(runAction(this, ObjectVersion$get, params, options));
  }
}
