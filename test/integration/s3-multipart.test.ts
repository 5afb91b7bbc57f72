/**
 * MultipartUpload and MultipartUploadPart against moto, through the library: initiate,
 * upload and copy parts, list parts (and page them), complete, abort, and list the uploads
 * of a bucket (generic KeyMarker + UploadIdMarker paging) — with every request counted.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  ListMultipartUploadsCommand,
  type ListMultipartUploadsCommandOutput,
  PutObjectCommand,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { IdentifierError } from '../../src/index.js';
import {
  type Bucket,
  MultipartUpload,
  MultipartUploadPart,
  S3Object,
} from '../../src/resources/s3/index.js';
import { useS3Fixture } from '../support/s3-fixture.js';

const MiB = 1024 * 1024;

const { client, counter, s3, bucket, newBucket } = useS3Fixture('multipart');

/** The inputs sent, without the Body and the checksum members the SDK's middleware adds. */
function sentInputs(): object[] {
  return counter.inputs.map(({ input }) => {
    const {
      ChecksumAlgorithm: _a,
      ChecksumMode: _m,
      Body: _b,
      ...rest
    } = input as Record<string, unknown>;
    return rest;
  });
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The service error a promise rejects with. */
async function serviceError(promise: Promise<unknown>): Promise<S3ServiceException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(S3ServiceException);
  return error as S3ServiceException;
}

