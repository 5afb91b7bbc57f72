/**
 * Bucket against moto: create, load (ListBuckets), exists (HeadBucket), delete, object
 * actions, waiters, sub-resource factories and the object, version and upload collections.
 */
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { uniqueName } from '../support/emulator.js';
import { FAST_WAIT, useS3Fixture } from '../support/s3-fixture.js';
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
  ObjectSummary,
  ObjectVersion,
  S3Object,
} from '../../src/resources/s3/index.js';
import { ResourceNotFoundError } from '../../src/index.js';

/** Any resource class, for toBeInstanceOf. */
type ResourceClass = abstract new (...args: never[]) => object;

// newBucket: a new, empty bucket made with the raw client, deleted after the file.
const { client, counter, s3, newBucket, track } = useS3Fixture('bkt', { bucket: false });

async function putRaw(bucket: Bucket, key: string, body = key): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: bucket.name, Key: key, Body: body }));
}

describe('Bucket lifecycle', () => {
  it('create() sends CreateBucket with its name; exists() turns true (HeadBucket)', async () => {
    const bucket = s3.Bucket(uniqueName('bkt-create'));
    track(bucket.name);
    expect(await bucket.exists()).toBe(false);
    const output = await bucket.create();
    expect(output.$metadata.httpStatusCode).toBe(200);
    expect(await bucket.exists()).toBe(true);
    expect(counter.inputs).toEqual([
      { operation: 'HeadBucket', input: { Bucket: bucket.name } },
      { operation: 'CreateBucket', input: { Bucket: bucket.name } },
      { operation: 'HeadBucket', input: { Bucket: bucket.name } },
    ]);
  });

  it('loads its attributes from ListBuckets, once', async () => {
    const bucket = await newBucket('bkt-load');
    expect(bucket.data).toBeUndefined();
    const created = await bucket.creationDate;
    expect(created).toBeInstanceOf(Date);
    expect(Math.abs(Date.now() - (created as Date).getTime())).toBeLessThan(10 * 60_000);
    await bucket.bucketRegion;
    await bucket.load();
    expect(bucket.data?.Name).toBe(bucket.name);
    expect(bucket.meta.data).toBe(bucket.data);
    expect(counter.inputs).toEqual([{ operation: 'ListBuckets', input: { Prefix: bucket.name } }]);

    await bucket.reload();
    expect(counter.count('ListBuckets')).toBe(2);
  });

  it('load() of a missing bucket raises ResourceNotFoundError; exists() is false', async () => {
    const bucket = s3.Bucket(uniqueName('bkt-missing'));
    const error: unknown = await bucket.load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundError);
    expect(error).toMatchObject({ resource: 'Bucket', identifiers: { name: bucket.name } });
    expect(await bucket.exists()).toBe(false);
    expect(counter.byOperation).toEqual({ ListBuckets: 1, HeadBucket: 1 });
  });

  it('delete() sends DeleteBucket; the bucket then does not exist', async () => {
    const bucket = await newBucket('bkt-delete');
    await bucket.delete();
    expect(counter.inputs).toEqual([{ operation: 'DeleteBucket', input: { Bucket: bucket.name } }]);
    expect(await bucket.exists()).toBe(false);
  });

  it('delete() of a non-empty bucket passes the v3 BucketNotEmpty error through', async () => {
    const bucket = await newBucket('bkt-notempty');
    await putRaw(bucket, 'k');
    await expect(bucket.delete()).rejects.toMatchObject({
      name: 'BucketNotEmpty',
      $metadata: { httpStatusCode: 409 },
    });
  });
});

describe('Bucket object actions', () => {
  it('putObject() sends PutObject and returns the S3Object, without loading it', async () => {
    const bucket = await newBucket('bkt-put');
    const obj = await bucket.putObject({
      Key: 'dir/a.txt',
      Body: 'hello',
      ContentType: 'text/plain',
    });
    expect(obj).toBeInstanceOf(S3Object);
    expect(obj.bucketName).toBe(bucket.name);
    expect(obj.key).toBe('dir/a.txt');
    expect(counter.byOperation).toEqual({ PutObject: 1 });
    expect(counter.inputs[0]?.input).toMatchObject({
      Bucket: bucket.name,
      Key: 'dir/a.txt',
      ContentType: 'text/plain',
    });
    expect(await obj.contentLength).toBe(5);
    expect(await obj.contentType).toBe('text/plain');
    expect(counter.byOperation).toEqual({ PutObject: 1, HeadObject: 1 });
  });

  it('deleteObjects() sends one DeleteObjects with the keys given', async () => {
    const bucket = await newBucket('bkt-delobjs');
    await Promise.all(['a', 'b', 'c'].map((key) => putRaw(bucket, key)));
    counter.reset();
    const output = await bucket.deleteObjects({
      Delete: { Objects: [{ Key: 'a' }, { Key: 'b' }] },
    });
    expect(output.Deleted?.map((d) => d.Key).sort()).toEqual(['a', 'b']);
    expect(output.Errors ?? []).toEqual([]);
    expect(counter.byOperation).toEqual({ DeleteObjects: 1 });
    expect(counter.inputs[0]?.input).toMatchObject({ Bucket: bucket.name });
    const left = await bucket.objects.all().toArray();
    expect(left.map((o) => o.key)).toEqual(['c']);
  });
});

