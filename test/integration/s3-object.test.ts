/**
 * S3Object and ObjectSummary against moto: put, load, exists, get (body readers), copy,
 * delete, multipart and restore actions, waiters, references and how they print.
 */
import { inspect } from 'node:util';
import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  PutObjectCommand,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { FAST_WAIT, useS3Fixture } from '../support/s3-fixture.js';
import {
  Bucket,
  MultipartUpload,
  ObjectAcl,
  ObjectSummary,
  ObjectVersion,
  S3Object,
} from '../../src/resources/s3/index.js';
import { AwsResourcesError } from '../../src/index.js';

const { client, counter, s3, bucket } = useS3Fixture('obj');

async function putRaw(key: string, body: string, extra: object = {}): Promise<void> {
  await client.send(new PutObjectCommand({ Bucket: bucket.name, Key: key, Body: body, ...extra }));
  counter.reset();
}

async function collect(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf-8');
}

describe('S3Object put and load', () => {
  it('put() sends PutObject with its bucket and key', async () => {
    const obj = bucket.Object('put/a.txt');
    const output = await obj.put({ Body: 'hello', ContentType: 'text/plain' });
    expect(output.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(counter.byOperation).toEqual({ PutObject: 1 });
    expect(counter.inputs[0]?.input).toMatchObject({
      Bucket: bucket.name,
      Key: 'put/a.txt',
      ContentType: 'text/plain',
    });
  });

  it('loads its attributes with one HeadObject on first read', async () => {
    await putRaw('load/a.json', '{"a":1}', {
      ContentType: 'application/json',
      Metadata: { owner: 'me' },
    });
    const obj = s3.Object(bucket.name, 'load/a.json');
    expect(obj.data).toBeUndefined();
    expect(await obj.contentLength).toBe(7);
    expect(await obj.contentType).toBe('application/json');
    expect(await obj.metadata).toEqual({ owner: 'me' });
    expect(await obj.eTag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await obj.lastModified).toBeInstanceOf(Date);
    expect(obj.data?.ContentLength).toBe(7);
    expect(obj.meta.data).toBe(obj.data);
    expect(obj.data).not.toHaveProperty('$metadata');
    expect(counter.inputs).toEqual([
      { operation: 'HeadObject', input: { Bucket: bucket.name, Key: 'load/a.json' } },
    ]);

    await putRaw('load/a.json', 'longer body');
    expect(await obj.contentLength).toBe(7); // still the loaded snapshot
    await obj.reload();
    expect(await obj.contentLength).toBe(11);
    expect(counter.byOperation).toEqual({ HeadObject: 1 });
  });

  it('exists() is true for a present key and false for a missing one', async () => {
    await putRaw('exists/yes', 'y');
    expect(await bucket.Object('exists/yes').exists()).toBe(true);
    expect(await bucket.Object('exists/no').exists()).toBe(false);
    expect(counter.byOperation).toEqual({ HeadObject: 2 });
  });

  it('load() of a missing key rejects with the v3 NotFound error, unwrapped', async () => {
    const error: unknown = await bucket
      .Object('missing')
      .load()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error).not.toBeInstanceOf(AwsResourcesError);
    expect(error).toMatchObject({ name: 'NotFound', $metadata: { httpStatusCode: 404 } });
  });
});

