/** The partition of a region's ARNs (`aws`, `aws-cn`, `aws-us-gov`, ...). */
export function partitionOf(region: string | undefined): string {
  if (region?.startsWith('cn-')) return 'aws-cn';
  if (region?.startsWith('us-gov-')) return 'aws-us-gov';
  if (region?.startsWith('us-isob-')) return 'aws-iso-b';
  if (region?.startsWith('us-iso-')) return 'aws-iso';
  if (region?.startsWith('eu-isoe-')) return 'aws-iso-e';
  return 'aws';
}

/** A bucket's ARN, as S3 Batch Operations names buckets. */
export function bucketArn(name: string, partition: string): string {
  return `arn:${partition}:s3:::${name}`;
}

/** A bucket given as a resource (`{ name }`) or an ARN, as an ARN; undefined when neither. */
export function toBucketArn(bucket: unknown, partition: string): string | undefined {
  if (typeof bucket === 'string') return /^arn:[a-z-]+:s3:::./.test(bucket) ? bucket : undefined;
  const name = (bucket as { name?: unknown } | null | undefined)?.name;
  return typeof name === 'string' && name !== '' ? bucketArn(name, partition) : undefined;
}