describe('Bucket waiters', () => {
  it('waitUntilExists() polls HeadBucket until the bucket appears', async () => {
    const bucket = s3.Bucket(uniqueName('bkt-wait'));
    track(bucket.name);
    const waiting = bucket.waitUntilExists(FAST_WAIT);
    // Let the waiter see "not found" at least once before the bucket appears.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await client.send(new CreateBucketCommand({ Bucket: bucket.name }));
    await expect(waiting).resolves.toBeUndefined();
    expect(counter.count('HeadBucket')).toBeGreaterThanOrEqual(2);
    expect(counter.inputs.find((i) => i.operation === 'HeadBucket')?.input).toEqual({
      Bucket: bucket.name,
    });
  });

  it('waitUntilExists() resolves on the first poll for an existing bucket', async () => {
    const bucket = await newBucket('bkt-wait-now');
    await bucket.waitUntilExists(FAST_WAIT);
    expect(counter.byOperation).toEqual({ HeadBucket: 1 });
  });

  it('waitUntilNotExists() resolves once the bucket is gone', async () => {
    const bucket = await newBucket('bkt-wait-gone');
    const waiting = bucket.waitUntilNotExists(FAST_WAIT);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await client.send(new DeleteBucketCommand({ Bucket: bucket.name }));
    await expect(waiting).resolves.toBeUndefined();
    expect(counter.count('HeadBucket')).toBeGreaterThanOrEqual(2);
  });

  it('waitUntilExists() gives up after maxWaitTime for a bucket that never appears', async () => {
    const bucket = s3.Bucket(uniqueName('bkt-never'));
    const started = Date.now();
    await expect(
      bucket.waitUntilExists({ minDelay: 0.1, maxDelay: 0.2, maxWaitTime: 1 }),
    ).rejects.toThrow(/timed out/i);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(counter.count('HeadBucket')).toBeGreaterThanOrEqual(2);
  });
});

describe('Bucket factories', () => {
  const name = 'factory-bucket';
  const cases: Array<[string, (b: Bucket) => object, ResourceClass, Record<string, string>]> = [
    ['Acl', (b) => b.Acl(), BucketAcl, { bucketName: name }],
    ['Cors', (b) => b.Cors(), BucketCors, { bucketName: name }],
    ['Lifecycle', (b) => b.Lifecycle(), BucketLifecycle, { bucketName: name }],
    [
      'LifecycleConfiguration',
      (b) => b.LifecycleConfiguration(),
      BucketLifecycleConfiguration,
      { bucketName: name },
    ],
    ['Logging', (b) => b.Logging(), BucketLogging, { bucketName: name }],
    ['Notification', (b) => b.Notification(), BucketNotification, { bucketName: name }],
    ['Object', (b) => b.Object('k/1.txt'), S3Object, { bucketName: name, key: 'k/1.txt' }],
    ['Policy', (b) => b.Policy(), BucketPolicy, { bucketName: name }],
    ['RequestPayment', (b) => b.RequestPayment(), BucketRequestPayment, { bucketName: name }],
    ['Tagging', (b) => b.Tagging(), BucketTagging, { bucketName: name }],
    ['Versioning', (b) => b.Versioning(), BucketVersioning, { bucketName: name }],
    ['Website', (b) => b.Website(), BucketWebsite, { bucketName: name }],
  ];

  it.each(cases)('bucket.%s() builds the right class and sends nothing', (_, make, cls, ids) => {
    const resource = make(s3.Bucket(name)) as { meta: { identifiers: object; client: object } };
    expect(resource).toBeInstanceOf(cls);
    expect(resource.meta.identifiers).toEqual(ids);
    expect(resource.meta.client).toBe(client);
    expect(counter.total).toBe(0);
  });

  it('covers every factory Bucket declares', () => {
    const proto = Object.getPrototypeOf(Bucket.prototype) as object;
    const declared = Object.getOwnPropertyNames(proto).filter((n) => /^[A-Z]/.test(n));
    expect(declared.sort()).toEqual(cases.map(([factory]) => factory).sort());
  });

  it('sub-resources work against the service (Versioning, Acl)', async () => {
    const bucket = await newBucket('bkt-sub');
    const versioning = bucket.Versioning();
    expect(await versioning.status).toBeUndefined();
    await versioning.enable();
    await versioning.reload();
    expect(await versioning.status).toBe('Enabled');
    expect((await bucket.Acl().grants)?.length).toBeGreaterThan(0);
    expect(counter.byOperation).toEqual({
      GetBucketVersioning: 2,
      PutBucketVersioning: 1,
      GetBucketAcl: 1,
    });
  });
});

