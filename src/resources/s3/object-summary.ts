import type { GetObjectCommandInput } from '@aws-sdk/client-s3';
import { runAction, type ActionParams, type RequestOptions } from '../../core/index.js';
import { ObjectSummary$get, ObjectSummaryBase } from './generated/object-summary.js';
import { readableGet } from './object-get.js';
import type { GetObjectResult } from './transfers/object-body.js';

/**
 * An object as a listing shows it (`bucket.objects`): `key`, `size`, `eTag`, `lastModified`
 * and `storageClass` come with the listing at no extra request.
 *
 * @example
 * ```ts
 * for await (const o of bucket.objects.filter({ Prefix: 'logs/' })) console.log(o.key, await o.size);
 * ```
 *
 * @public
 */
export class ObjectSummary extends ObjectSummaryBase {
  /**
   * Sends `GetObject`; the body reads as `text()`, `bytes()`, `stream()`, `webStream()` or
   * `lines()`, once.
   *
   * @param params - the rest of the GetObject input
   * @param options - `abortSignal` cancels the request
   * @example
   * ```ts
   * const text = await (await summary.get()).Body.text();
   * ```
   */
  get(
    params?: ActionParams<GetObjectCommandInput, 'Bucket' | 'Key'>,
    options?: RequestOptions,
  ): Promise<GetObjectResult> {
    return readableGet(runAction(this, ObjectSummary$get, params, options));
  }
}