describe('S3Object get', () => {
  const text = 'line one\nline two\r\nline three';

  beforeAll(async () => {
    await client.send(
      new PutObjectCommand({
        Bucket: bucket.name,
        Key: 'get/lines.txt',
        Body: text,
        ContentType: 'text/plain',
      }),
    );
  });

  it('Body.text() reads the body; the output keeps the v3 members', async () => {
    const result = await bucket.Object('get/lines.txt').get();
    expect(result.ContentType).toBe('text/plain');
    expect(result.ContentLength).toBe(Buffer.byteLength(text));
    expect(await result.Body.text()).toBe(text);
    expect(result.Body.bodyUsed).toBe(true);
    await expect(result.Body.text()).rejects.toThrow(TypeError);
    // The SDK adds ChecksumMode to GetObject itself.
    expect(counter.inputs).toMatchObject([
      { operation: 'GetObject', input: { Bucket: bucket.name, Key: 'get/lines.txt' } },
    ]);
  });

  it('Body.bytes(), Body.lines() and Body.stream() read the same content', async () => {
    const obj = bucket.Object('get/lines.txt');
    const bytes = await (await obj.get()).Body.bytes();
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes).toString('utf-8')).toBe(text);

    const lines: string[] = [];
    for await (const line of (await obj.get()).Body.lines()) lines.push(line);
    expect(lines).toEqual(['line one', 'line two', 'line three']);

    expect(await collect((await obj.get()).Body.stream())).toBe(text);
    expect(counter.byOperation).toEqual({ GetObject: 3 });
  });

  it('passes the caller params (Range) to GetObject', async () => {
    const result = await bucket.Object('get/lines.txt').get({ Range: 'bytes=0-3' });
    expect(await result.Body.text()).toBe('line');
    expect(counter.inputs[0]?.input).toMatchObject({ Range: 'bytes=0-3' });
  });

  it('get() of a missing key rejects with the v3 NoSuchKey error', async () => {
    const error: unknown = await bucket
      .Object('get/missing')
      .get()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error).toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
  });
});