describe('Bucket collections', () => {
  it('objects lists ObjectSummary items in key order, with listing data', async () => {
    const bucket = await newBucket('bkt-objects');
    const keys = ['b.txt', 'a.txt', 'dir/c.txt'];
    await Promise.all(keys.map((key) => putRaw(bucket, key, `body of ${key}`)));
    counter.reset();

    const items = await bucket.objects.all().toArray();
    expect(items.map((o) => o.key)).toEqual(['a.txt', 'b.txt', 'dir/c.txt']);
    for (const item of items) {
      expect(item).toBeInstanceOf(ObjectSummary);
      expect(item.bucketName).toBe(bucket.name);
      expect(item.data?.Size).toBe(`body of ${item.key}`.length);
    }
    expect(counter.inputs).toEqual([
      { operation: 'ListObjectsV2', input: { Bucket: bucket.name } },
    ]);
  });

  it('objectVersions lists every version and delete marker as ObjectVersion', async () => {
    const bucket = await newBucket('bkt-versions');
    await bucket.Versioning().enable();
    const first = await bucket.Object('k').put({ Body: 'one' });
    const second = await bucket.Object('k').put({ Body: 'two!' });
    const removed = await bucket.Object('k').delete();
    expect(removed.DeleteMarker).toBe(true);
    counter.reset();

    const versions = await bucket.objectVersions.all().toArray();
    expect(counter.byOperation).toEqual({ ListObjectVersions: 1 });
    expect(versions).toHaveLength(3);
    for (const v of versions) {
      expect(v).toBeInstanceOf(ObjectVersion);
      expect(v.bucketName).toBe(bucket.name);
      expect(v.objectKey).toBe('k');
    }
    expect(versions.map((v) => v.id).sort()).toEqual(
      [first.VersionId, second.VersionId, removed.VersionId].sort(),
    );
    const byId = new Map(versions.map((v) => [v.id, v]));
    expect(await byId.get(second.VersionId as string)?.size).toBe(4);
    expect(await byId.get(removed.VersionId as string)?.isLatest).toBe(true);
    expect(counter.total).toBe(1);

    // Paged on KeyMarker + VersionIdMarker, one version per request.
    counter.reset();
    const ids: string[] = [];
    for await (const v of bucket.objectVersions.pageSize(1)) ids.push(v.id);
    expect(ids.sort()).toEqual(versions.map((v) => v.id).sort());
    expect(counter.count('ListObjectVersions')).toBeGreaterThanOrEqual(3);
    expect(counter.inputs.every((i) => (i.input as { MaxKeys?: number }).MaxKeys === 1)).toBe(true);
  });

  it('multipartUploads lists open uploads as MultipartUpload resources', async () => {
    const bucket = await newBucket('bkt-uploads');
    const one = await bucket.Object('x/one').initiateMultipartUpload();
    const two = await bucket.Object('x/two').initiateMultipartUpload();
    counter.reset();

    const uploads = await bucket.multipartUploads.all().toArray();
    expect(counter.byOperation).toEqual({ ListMultipartUploads: 1 });
    expect(uploads.map((u) => [u.objectKey, u.id])).toEqual([
      ['x/one', one.id],
      ['x/two', two.id],
    ]);
    for (const u of uploads) {
      expect(u).toBeInstanceOf(MultipartUpload);
      expect(u.bucketName).toBe(bucket.name);
      expect(await u.initiated).toBeInstanceOf(Date);
    }
    expect(counter.total).toBe(1);

    counter.reset();
    const first = await bucket.multipartUploads.all().first();
    expect(first?.id).toBe(one.id);
    expect(counter.inputs).toEqual([
      { operation: 'ListMultipartUploads', input: { Bucket: bucket.name, MaxUploads: 1 } },
    ]);

    for (const u of uploads) {
      await client.send(
        new AbortMultipartUploadCommand({ Bucket: bucket.name, Key: u.objectKey, UploadId: u.id }),
      );
    }
    expect(await bucket.multipartUploads.all().toArray()).toEqual([]);
  });
});
