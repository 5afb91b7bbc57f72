/**
 * The S3 service entry against moto: `createBucket`, the `buckets` collection and every
 * service-level factory (which must build the right class and send nothing).
 */
import { inspect } from 'node:util';
import { S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { clientConfig, uniqueName } from '../support/emulator.js';
import { countRequests } from '../support/request-counter.js';
import { useS3Fixture } from '../support/s3-fixture.js';
import {
  Bucket,
  BucketAcl,
  BucketCors,
  BucketLifecycle,
  BucketLifecycleConfiguration,
  BucketLogging,
  BucketNotification,
  BucketPolicy,
  BucketRequestPayment,
  BucketTagging,
  BucketVersioning,
  BucketWebsite,
  MultipartUpload,
  MultipartUploadPart,
  ObjectAcl,
  ObjectSummary,
  ObjectVersion,
  S3,
  S3Object,
} from '../../src/resources/s3/index.js';

/** Any resource class, for toBeInstanceOf. */
type ResourceClass = abstract new (...args: never[]) => object;

const { client, counter, s3, track } = useS3Fixture('svc', { bucket: false });

/** A bucket made through the library (counted), deleted after the file. */
async function createBucket(prefix: string): Promise<Bucket> {
  const name = uniqueName(prefix);
  const bucket = await s3.createBucket({ Bucket: name });
  track(name);
  return bucket;
}

describe('S3 service entry', () => {
  it('uses the given client, or makes one from a v3 config', async () => {
    expect(s3.meta.client).toBe(client);
    expect(s3.meta.serviceName).toBe('s3');

    const own = new S3({ ...clientConfig(), forcePathStyle: true });
    expect(own.meta.client).toBeInstanceOf(S3Client);
    expect(own.meta.client).not.toBe(client);
    const ownCounter = countRequests(own.meta.client);
    const listed = await own.buckets.limit(1).toArray();
    expect(ownCounter.byOperation).toEqual({ ListBuckets: 1 });
    expect(listed.length).toBeLessThanOrEqual(1);
    own.meta.client.destroy();
    expect(counter.total).toBe(0);
  });

  it('prints and serializes without its client or credentials', () => {
    expect(inspect(s3)).toBe('S3 {}');
    expect(JSON.stringify(s3)).toBe('{"service":"s3"}');
    expect(JSON.stringify(s3)).not.toContain('testing');
  });

  it('createBucket sends one CreateBucket and returns the Bucket it made', async () => {
    const name = uniqueName('svc-create');
    const bucket = await s3.createBucket({ Bucket: name });
    track(name);

    expect(bucket).toBeInstanceOf(Bucket);
    expect(bucket.name).toBe(name);
    expect(bucket.meta.client).toBe(client);
    expect(counter.byOperation).toEqual({ CreateBucket: 1 });
    expect(counter.inputs[0]).toEqual({ operation: 'CreateBucket', input: { Bucket: name } });
    expect(await bucket.exists()).toBe(true);
  });

  it('createBucket passes the v3 service error through unwrapped', async () => {
    // moto checks only the length of a name; 'ab' is too short.
    const error: unknown = await s3.createBucket({ Bucket: 'ab' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error).toMatchObject({ name: 'InvalidBucketName', $metadata: { httpStatusCode: 400 } });
    expect(counter.byOperation).toEqual({ CreateBucket: 1 });
  });

  it('lists buckets as Bucket resources that carry the listing data', async () => {
    const a = await createBucket('svc-list-a');
    const b = await createBucket('svc-list-b');
    counter.reset();

    const listed = await s3.buckets.all().toArray();
    expect(counter.byOperation).toEqual({ ListBuckets: 1 });

    const mine = listed.filter((x) => x.name === a.name || x.name === b.name);
    expect(mine.map((x) => x.name).sort()).toEqual([a.name, b.name].sort());
    for (const bucket of mine) {
      expect(bucket).toBeInstanceOf(Bucket);
      expect(bucket.data?.Name).toBe(bucket.name);
      // The listing's data answers attribute reads: no load.
      expect(await bucket.creationDate).toBeInstanceOf(Date);
    }
    expect(counter.total).toBe(1);
  });

  it('iterates buckets with for await on the manager, and filters them by Prefix', async () => {
    const bucket = await createBucket('svc-prefix');
    counter.reset();

    const names: string[] = [];
    for await (const b of s3.buckets) names.push(b.name);
    expect(names).toContain(bucket.name);

    const filtered = await s3.buckets.filter({ Prefix: bucket.name }).toArray();
    expect(filtered.map((b) => b.name)).toEqual([bucket.name]);
    expect(counter.inputs.map((i) => i.input)).toEqual([{}, { Prefix: bucket.name }]);
  });

  it('limits buckets with MaxBuckets, and pageSize sets the page size', async () => {
    await createBucket('svc-page');
    await createBucket('svc-page');
    counter.reset();

    const one = await s3.buckets.limit(1).toArray();
    expect(one).toHaveLength(1);
    expect(counter.inputs).toEqual([{ operation: 'ListBuckets', input: { MaxBuckets: 1 } }]);

    counter.reset();
    // moto ignores ListBuckets continuation tokens, so only the first page is asserted.
    const pages = s3.buckets.pageSize(2).pages();
    const first = await pages.next();
    await pages.return(undefined);
    expect(first.value).toHaveLength(2);
    expect(counter.inputs).toEqual([{ operation: 'ListBuckets', input: { MaxBuckets: 2 } }]);
  });
});

describe('S3 service factories', () => {
  const cases: Array<[string, () => object, ResourceClass, Record<string, string | number>]> = [
    ['Bucket', () => s3.Bucket('b'), Bucket, { name: 'b' }],
    ['BucketAcl', () => s3.BucketAcl('b'), BucketAcl, { bucketName: 'b' }],
    ['BucketCors', () => s3.BucketCors('b'), BucketCors, { bucketName: 'b' }],
    ['BucketLifecycle', () => s3.BucketLifecycle('b'), BucketLifecycle, { bucketName: 'b' }],
    [
      'BucketLifecycleConfiguration',
      () => s3.BucketLifecycleConfiguration('b'),
      BucketLifecycleConfiguration,
      { bucketName: 'b' },
    ],
    ['BucketLogging', () => s3.BucketLogging('b'), BucketLogging, { bucketName: 'b' }],
    [
      'BucketNotification',
      () => s3.BucketNotification('b'),
      BucketNotification,
      { bucketName: 'b' },
    ],
    ['BucketPolicy', () => s3.BucketPolicy('b'), BucketPolicy, { bucketName: 'b' }],
    [
      'BucketRequestPayment',
      () => s3.BucketRequestPayment('b'),
      BucketRequestPayment,
      { bucketName: 'b' },
    ],
    ['BucketTagging', () => s3.BucketTagging('b'), BucketTagging, { bucketName: 'b' }],
    ['BucketVersioning', () => s3.BucketVersioning('b'), BucketVersioning, { bucketName: 'b' }],
    ['BucketWebsite', () => s3.BucketWebsite('b'), BucketWebsite, { bucketName: 'b' }],
    [
      'MultipartUpload',
      () => s3.MultipartUpload('b', 'k', 'u1'),
      MultipartUpload,
      { bucketName: 'b', objectKey: 'k', id: 'u1' },
    ],
    [
      'MultipartUploadPart',
      () => s3.MultipartUploadPart('b', 'k', 'u1', 3),
      MultipartUploadPart,
      { bucketName: 'b', objectKey: 'k', multipartUploadId: 'u1', partNumber: 3 },
    ],
    ['Object', () => s3.Object('b', 'k/1.txt'), S3Object, { bucketName: 'b', key: 'k/1.txt' }],
    ['ObjectAcl', () => s3.ObjectAcl('b', 'k'), ObjectAcl, { bucketName: 'b', objectKey: 'k' }],
    [
      'ObjectSummary',
      () => s3.ObjectSummary('b', 'k'),
      ObjectSummary,
      { bucketName: 'b', key: 'k' },
    ],
    [
      'ObjectVersion',
      () => s3.ObjectVersion('b', 'k', 'v1'),
      ObjectVersion,
      { bucketName: 'b', objectKey: 'k', id: 'v1' },
    ],
  ];

  it.each(cases)('s3.%s(...) builds the right class and sends nothing', (_, make, cls, ids) => {
    const resource = make() as {
      meta: { identifiers: object; client: object; data: unknown };
    } & Record<string, unknown>;
    expect(resource).toBeInstanceOf(cls);
    expect(resource.meta.identifiers).toEqual(ids);
    expect(resource.meta.client).toBe(client);
    expect(resource.meta.data).toBeUndefined();
    // Identifiers are plain, enumerable properties.
    for (const [name, value] of Object.entries(ids)) expect(resource[name]).toBe(value);
    expect(counter.total).toBe(0);
  });

  it('covers every factory the service declares', () => {
    const declared = Object.getOwnPropertyNames(S3.prototype).filter((n) => /^[A-Z]/.test(n));
    expect(declared.sort()).toEqual(cases.map(([name]) => name).sort());
  });

  it('builds a top-level collection without a request', () => {
    const query = s3.buckets.filter({ Prefix: 'x' }).limit(3).pageSize(2);
    expect(query).toBeDefined();
    expect(counter.total).toBe(0);
  });
});
