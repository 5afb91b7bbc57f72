/**
 * The request counts the design promises, measured on the wire with countRequests: lazy
 * loads, shared first reads, listing and deleting 2,500 objects in the fewest calls.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { useS3Fixture } from '../support/s3-fixture.js';
import { ObjectSummary } from '../../src/resources/s3/index.js';

const COUNT = 2500;
const KEYS = Array.from({ length: COUNT }, (_, i) => `obj/${String(i).padStart(5, '0')}`);

const { client, counter, s3, bucket } = useS3Fixture('counts');

beforeAll(async () => {
  // moto serves ~150 requests/s whatever the concurrency; batches keep sockets bounded.
  for (let i = 0; i < KEYS.length; i += 100) {
    await Promise.all(
      KEYS.slice(i, i + 100).map((Key) =>
        client.send(new PutObjectCommand({ Bucket: bucket.name, Key, Body: Key })),
      ),
    );
  }
  // Seeding only: 2,500 PUTs take ~17 s here, several times that on a loaded machine.
}, 240_000);

describe('request counts', () => {
  it('constructing resources and collections sends 0 requests', () => {
    const b = s3.Bucket(bucket.name);
    const obj = b.Object(KEYS[0] as string);
    s3.Object(bucket.name, 'x');
    obj.Acl();
    obj.Bucket();
    obj.Version('v');
    b.Versioning();
    b.objects.all().filter({ Prefix: 'obj/' }).limit(5).pageSize(2);
    void b.objects.all().pages(); // an unstarted generator sends nothing either
    b.objectVersions.filter({ Prefix: 'obj/' });
    b.multipartUploads.all();
    s3.buckets.all().limit(1);
    expect(counter.total).toBe(0);
  });

  it('20 attribute reads on one object = 1 HeadObject', async () => {
    const obj = bucket.Object(KEYS[7] as string);
    const getters = [
      () => obj.contentLength,
      () => obj.eTag,
      () => obj.lastModified,
      () => obj.contentType,
      () => obj.metadata,
    ];
    const values: unknown[] = [];
    for (let i = 0; i < 20; i += 1)
      values.push(await (getters[i % getters.length] as () => unknown)());
    expect(values[0]).toBe((KEYS[7] as string).length);
    expect(counter.byOperation).toEqual({ HeadObject: 1 });
  });

  it('10 concurrent first reads = 1 HeadObject', async () => {
    const obj = bucket.Object(KEYS[8] as string);
    const reads = await Promise.all([
      ...Array.from({ length: 5 }, () => obj.contentLength),
      ...Array.from({ length: 3 }, () => obj.eTag),
      obj.load().then((d) => d.ContentLength),
      obj.lastModified,
    ]);
    expect(reads.slice(0, 5)).toEqual(Array(5).fill((KEYS[8] as string).length));
    expect(counter.byOperation).toEqual({ HeadObject: 1 });
  });

  it('2,500 objects listed = 3 ListObjectsV2', async () => {
    const items = await bucket.objects.all().toArray();
    expect(items).toHaveLength(COUNT);
    expect(items.map((o) => o.key)).toEqual(KEYS);
    expect(counter.total).toBe(3);
    expect(counter.byOperation).toEqual({ ListObjectsV2: 3 });
  });

  it('an ObjectSummary from a listing reads size with 0 extra requests', async () => {
    const items: ObjectSummary[] = [];
    for await (const o of bucket.objects.filter({ Prefix: 'obj/0000' })) items.push(o);
    expect(items).toHaveLength(10);
    expect(counter.total).toBe(1);
    for (const o of items) {
      expect(await o.size).toBe(o.key.length);
      await o.eTag;
      await o.lastModified;
      await o.storageClass;
    }
    expect(counter.total).toBe(1);
  });

  it('objects.limit(10) = 1 request with MaxKeys=10', async () => {
    const items = await bucket.objects.limit(10).toArray();
    expect(items.map((o) => o.key)).toEqual(KEYS.slice(0, 10));
    expect(counter.inputs).toEqual([
      { operation: 'ListObjectsV2', input: { Bucket: bucket.name, MaxKeys: 10 } },
    ]);
  });

  // Last: it empties the shared bucket.
  it('deleting 2,500 objects = 3 DeleteObjects (+3 ListObjectsV2)', async () => {
    const outputs = await bucket.objects.all().delete();
    expect(outputs.map((o) => o.Deleted?.length)).toEqual([1000, 1000, 500]);
    expect(counter.byOperation).toEqual({ ListObjectsV2: 3, DeleteObjects: 3 });
    expect(counter.total).toBe(6);
    counter.reset();
    expect(await bucket.objects.all().toArray()).toEqual([]);
    expect(counter.total).toBe(1);
  });
});