describe('MultipartUpload and its parts', () => {
  it('initiate, Part(n), upload two parts, list them, page them, complete', async () => {
    const obj = bucket.Object('big/file.bin');
    const upload = await obj.initiateMultipartUpload({ ContentType: 'application/x-test' });
    expect(upload).toBeInstanceOf(MultipartUpload);
    expect(upload.bucketName).toBe(bucket.name);
    expect(upload.objectKey).toBe('big/file.bin');
    expect(upload.id).toMatch(/\S/);
    expect(sentInputs()).toEqual([
      { Bucket: bucket.name, Key: 'big/file.bin', ContentType: 'application/x-test' },
    ]);
    expect(upload.equals(s3.MultipartUpload(bucket.name, 'big/file.bin', upload.id))).toBe(true);
    expect(upload.equals(obj.MultipartUpload(upload.id))).toBe(true);
    expect(upload.Object()).toBeInstanceOf(S3Object);
    expect(upload.Object().equals(obj)).toBe(true);

    const part1 = upload.Part(1);
    expect(part1).toBeInstanceOf(MultipartUploadPart);
    expect(part1.partNumber).toBe(1);
    expect(part1.multipartUploadId).toBe(upload.id);
    expect(part1.objectKey).toBe('big/file.bin');
    expect(part1.MultipartUpload().equals(upload)).toBe(true);
    expect(part1.equals(s3.MultipartUploadPart(bucket.name, 'big/file.bin', upload.id, 1))).toBe(
      true,
    );
    expect(() => upload.Part('1' as unknown as number)).toThrow(IdentifierError);
    expect(() => upload.Part(1.5)).toThrow(IdentifierError);
    expect(counter.total).toBe(1);

    // Every part but the last must be at least 5 MiB.
    const first = randomBytes(5 * MiB);
    const last = Buffer.from('the last, short part\n');
    const out1 = await part1.upload({ Body: first });
    const out2 = await upload.Part(2).upload({ Body: last });
    expect(out1.ETag).toMatch(/\S/);
    expect(sentInputs().slice(1)).toEqual([
      { Bucket: bucket.name, Key: 'big/file.bin', UploadId: upload.id, PartNumber: 1 },
      { Bucket: bucket.name, Key: 'big/file.bin', UploadId: upload.id, PartNumber: 2 },
    ]);

    counter.reset();
    const parts = await upload.parts.all().toArray();
    expect(counter.inputs).toEqual([
      {
        operation: 'ListParts',
        input: { Bucket: bucket.name, Key: 'big/file.bin', UploadId: upload.id },
      },
    ]);
    expect(parts.map((p) => p.partNumber)).toEqual([1, 2]);
    expect(parts.every((p) => p instanceof MultipartUploadPart)).toBe(true);
    expect(parts[0]?.equals(part1)).toBe(true);
    expect(await Promise.all(parts.map((p) => p.eTag))).toEqual([out1.ETag, out2.ETag]);
    expect(await Promise.all(parts.map((p) => p.size))).toEqual([first.length, last.length]);
    expect(await parts[0]?.lastModified).toBeInstanceOf(Date);
    expect(counter.total).toBe(1); // the data came with the listing

    // ListParts has a v3 paginator, but it ignores IsTruncated and loops forever on the
    // NextPartNumberMarker S3 returns after the last page; the collection pages on IsTruncated.
    counter.reset();
    const pages: number[][] = [];
    for await (const page of upload.parts.pageSize(1).pages())
      pages.push(page.map((p) => p.partNumber));
    expect(pages).toEqual([[1], [2]]);
    expect(sentInputs()).toEqual([
      { Bucket: bucket.name, Key: 'big/file.bin', UploadId: upload.id, MaxParts: 1 },
      {
        Bucket: bucket.name,
        Key: 'big/file.bin',
        UploadId: upload.id,
        MaxParts: 1,
        PartNumberMarker: '1',
      },
    ]);

    counter.reset();
    expect((await upload.parts.limit(1).toArray()).map((p) => p.partNumber)).toEqual([1]);
    expect(sentInputs()).toEqual([
      { Bucket: bucket.name, Key: 'big/file.bin', UploadId: upload.id, MaxParts: 1 },
    ]);

    counter.reset();
    const done = await upload.complete({
      MultipartUpload: {
        Parts: parts.map((p) => ({ PartNumber: p.partNumber, ETag: p.data?.ETag })),
      },
    });
    expect(done).toBeInstanceOf(S3Object);
    expect(done.equals(obj)).toBe(true);
    expect(counter.byOperation).toEqual({ CompleteMultipartUpload: 1 });
    expect(await done.contentLength).toBe(first.length + last.length);
    expect(await done.contentType).toBe('application/x-test');
    const body = await (await done.get()).Body.bytes();
    expect(sha256(body)).toBe(sha256(Buffer.concat([first, last])));

    // Completed: the upload is gone.
    expect((await serviceError(upload.parts.all().toArray())).name).toBe('NoSuchUpload');
  });

  it('part.copyFrom() copies byte ranges of another object (UploadPartCopy)', async () => {
    const source = Buffer.concat([randomBytes(5 * MiB), Buffer.from('and a tail of 23 bytes.')]);
    await client.send(new PutObjectCommand({ Bucket: bucket.name, Key: 'src.bin', Body: source }));
    const upload = await bucket.Object('copy.bin').initiateMultipartUpload();
    counter.reset();

    const copySource = `${bucket.name}/src.bin`;
    const copied1 = await upload.Part(1).copyFrom({
      CopySource: copySource,
      CopySourceRange: `bytes=0-${5 * MiB - 1}`,
    });
    const copied2 = await upload.Part(2).copyFrom({
      CopySource: copySource,
      CopySourceRange: `bytes=${5 * MiB}-${source.length - 1}`,
    });
    expect(copied1.CopyPartResult?.ETag).toMatch(/\S/);
    expect(sentInputs()).toEqual([
      {
        Bucket: bucket.name,
        Key: 'copy.bin',
        UploadId: upload.id,
        PartNumber: 1,
        CopySource: copySource,
        CopySourceRange: `bytes=0-${5 * MiB - 1}`,
      },
      {
        Bucket: bucket.name,
        Key: 'copy.bin',
        UploadId: upload.id,
        PartNumber: 2,
        CopySource: copySource,
        CopySourceRange: `bytes=${5 * MiB}-${source.length - 1}`,
      },
    ]);
    const sizes = await Promise.all((await upload.parts.all().toArray()).map((p) => p.size));
    expect(sizes).toEqual([5 * MiB, source.length - 5 * MiB]);

    const done = await upload.complete({
      MultipartUpload: {
        Parts: [
          { PartNumber: 1, ETag: copied1.CopyPartResult?.ETag },
          { PartNumber: 2, ETag: copied2.CopyPartResult?.ETag },
        ],
      },
    });
    expect(sha256(await (await done.get()).Body.bytes())).toBe(sha256(source));
  });

  it('abort() ends the upload: listing its parts answers NoSuchUpload', async () => {
    const upload = await bucket.Object('aborted.bin').initiateMultipartUpload();
    await upload.Part(1).upload({ Body: 'never completed' });
    counter.reset();

    await upload.abort();
    expect(sentInputs()).toEqual([
      { Bucket: bucket.name, Key: 'aborted.bin', UploadId: upload.id },
    ]);
    expect(counter.byOperation).toEqual({ AbortMultipartUpload: 1 });
    expect((await serviceError(upload.parts.all().toArray())).name).toBe('NoSuchUpload');
    // (AWS also answers NoSuchUpload to a later UploadPart; moto 5.2.1 fails it with a 500
    // from a KeyError in s3/models.py upload_part, so that is not checked here.)
    const ids = (await bucket.multipartUploads.toArray()).map((u) => u.id);
    expect(ids).not.toContain(upload.id);
    expect(await bucket.Object('aborted.bin').exists()).toBe(false);
  });
});

