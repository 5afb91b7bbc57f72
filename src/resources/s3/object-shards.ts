import type { ListObjectsV2CommandOutput } from '@aws-sdk/client-s3';
import { ParamValidationError, responsesOf, type RequestOptions } from '../../core/index.js';
import type { ObjectSummaryCollection } from './object-summary-collection.js';

/**
 * Options of `bucket.objects.filter({ Prefix }).shards(options)`.
 *
 * @public
 */
export interface ShardOptions extends RequestOptions {
  /** What ends a "folder" in a key (default `'/'`). */
  readonly delimiter?: string;
}

/**
 * Splits an object listing by common prefix (see `ObjectSummaryCollection.shards`).
 *
 * @internal
 */
export async function shardsOf<P extends object>(
  collection: ObjectSummaryCollection<P>,
  options: ShardOptions | undefined,
): Promise<ObjectSummaryCollection<P>[]> {
  const label = 'Bucket.objects.shards';
  const { delimiter = '/', ...request } = options ?? {};
  if (typeof delimiter !== 'string' || delimiter === '') {
    throw new ParamValidationError(`${label}: options.delimiter must be a non-empty string`);
  }
  const { params, limit, position } = collection.toJSON();
  if (limit !== undefined || position !== undefined) {
    throw new ParamValidationError(
      `${label}: split the listing before limiting or restoring it part-way`,
    );
  }
  if (params.Delimiter !== undefined) {
    throw new ParamValidationError(`${label}: the listing has a Delimiter already`);
  }
  const atThisLevel = collection.filter({ Delimiter: delimiter } as P);
  const prefixes: string[] = [];
  for await (const { response } of responsesOf(atThisLevel, request)) {
    for (const common of (response as ListObjectsV2CommandOutput).CommonPrefixes ?? []) {
      if (common.Prefix !== undefined) prefixes.push(common.Prefix);
    }
  }
  return [atThisLevel, ...prefixes.map((prefix) => collection.filter({ Prefix: prefix } as P))];
}
