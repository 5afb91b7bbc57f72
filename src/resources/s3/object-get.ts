import type { GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { withReadableBody, type GetObjectResult } from './transfers/object-body.js';

/**
 * Turns a GetObject output into one whose body reads as text, bytes, a stream or lines: what
 * `get()` of S3Object, ObjectSummary and ObjectVersion return.
 *
 * @internal
 */
export async function readableGet(output: Promise<unknown>): Promise<GetObjectResult> {
  return withReadableBody((await output) as GetObjectCommandOutput);
}
