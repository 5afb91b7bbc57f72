/**
 * Compile-time tests of the S3 surface, checked by `npm run typecheck` (and by
 * test/unit/type-tests.test.ts). Nothing here runs: the functions are never called.
 * Each `@ts-expect-error` line must stay an error; the rest must compile.
 */
import type {
  DeleteObjectsCommandOutput,
  PutBucketVersioningCommandOutput,
} from '@aws-sdk/client-s3';
import {
  S3,
  S3Object,
  type Bucket,
  type BucketAcl,
  type BucketObjects,
  type BucketObjectsCollection,
  type BucketObjectsParams,
  type S3Buckets,
  type GetObjectResult,
  type ObjectSummary,
  type UploadDirectoryResult,
  type DownloadResult,
} from '../../src/resources/s3/index.js';

export async function wrongCallsDoNotCompile(s3: S3, bucket: Bucket, obj: S3Object) {
  // @ts-expect-error Bucket is filled by the resource
  await bucket.putObject({ Bucket: 'x', Key: 'k' });
  // @ts-expect-error Key is required
  await bucket.putObject({});
  // @ts-expect-error the key identifier is missing
  s3.Object('bucket');
  // @ts-expect-error identifiers are strings
  s3.Bucket(1);
  // @ts-expect-error contentLength is a number
  const n: string = await obj.contentLength;
  // @ts-expect-error batch actions are not on the bare collection property
  await bucket.objects.delete();
  // @ts-expect-error the listing's Bucket is filled by the resource
  bucket.objects.filter({ Bucket: 'x' });
  // @ts-expect-error MaxKeys is set by limit() and pageSize()
  bucket.objects.filter({ MaxKeys: 5 });
  // @ts-expect-error identifiers are readonly
  obj.key = 'x';
  // @ts-expect-error waiter times are numbers
  await obj.waitUntilExists({ maxWaitTime: '3' });
  // @ts-expect-error limit takes a number
  bucket.objects.limit('3');
  // @ts-expect-error the collection yields ObjectSummary, which has no contentLength
  for await (const s of bucket.objects.all()) await s.contentLength;
  // @ts-expect-error unknown action params are refused
  await obj.delete({ NotAParam: true });
  // @ts-expect-error the abort signal is an option (the second argument), not a param
  await bucket.objects.all().delete({ abortSignal: AbortSignal.timeout(5) });
  // @ts-expect-error Quiet belongs in Delete: the batch action's params are DeleteObjects'
  await bucket.objects.all().delete({ Quiet: true });
  // @ts-expect-error concurrency is an option, not a param
  await bucket.objects.all().delete({ concurrency: 4 });
  // @ts-expect-error a factory takes only its identifiers: Object(key)
  bucket.Object('k', 'extra');
  // @ts-expect-error the key is a string
  bucket.Object(1);
  // @ts-expect-error Acl() takes no arguments
  bucket.Acl('x');
  // @ts-expect-error s3.Object(bucketName, key) takes two strings
  s3.Object('b', 'k', 'v');
  // @ts-expect-error the part number is a number
  s3.MultipartUpload('b', 'k', 'u').Part('1');
  // @ts-expect-error the named params type refuses what the bucket fills
  const named: BucketObjectsParams = { Bucket: 'x' };
  const query: BucketObjectsCollection = bucket.objects.all();
  // @ts-expect-error the named collection yields ObjectSummary, which has no contentLength
  for await (const s of query) await s.contentLength;
  return [n, named];
}

export async function rightCallsCompile(s3: S3, bucket: Bucket, obj: S3Object) {
  const o: S3Object = await bucket.putObject({ Key: 'k', Body: 'x' });
  const key: string = o.key;
  const bucketName: string = o.bucketName;
  for await (const s of bucket.objects.filter({ Prefix: 'a' }).limit(3)) {
    const summary: ObjectSummary = s;
    const size: number | undefined = await s.size;
    void [summary, size];
  }
  const deleted: DeleteObjectsCommandOutput[] = await bucket.objects.all().delete();
  const filtered: DeleteObjectsCommandOutput[] = await bucket.objects
    .filter({ Prefix: 'tmp/' })
    .delete({ Delete: { Quiet: true } });
  const text: string = await (await obj.get()).Body.text();
  const got: GetObjectResult = await obj.get({ Range: 'bytes=0-1' });
  const length: number | undefined = await obj.contentLength;
  const page: ObjectSummary[] = await bucket.objects.limit(10).toArray();
  await obj.waitUntilExists({
    maxWaitTime: 30,
    minDelay: 1,
    abortSignal: new AbortController().signal,
  });
  const byName = s3.Bucket('b').Object('k');
  const same: boolean = byName.equals(s3.Object('b', 'k'));
  // Members the resource fills in part (VersioningConfiguration.Status) are optional.
  const enabled: PutBucketVersioningCommandOutput = await bucket.Versioning().enable();
  // Factories take exactly their identifiers, by name.
  const acl: BucketAcl = bucket.Acl();
  const byKey: S3Object = bucket.Object('k');
  // Every collection property has named types: the property, its queries and its params.
  const objects: BucketObjects = bucket.objects;
  const params: BucketObjectsParams = { Prefix: 'logs/', StartAfter: 'logs/a' };
  const logs: BucketObjectsCollection = objects.filter(params).limit(5);
  const logsDeleted: DeleteObjectsCommandOutput[] = await logs.delete();
  const buckets: S3Buckets = s3.buckets;
  void [acl, byKey, buckets, logsDeleted];
  const fromManager: ObjectSummary[] = [];
  for await (const s of bucket.objects) fromManager.push(s);
  return [key, bucketName, deleted, filtered, text, got, length, page, same, enabled];
}

export async function directoryAndRangedTransfers(bucket: Bucket, obj: S3Object) {
  const uploaded: UploadDirectoryResult = await bucket.uploadDirectory('./site', {
    prefix: 'site/',
    concurrency: 8,
    onProgress: ({ loaded, total }) => [loaded, total],
    params: { ContentType: 'text/html', StorageClass: 'STANDARD_IA' },
  });
  // @ts-expect-error the key of each file comes from its path
  await bucket.uploadDirectory('./site', { params: { Key: 'x' } });
  // @ts-expect-error prefix is a string
  await bucket.uploadDirectory('./site', { prefix: 1 });
  await bucket.downloadDirectory('./back', { onProgress: ({ loaded }) => loaded });
  const ranged: DownloadResult = await obj.downloadFile('/tmp/big.bin', {
    partSize: 16 * 1024 * 1024,
    concurrency: 8,
  });
  // @ts-expect-error a stream is read in order: no parts
  await obj.downloadStream({ partSize: 8 * 1024 * 1024 });
  // @ts-expect-error partSize is a number of bytes
  await bucket.downloadFile('k', '/tmp/k', { partSize: '8MiB' });
  return [uploaded.files[0]?.key, ranged.ContentLength];
}