describe('S3Object actions', () => {
  it('copyFrom() sends CopyObject with the CopySource given', async () => {
    await putRaw('copy/src.txt', 'copied body');
    const target = bucket.Object('copy/dst.txt');
    const source = `${bucket.name}/copy/src.txt`;
    const output = await target.copyFrom({ CopySource: source });
    expect(output.CopyObjectResult?.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(counter.inputs).toEqual([
      {
        operation: 'CopyObject',
        input: { Bucket: bucket.name, Key: 'copy/dst.txt', CopySource: source },
      },
    ]);
    expect(await (await target.get()).Body.text()).toBe('copied body');
  });

  it('delete() sends DeleteObject; the object then does not exist', async () => {
    await putRaw('delete/me', 'x');
    const obj = bucket.Object('delete/me');
    await obj.delete();
    expect(counter.inputs).toEqual([
      { operation: 'DeleteObject', input: { Bucket: bucket.name, Key: 'delete/me' } },
    ]);
    expect(await obj.exists()).toBe(false);
  });

  it('initiateMultipartUpload() returns the MultipartUpload it started', async () => {
    const obj = bucket.Object('mpu/big.bin');
    const upload = await obj.initiateMultipartUpload({ ContentType: 'application/octet-stream' });
    expect(upload).toBeInstanceOf(MultipartUpload);
    expect(upload.bucketName).toBe(bucket.name);
    expect(upload.objectKey).toBe('mpu/big.bin');
    expect(upload.id).toEqual(expect.any(String));
    expect(upload.id.length).toBeGreaterThan(0);
    expect(counter.byOperation).toEqual({ CreateMultipartUpload: 1 });
    expect(upload.equals(obj.MultipartUpload(upload.id))).toBe(true);
    await client.send(
      new AbortMultipartUploadCommand({
        Bucket: bucket.name,
        Key: upload.objectKey,
        UploadId: upload.id,
      }),
    );
  });

  it('restoreObject() of a STANDARD object passes the v3 error through unwrapped', async () => {
    await putRaw('restore/standard', 'x');
    const error: unknown = await bucket
      .Object('restore/standard')
      .restoreObject({ RestoreRequest: { Days: 1 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error).not.toBeInstanceOf(AwsResourcesError);
    expect(error).toMatchObject({
      name: 'InvalidObjectState',
      $metadata: { httpStatusCode: 403 },
    });
    expect(counter.byOperation).toEqual({ RestoreObject: 1 });
  });

  it('restoreObject() of a GLACIER object starts a restore that HeadObject shows', async () => {
    await putRaw('restore/glacier', 'cold', { StorageClass: 'GLACIER' });
    const obj = bucket.Object('restore/glacier');
    expect(await obj.storageClass).toBe('GLACIER');
    await obj.restoreObject({ RestoreRequest: { Days: 2 } });
    await obj.reload();
    expect(await obj.restore).toMatch(/ongoing-request="false"/);
    expect(counter.inputs.map((i) => i.operation)).toEqual([
      'HeadObject',
      'RestoreObject',
      'HeadObject',
    ]);
    expect(counter.inputs[1]?.input).toMatchObject({
      Bucket: bucket.name,
      Key: 'restore/glacier',
      RestoreRequest: { Days: 2 },
    });
  });
});

describe('S3Object waiters', () => {
  it('waitUntilExists() polls HeadObject until the object appears', async () => {
    const obj = bucket.Object('wait/appears');
    const waiting = obj.waitUntilExists(FAST_WAIT);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await client.send(new PutObjectCommand({ Bucket: bucket.name, Key: obj.key, Body: 'x' }));
    await expect(waiting).resolves.toBeUndefined();
    expect(counter.count('HeadObject')).toBeGreaterThanOrEqual(2);
    expect(counter.inputs[0]).toEqual({
      operation: 'HeadObject',
      input: { Bucket: bucket.name, Key: 'wait/appears' },
    });
  });

  it('waitUntilNotExists() resolves once the object is deleted', async () => {
    await putRaw('wait/goes', 'x');
    const obj = bucket.Object('wait/goes');
    const waiting = obj.waitUntilNotExists(FAST_WAIT);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await client.send(new DeleteObjectCommand({ Bucket: bucket.name, Key: obj.key }));
    await expect(waiting).resolves.toBeUndefined();
    expect(counter.count('HeadObject')).toBeGreaterThanOrEqual(2);
  });
});

describe('S3Object references and identity', () => {
  it('builds Acl(), Bucket(), Version(id) and MultipartUpload(id) without a request', () => {
    const obj = s3.Object('b', 'dir/k');
    const acl = obj.Acl();
    expect(acl).toBeInstanceOf(ObjectAcl);
    expect(acl.meta.identifiers).toEqual({ bucketName: 'b', objectKey: 'dir/k' });
    const owner = obj.Bucket();
    expect(owner).toBeInstanceOf(Bucket);
    expect(owner.name).toBe('b');
    const version = obj.Version('v1');
    expect(version).toBeInstanceOf(ObjectVersion);
    expect(version.meta.identifiers).toEqual({ bucketName: 'b', objectKey: 'dir/k', id: 'v1' });
    const upload = obj.MultipartUpload('u1');
    expect(upload).toBeInstanceOf(MultipartUpload);
    expect(upload.meta.identifiers).toEqual({ bucketName: 'b', objectKey: 'dir/k', id: 'u1' });
    expect(counter.total).toBe(0);
  });

  it('Acl() loads from GetObjectAcl', async () => {
    await putRaw('acl/k', 'x');
    const grants = await bucket.Object('acl/k').Acl().grants;
    expect(grants?.length).toBeGreaterThan(0);
    expect(counter.inputs).toEqual([
      { operation: 'GetObjectAcl', input: { Bucket: bucket.name, Key: 'acl/k' } },
    ]);
  });

  it('equals() compares class and identifiers', () => {
    const obj = s3.Object('b', 'k');
    expect(obj.equals(s3.Object('b', 'k'))).toBe(true);
    expect(obj.equals(s3.Bucket('b').Object('k'))).toBe(true);
    expect(obj.equals(s3.Object('b', 'other'))).toBe(false);
    expect(obj.equals(s3.Object('other', 'k'))).toBe(false);
    expect(obj.equals(s3.ObjectSummary('b', 'k'))).toBe(false);
    expect(obj.equals({ bucketName: 'b', key: 'k' })).toBe(false);
  });

  it('toJSON() and util.inspect show service, type and identifiers only', async () => {
    await putRaw('print/k', 'x');
    const obj = bucket.Object('print/k');
    await obj.load();
    expect(obj.toJSON()).toEqual({
      service: 's3',
      type: 'Object',
      identifiers: { bucketName: bucket.name, key: 'print/k' },
    });
    expect(inspect(obj)).toBe(`S3Object { bucketName: '${bucket.name}', key: 'print/k' }`);
    const printed = `${JSON.stringify(obj)} ${inspect(obj, { depth: 5 })}`;
    expect(printed).not.toMatch(/testing|ContentLength|credentials/);
    expect(Object.keys(obj)).toEqual(['bucketName', 'key']);
  });
});

describe('ObjectSummary', () => {
  async function summaryOf(key: string): Promise<ObjectSummary> {
    const [summary] = await bucket.objects.filter({ Prefix: key }).toArray();
    if (!summary) throw new Error(`no listing for ${key}`);
    counter.reset();
    return summary;
  }

  it('answers size, eTag, lastModified and storageClass from the listing, with no request', async () => {
    await putRaw('sum/a.txt', 'twelve bytes');
    const summary = await summaryOf('sum/a.txt');
    expect(summary).toBeInstanceOf(ObjectSummary);
    expect(summary.bucketName).toBe(bucket.name);
    expect(summary.key).toBe('sum/a.txt');
    expect(await summary.size).toBe(12);
    expect(await summary.eTag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await summary.lastModified).toBeInstanceOf(Date);
    expect(await summary.storageClass).toBe('STANDARD');
    expect(counter.total).toBe(0);
  });

  it('load() sends HeadObject and maps ContentLength to Size', async () => {
    await putRaw('sum/loaded.txt', 'seven b');
    const summary = s3.ObjectSummary(bucket.name, 'sum/loaded.txt');
    const listed = await summaryOf('sum/loaded.txt');
    expect(await summary.size).toBe(7);
    expect(counter.inputs).toEqual([
      { operation: 'HeadObject', input: { Bucket: bucket.name, Key: 'sum/loaded.txt' } },
    ]);
    expect(summary.data).toMatchObject({ Key: 'sum/loaded.txt', Size: 7 });
    expect(await summary.eTag).toBe(await listed.eTag);
    expect(await summary.storageClass).toBe('STANDARD');
    expect((await summary.lastModified)?.getTime()).toBe((await listed.lastModified)?.getTime());
    expect(counter.total).toBe(1);

    expect(Object.values(summary.data ?? {})).not.toContain(null);

    // HeadObject leaves out the storage class of STANDARD objects only.
    await putRaw('sum/cold.txt', 'cold', { StorageClass: 'GLACIER' });
    expect(await s3.ObjectSummary(bucket.name, 'sum/cold.txt').storageClass).toBe('GLACIER');
    expect(counter.byOperation).toEqual({ HeadObject: 1 });

    await putRaw('sum/loaded.txt', 'now longer');
    await listed.reload();
    expect(await listed.size).toBe(10);
    expect(counter.byOperation).toEqual({ HeadObject: 1 });
  });

  it('get() reads the body, delete() removes the object, Object() is the S3Object', async () => {
    await putRaw('sum/rw.txt', 'summary body');
    const summary = await summaryOf('sum/rw.txt');

    expect(await (await summary.get()).Body.text()).toBe('summary body');
    const obj = summary.Object();
    expect(obj).toBeInstanceOf(S3Object);
    expect(obj.meta.identifiers).toEqual({ bucketName: bucket.name, key: 'sum/rw.txt' });
    expect(counter.byOperation).toEqual({ GetObject: 1 });

    await summary.delete();
    expect(counter.inputs[1]).toEqual({
      operation: 'DeleteObject',
      input: { Bucket: bucket.name, Key: 'sum/rw.txt' },
    });
    expect(await obj.exists()).toBe(false);
  });
});
