import type {
  JobManifestGeneratorFilter,
  S3JobManifestGenerator,
} from '@aws-sdk/client-s3-control';
import { ParamValidationError, type CollectionQuery } from '../../../core/index.js';
import { bucketArn } from './arn.js';

/** ListObjectsV2 params that shape what each listed item carries, not which objects are listed. */
const SHAPING = new Set(['EncodingType', 'FetchOwner', 'OptionalObjectAttributes']);

/** Why the manifest generator cannot express a listing param. */
const INEXPRESSIBLE: Record<string, string> = {
  Delimiter:
    'the manifest generator lists every object below the prefix; it cannot stop at a delimiter',
  StartAfter: 'the manifest generator has no start key',
  RequestPayer: 'a job reads the bucket with its role; it takes no request-payer setting',
  ContinuationToken: 'the manifest generator has no continuation token',
  MaxKeys: 'the manifest generator takes no count (use no limit)',
};

/**
 * The S3 manifest generator that selects what a `bucket.objects` query would list: the
 * bucket's ARN, `Prefix` as `KeyNameConstraint.MatchAnyPrefix`, `ExpectedBucketOwner`, and
 * the caller's extra generator `filter`. A query param the generator cannot express is a
 * `ParamValidationError` naming it.
 */
export function manifestGeneratorOf(
  query: CollectionQuery,
  partition: string,
  extra: {
    readonly filter?: JobManifestGeneratorFilter;
    readonly output?: S3JobManifestGenerator['ManifestOutputLocation'];
  },
  label: string,
): S3JobManifestGenerator {
  const bucket = query.identifiers.Name;
  if (typeof bucket !== 'string' || bucket === '')
    throw new ParamValidationError(`${label}: the collection has no bucket to select objects from`);
  if (query.limit !== undefined)
    throw new ParamValidationError(
      `${label}: limit(${query.limit}) cannot be expressed by the manifest generator, which selects every matching object`,
    );
  const filters = query.filters as Record<string, unknown>;
  for (const [key, value] of Object.entries(filters)) {
    if (key === 'Prefix' || key === 'ExpectedBucketOwner' || SHAPING.has(key)) continue;
    if (value === undefined) continue;
    throw new ParamValidationError(
      `${label}: filter ${key} cannot be expressed by the manifest generator${INEXPRESSIBLE[key] ? ` (${INEXPRESSIBLE[key]})` : ''}`,
    );
  }
  const prefix = filters.Prefix;
  if (prefix !== undefined && typeof prefix !== 'string')
    throw new ParamValidationError(`${label}: filter Prefix must be a string`);
  const filter: JobManifestGeneratorFilter = { ...extra.filter };
  if (prefix) {
    if (filter.KeyNameConstraint?.MatchAnyPrefix?.length)
      throw new ParamValidationError(
        `${label}: the collection's Prefix and manifestFilter.KeyNameConstraint.MatchAnyPrefix both select by prefix; give one`,
      );
    filter.KeyNameConstraint = { ...filter.KeyNameConstraint, MatchAnyPrefix: [prefix] };
  }
  const owner = filters.ExpectedBucketOwner;
  if (owner !== undefined && typeof owner !== 'string')
    throw new ParamValidationError(`${label}: filter ExpectedBucketOwner must be a string`);
  return {
    SourceBucket: bucketArn(bucket, partition),
    ...(owner === undefined ? {} : { ExpectedBucketOwner: owner }),
    ...(Object.keys(filter).length > 0 ? { Filter: filter } : {}),
    ...(extra.output === undefined
      ? { EnableManifestOutput: false }
      : { EnableManifestOutput: true, ManifestOutputLocation: extra.output }),
  };
}