describe('bucket.multipartUploads', () => {
  let uploadsBucket: Bucket;
  const started: MultipartUpload[] = [];

  beforeAll(async () => {
    uploadsBucket = await newBucket('multipart-uploads');
    // Five uploads in progress, two of them for the same key (told apart by UploadIdMarker).
    for (const key of ['u/a', 'u/b', 'u/b', 'u/c', 'u/d'])
      started.push(await uploadsBucket.Object(key).initiateMultipartUpload());
  });

  it('all() lists the uploads in progress with their data, in one request', async () => {
    counter.reset();
    const uploads = await uploadsBucket.multipartUploads.all().toArray();
    expect(counter.inputs).toEqual([
      { operation: 'ListMultipartUploads', input: { Bucket: uploadsBucket.name } },
    ]);
    const got = uploads.map((u) => `${u.objectKey} ${u.id}`).sort();
    expect(got).toEqual(started.map((u) => `${u.objectKey} ${u.id}`).sort());
    for (const upload of uploads) {
      expect(upload).toBeInstanceOf(MultipartUpload);
      expect(await upload.key).toBe(upload.objectKey);
      expect(await upload.uploadId).toBe(upload.id);
      expect(await upload.initiated).toBeInstanceOf(Date);
      expect(await upload.storageClass).toBe('STANDARD');
    }
    expect(counter.total).toBe(1);
  });

  it('pageSize(2) pages on KeyMarker + UploadIdMarker the way the service answers', async () => {
    counter.reset();
    const pages: string[][] = [];
    for await (const page of uploadsBucket.multipartUploads.pageSize(2).pages())
      pages.push(page.map((u) => `${u.objectKey} ${u.id}`));
    const inputs = sentInputs();
    counter.reset();

    // The same walk with the raw client. AWS answers 2 uploads a page, truncated, so 3
    // requests; moto 5.2.1 ignores MaxUploads, KeyMarker and UploadIdMarker (s3/responses.py
    // list_multipart_uploads) and answers all 5 untruncated in one. Either way the library
    // must send exactly the requests the raw walk sends and yield every upload once.
    const raw: ListMultipartUploadsCommandOutput[] = [];
    let markers: { KeyMarker?: string; UploadIdMarker?: string } = {};
    for (;;) {
      const out = await client.send(
        new ListMultipartUploadsCommand({ Bucket: uploadsBucket.name, MaxUploads: 2, ...markers }),
      );
      raw.push(out);
      if (!out.IsTruncated) break;
      markers = { KeyMarker: out.NextKeyMarker, UploadIdMarker: out.NextUploadIdMarker };
    }
    expect(inputs).toEqual([
      { Bucket: uploadsBucket.name, MaxUploads: 2 },
      ...raw.slice(0, -1).map((out) => ({
        Bucket: uploadsBucket.name,
        MaxUploads: 2,
        KeyMarker: out.NextKeyMarker,
        UploadIdMarker: out.NextUploadIdMarker,
      })),
    ]);
    expect(pages.map((p) => p.length)).toEqual(raw.map((out) => out.Uploads?.length ?? 0));
    expect(pages.flat().sort()).toEqual(started.map((u) => `${u.objectKey} ${u.id}`).sort());
  });

  it('limit(3) asks MaxUploads=3 in one request and yields 3', async () => {
    counter.reset();
    const three = await uploadsBucket.multipartUploads.limit(3).toArray();
    expect(three).toHaveLength(3);
    expect(counter.inputs).toEqual([
      { operation: 'ListMultipartUploads', input: { Bucket: uploadsBucket.name, MaxUploads: 3 } },
    ]);
  });

  it('filter({ Prefix }) narrows the listing', async () => {
    counter.reset();
    const b = await uploadsBucket.multipartUploads.filter({ Prefix: 'u/b' }).toArray();
    expect(b.map((u) => u.objectKey)).toEqual(['u/b', 'u/b']);
    expect(new Set(b.map((u) => u.id)).size).toBe(2);
    expect(counter.inputs).toEqual([
      { operation: 'ListMultipartUploads', input: { Bucket: uploadsBucket.name, Prefix: 'u/b' } },
    ]);
  });
});
