/**
 * The hand-written S3 transfer functions against moto: managed upload, download, copy,
 * object bodies and presigned URLs, with the requests each one sends counted.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  GetObjectTaggingCommand,
  PutObjectCommand,
  type PutObjectCommandInput,
} from '@aws-sdk/client-s3';
import { AbortError, ParamValidationError } from '../../src/core/errors.js';
import { useS3Fixture } from '../support/s3-fixture.js';
import { copyObject } from '../../src/resources/s3/transfers/copy.js';
import { downloadFile, downloadStream } from '../../src/resources/s3/transfers/download.js';
import { readableBody, withReadableBody } from '../../src/resources/s3/transfers/object-body.js';
import type { Progress } from '../../src/resources/s3/transfers/options.js';
import { presignGet, presignPut } from '../../src/resources/s3/transfers/presign.js';
import { uploadFile, uploadStream } from '../../src/resources/s3/transfers/upload.js';
import { SIGNAL_NAMES, signalOption } from '../support/signal-names.js';

const MiB = 1024 * 1024;

const fixture = useS3Fixture('transfers');
const { client, counter } = fixture;
const bucket = fixture.bucket.name;
let dir: string;

async function getBytes(key: string): Promise<Buffer> {
  const output = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await readableBody(output).bytes());
}

async function put(
  key: string,
  body: string | Uint8Array,
  extra: Omit<PutObjectCommandInput, 'Bucket' | 'Key' | 'Body'> = {},
) {
  await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ...extra }));
}

async function openUploads(): Promise<number> {
  const { Uploads = [] } = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  return Uploads.length;
}

function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A GetObject output whose body arrives in the given chunks, to split characters at will. */
function chunkedOutput(chunks: Uint8Array[]): GetObjectCommandOutput {
  return {
    $metadata: {},
    Body: Readable.from(chunks) as unknown as GetObjectCommandOutput['Body'],
  };
}

/**
 * Makes the `n`th request of `operation` fail before it is sent: moto cannot be made to fail
 * in the middle of a multipart transfer, and the clean-up after such a failure is what we test.
 */
function failNth(operation: string, n: number): () => void {
  let seen = 0;
  const name = `failNth${operation}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === `${operation}Command` && ++seen === n) {
        throw Object.assign(new Error(`injected failure of ${operation} #${n}`), {
          name: 'InjectedFailure',
        });
      }
      return next(args);
    },
    { step: 'initialize', name },
  );
  return () => client.middlewareStack.remove(name);
}

/** What `run` rejects with; fails the test if it resolves. */
async function rejection(run: Promise<unknown>): Promise<unknown> {
  try {
    await run;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Asserts the library's AbortError, with the signal's reason as its cause. */
function expectAbort(error: unknown, message: RegExp, reason: unknown): void {
  expect(error).toBeInstanceOf(AbortError);
  expect((error as Error).name).toBe('AbortError');
  expect((error as Error).message).toMatch(message);
  expect((error as Error).cause).toBe(reason);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 's3-transfers-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('uploadFile / uploadStream', () => {
  it('uploads a 12 MiB file in 5 MiB parts: 3 UploadPart, progress reaches the total', async () => {
    const data = randomBytes(12 * MiB);
    const file = join(dir, 'twelve.bin');
    await writeFile(file, data);
    const progress: Progress[] = [];

    const result = await uploadFile(client, { Bucket: bucket, Key: 'up/twelve.bin' }, file, {
      partSize: 5 * MiB,
      concurrency: 2,
      params: { ContentType: 'application/x-test', Metadata: { origin: 'test' } },
      onProgress: (p) => progress.push(p),
    });

    expect(result.Key).toBe('up/twelve.bin');
    expect(counter.byOperation).toEqual({
      CreateMultipartUpload: 1,
      UploadPart: 3,
      CompleteMultipartUpload: 1,
    });
    expect(progress.at(-1)).toMatchObject({ loaded: 12 * MiB, total: 12 * MiB });
    expect(progress.map((p) => p.loaded)).toEqual(
      [...progress.map((p) => p.loaded)].sort((a, b) => a - b),
    );

    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'up/twelve.bin' }));
    expect(head.ContentType).toBe('application/x-test');
    expect(head.Metadata).toEqual({ origin: 'test' });
    expect(sha256(await getBytes('up/twelve.bin'))).toBe(sha256(data));
  });

  it('sends a body smaller than one part as a single PutObject', async () => {
    const progress: Progress[] = [];
    await uploadStream(client, { Bucket: bucket, Key: 'up/small.txt' }, 'hello, small world', {
      params: { ContentType: 'text/plain' },
      onProgress: (p) => progress.push(p),
    });
    expect(counter.byOperation).toEqual({ PutObject: 1 });
    expect(progress.at(-1)).toMatchObject({ loaded: 18, total: 18 });
    expect((await getBytes('up/small.txt')).toString()).toBe('hello, small world');
  });

  it('uploads a Readable of unknown length and a Blob', async () => {
    const data = randomBytes(6 * MiB);
    const stream = Readable.from(
      (function* () {
        for (let i = 0; i < data.length; i += 100_000) yield data.subarray(i, i + 100_000);
      })(),
    );
    await uploadStream(client, { Bucket: bucket, Key: 'up/stream.bin' }, stream);
    expect(counter.count('UploadPart')).toBe(2);
    expect(sha256(await getBytes('up/stream.bin'))).toBe(sha256(data));

    await uploadStream(client, { Bucket: bucket, Key: 'up/blob.txt' }, new Blob(['blob body']));
    expect((await getBytes('up/blob.txt')).toString()).toBe('blob body');
  });

  it('rejects bad options before any request, naming the option', async () => {
    const file = join(dir, 'small-for-options.txt');
    await writeFile(file, 'x');
    const target = { Bucket: bucket, Key: 'up/never' };

    await expect(uploadFile(client, target, file, { partSize: 1000 })).rejects.toThrow(
      new ParamValidationError(
        'uploadFile: partSize must be at least 5 MiB (5242880 bytes), got 1000',
      ),
    );
    await expect(uploadFile(client, target, file, { concurrency: 0 })).rejects.toThrow(
      /uploadFile: concurrency must be a positive integer, got 0/,
    );
    await expect(uploadStream(client, target, 'x', { concurrency: 1.5 })).rejects.toThrow(
      ParamValidationError,
    );
    await expect(uploadFile(client, target, join(dir, 'missing.bin'))).rejects.toThrow(
      /uploadFile: filePath ".*missing\.bin" cannot be read \(ENOENT\)/,
    );
    await expect(uploadFile(client, target, dir)).rejects.toThrow(/is not a regular file/);
    await expect(uploadFile(client, { Bucket: '', Key: 'k' }, file)).rejects.toThrow(
      new ParamValidationError('uploadFile: target.Bucket must be a non-empty string, got ""'),
    );
    await expect(uploadStream(client, target, 42 as unknown as string)).rejects.toThrow(
      /body must be/,
    );
    await expect(
      uploadStream(client, target, 'x', { params: { Key: 'other' } as object }),
    ).rejects.toThrow(/params\.Key is set by uploadStream itself/);
    expect(counter.total).toBe(0);
  });

  it.each(SIGNAL_NAMES)(
    'aborts via AbortController: rejects with AbortError and leaves no multipart upload (as %s)',
    async (name) => {
      const file = join(dir, 'abort.bin');
      await writeFile(file, randomBytes(12 * MiB));
      const controller = new AbortController();
      const reason = new Error('user gave up');

      const error = await rejection(
        uploadFile(client, { Bucket: bucket, Key: 'up/aborted.bin' }, file, {
          concurrency: 1,
          // Abort once the first part is stored, so there is an upload to clean up.
          onProgress: (p) => {
            if (p.part === 1) controller.abort(reason);
          },
          ...signalOption(name, controller.signal),
        }),
      );
      expectAbort(error, /^uploadFile: aborted$/, reason);

      expect(counter.count('CreateMultipartUpload')).toBe(1);
      expect(counter.count('AbortMultipartUpload')).toBe(1);
      expect(counter.count('CompleteMultipartUpload')).toBe(0);
      expect(await openUploads()).toBe(0);
      await expect(
        client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'up/aborted.bin' })),
      ).rejects.toMatchObject({
        name: 'NotFound',
      });
    },
  );

  it('a failing part aborts the multipart upload and rejects with that failure', async () => {
    const file = join(dir, 'failing-part.bin');
    await writeFile(file, randomBytes(16 * MiB));
    const restore = failNth('UploadPart', 2);
    try {
      await expect(
        uploadFile(client, { Bucket: bucket, Key: 'up/failing.bin' }, file, { concurrency: 2 }),
      ).rejects.toMatchObject({
        name: 'InjectedFailure',
        message: 'injected failure of UploadPart #2',
      });
    } finally {
      restore();
    }
    expect(counter.count('AbortMultipartUpload')).toBe(1);
    expect(await openUploads()).toBe(0);
  });

  it.each(SIGNAL_NAMES)(
    'sends nothing when the signal is already aborted (as %s)',
    async (name) => {
      const signal = AbortSignal.abort();
      const error = await rejection(
        uploadStream(client, { Bucket: bucket, Key: 'up/never' }, 'x', {
          ...signalOption(name, signal),
        }),
      );
      expectAbort(error, /^uploadStream: aborted$/, signal.reason);
      expect(counter.total).toBe(0);
    },
  );
});

describe('downloadFile / downloadStream', () => {
  const content = randomBytes(3 * MiB + 17);

  beforeAll(async () => {
    await put('down/data.bin', content);
  });

  it('downloads to a file with one GetObject, progress reaching the total', async () => {
    const target = join(dir, 'downloaded.bin');
    const progress: Progress[] = [];
    const result = await downloadFile(client, { Bucket: bucket, Key: 'down/data.bin' }, target, {
      onProgress: (p) => progress.push(p),
    });
    expect(counter.byOperation).toEqual({ GetObject: 1 });
    expect(result.ContentLength).toBe(content.length);
    expect(result).not.toHaveProperty('Body');
    expect(progress.at(-1)).toEqual({ loaded: content.length, total: content.length });
    expect((await readFile(target)).equals(content)).toBe(true);
  });

  it('a failing download leaves no file at the target and no temporary file', async () => {
    const target = join(dir, 'failing');
    await mkdir(target);
    await expect(
      downloadFile(client, { Bucket: bucket, Key: 'down/missing.bin' }, join(target, 'out.bin')),
    ).rejects.toMatchObject({ name: 'NoSuchKey' });
    expect(await readdir(target)).toEqual([]);
  });

  it.each(SIGNAL_NAMES)(
    'an aborted download removes its temporary file and keeps the existing target (as %s)',
    async (name) => {
      const target = join(dir, `aborting-${name}`);
      await mkdir(target);
      await writeFile(join(target, 'out.bin'), 'previous');
      const controller = new AbortController();
      const error = await rejection(
        downloadFile(client, { Bucket: bucket, Key: 'down/data.bin' }, join(target, 'out.bin'), {
          ...signalOption(name, controller.signal),
          onProgress: () => controller.abort(),
        }),
      );
      expectAbort(error, /^downloadFile: aborted$/, controller.signal.reason);
      expect(await readdir(target)).toEqual(['out.bin']);
      expect(await readFile(join(target, 'out.bin'), 'utf8')).toBe('previous');
    },
  );

  it('an abort while GetObject is in flight rejects with AbortError and writes nothing', async () => {
    const target = join(dir, 'aborting-request');
    await mkdir(target);
    const controller = new AbortController();
    // Fire the signal once the request has left, before its answer is read.
    client.middlewareStack.add(
      (next) => async (args) => {
        controller.abort();
        return next(args);
      },
      { step: 'finalizeRequest', name: 'abortInFlight' },
    );
    try {
      const error = await rejection(
        downloadFile(client, { Bucket: bucket, Key: 'down/data.bin' }, join(target, 'out.bin'), {
          abortSignal: controller.signal,
        }),
      );
      expectAbort(error, /^downloadFile: aborted$/, controller.signal.reason);
    } finally {
      client.middlewareStack.remove('abortInFlight');
    }
    expect(await readdir(target)).toEqual([]);
  });

  it.each(SIGNAL_NAMES)(
    'aborting while a downloadStream is read destroys it with AbortError (as %s)',
    async (name) => {
      const controller = new AbortController();
      const stream = await downloadStream(
        client,
        { Bucket: bucket, Key: 'down/data.bin' },
        { ...signalOption(name, controller.signal) },
      );
      let read = 0;
      const error = await rejection(
        (async () => {
          for await (const chunk of stream) {
            read += (chunk as Buffer).length;
            controller.abort();
          }
        })(),
      );
      expectAbort(error, /^downloadStream: aborted$/, controller.signal.reason);
      expect(read).toBeLessThan(content.length);
      expect(stream.destroyed).toBe(true);
    },
  );

  it('rejects a missing directory before any request', async () => {
    await expect(
      downloadFile(client, { Bucket: bucket, Key: 'down/data.bin' }, join(dir, 'no-such-dir', 'x')),
    ).rejects.toThrow(/the directory of filePath .* does not exist/);
    expect(counter.total).toBe(0);
  });

  it('downloadStream returns a Node Readable of the body', async () => {
    const progress: Progress[] = [];
    const stream = await downloadStream(
      client,
      { Bucket: bucket, Key: 'down/data.bin' },
      {
        onProgress: (p) => progress.push(p),
      },
    );
    expect(stream).toBeInstanceOf(Readable);
    expect((await collect(stream)).equals(content)).toBe(true);
    expect(progress.at(-1)).toEqual({ loaded: content.length, total: content.length });
    expect(counter.byOperation).toEqual({ GetObject: 1 });
  });

  it('downloadStream passes extra GetObject params (Range)', async () => {
    const stream = await downloadStream(
      client,
      { Bucket: bucket, Key: 'down/data.bin' },
      {
        params: { Range: 'bytes=0-9' },
      },
    );
    expect((await collect(stream)).equals(content.subarray(0, 10))).toBe(true);
  });

  it('downloadStream rejects for a missing key', async () => {
    await expect(
      downloadStream(client, { Bucket: bucket, Key: 'down/missing.bin' }),
    ).rejects.toMatchObject({
      name: 'NoSuchKey',
    });
  });
});

describe('object bodies', () => {
  const threeLines = 'first line\nsecond: héllo wörld ✓ 😀\nthird, no newline';

  beforeAll(async () => {
    await put('body/three.txt', threeLines, { ContentType: 'text/plain; charset=utf-8' });
    await put('body/crlf.txt', 'alpha\r\nbeta\r\n\r\ngamma\r\n');
  });

  async function body(key: string) {
    return withReadableBody(await client.send(new GetObjectCommand({ Bucket: bucket, Key: key })));
  }

  it('text(), bytes() and lines() with a multi-byte character', async () => {
    const object = await body('body/three.txt');
    expect(object.ContentType).toBe('text/plain; charset=utf-8');
    expect(await object.Body.text()).toBe(threeLines);
    expect(Buffer.from(await (await body('body/three.txt')).Body.bytes()).toString('utf8')).toBe(
      threeLines,
    );

    const lines: string[] = [];
    for await (const line of (await body('body/three.txt')).Body.lines()) lines.push(line);
    expect(lines).toEqual(['first line', 'second: héllo wörld ✓ 😀', 'third, no newline']);
  });

  it('lines() splits CRLF and keeps empty lines', async () => {
    const lines: string[] = [];
    for await (const line of (await body('body/crlf.txt')).Body.lines()) lines.push(line);
    expect(lines).toEqual(['alpha', 'beta', '', 'gamma']);
  });

  it('lines() keeps characters and CRLF whole across chunk boundaries', async () => {
    const bytes = Buffer.from('añb\r\n😀x\nlast');
    // Split inside 'ñ' (2 bytes), between '\r' and '\n', and inside '😀' (4 bytes).
    const cuts = [2, 5, 7, 9, bytes.length];
    const chunks = cuts.map((end, i) => bytes.subarray(i === 0 ? 0 : cuts[i - 1], end));
    const lines: string[] = [];
    for await (const line of readableBody(chunkedOutput(chunks)).lines()) lines.push(line);
    expect(lines).toEqual(['añb', '😀x', 'last']);
  });

  it('lines() streams a large object line by line', async () => {
    const expected = Array.from({ length: 40_000 }, (_, i) => `línea ${i} ✓`);
    await put('body/large.txt', `${expected.join('\n')}\n`);
    let count = 0;
    let mismatch: string | undefined;
    for await (const line of (await body('body/large.txt')).Body.lines()) {
      if (line !== expected[count] && mismatch === undefined) mismatch = `${count}: ${line}`;
      count += 1;
    }
    expect(mismatch).toBeUndefined();
    expect(count).toBe(expected.length);
  });

  it('stream() and webStream() give the bytes', async () => {
    expect((await collect((await body('body/three.txt')).Body.stream())).toString()).toBe(
      threeLines,
    );
    const web = (await body('body/three.txt')).Body.webStream();
    const chunks: Uint8Array[] = [];
    for await (const chunk of web) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString()).toBe(threeLines);
  });

  it('throws a clear error when the body is consumed twice', async () => {
    const object = await body('body/three.txt');
    expect(object.Body.bodyUsed).toBe(false);
    await object.Body.text();
    expect(object.Body.bodyUsed).toBe(true);
    await expect(object.Body.bytes()).rejects.toThrow(
      new TypeError(
        'ObjectBody.bytes(): the body was already consumed by text(); an S3 object body is a single-use ' +
          'stream, so call GetObject again to read it again',
      ),
    );
    expect(() => object.Body.stream()).toThrow(TypeError);
    expect(() => object.Body.lines()).toThrow(/already consumed by text\(\)/);
  });
});

describe('copyObject', () => {
  it('copies a small object with one HeadObject and one CopyObject', async () => {
    await put('copy/small.txt', 'copy me', { ContentType: 'text/x-copy' });
    const progress: Progress[] = [];
    counter.reset();
    await copyObject(
      client,
      { Bucket: bucket, Key: 'copy/small.txt' },
      { Bucket: bucket, Key: 'copy/small-2.txt' },
      {
        onProgress: (p) => progress.push(p),
      },
    );
    expect(counter.byOperation).toEqual({ HeadObject: 1, CopyObject: 1 });
    expect(progress).toEqual([{ loaded: 7, total: 7 }]);
    expect((await getBytes('copy/small-2.txt')).toString()).toBe('copy me');
  });

  it('copies with extra CopyObject params (MetadataDirective REPLACE)', async () => {
    await put('copy/meta.txt', 'meta', { ContentType: 'text/old' });
    await copyObject(
      client,
      { Bucket: bucket, Key: 'copy/meta.txt' },
      { Bucket: bucket, Key: 'copy/meta-2.txt' },
      {
        params: { MetadataDirective: 'REPLACE', ContentType: 'text/new', Metadata: { k: 'v' } },
      },
    );
    const head = await client.send(
      new HeadObjectCommand({ Bucket: bucket, Key: 'copy/meta-2.txt' }),
    );
    expect(head.ContentType).toBe('text/new');
    expect(head.Metadata).toEqual({ k: 'v' });
  });

  it('copies an 11 MiB object in 5 MiB parts above a lowered threshold: 3 UploadPartCopy', async () => {
    const data = randomBytes(11 * MiB);
    await put('copy/big key+é.bin', data, {
      ContentType: 'application/x-big',
      Metadata: { source: 'big' },
      Tagging: 'team=data&tier=hot',
    });
    const progress: Progress[] = [];
    counter.reset();

    await copyObject(
      client,
      { Bucket: bucket, Key: 'copy/big key+é.bin' },
      { Bucket: bucket, Key: 'copy/big-2.bin' },
      {
        multipartThreshold: 5 * MiB,
        partSize: 5 * MiB,
        concurrency: 2,
        onProgress: (p) => progress.push(p),
      },
    );

    expect(counter.byOperation).toEqual({
      HeadObject: 1,
      GetObjectTagging: 1,
      CreateMultipartUpload: 1,
      UploadPartCopy: 3,
      CompleteMultipartUpload: 1,
    });
    expect(progress.at(-1)).toMatchObject({ loaded: 11 * MiB, total: 11 * MiB });
    expect(progress.map((p) => p.part).sort()).toEqual([1, 2, 3]);
    const head = await client.send(
      new HeadObjectCommand({ Bucket: bucket, Key: 'copy/big-2.bin' }),
    );
    // Carried over from the source, as a single CopyObject would.
    expect(head.ContentType).toBe('application/x-big');
    expect(head.Metadata).toEqual({ source: 'big' });
    const { TagSet } = await client.send(
      new GetObjectTaggingCommand({ Bucket: bucket, Key: 'copy/big-2.bin' }),
    );
    expect(TagSet).toEqual([
      { Key: 'team', Value: 'data' },
      { Key: 'tier', Value: 'hot' },
    ]);
    expect(sha256(await getBytes('copy/big-2.bin'))).toBe(sha256(data));
  });

  it.each(SIGNAL_NAMES)(
    'aborts a multipart copy and leaves no multipart upload (as %s)',
    async (name) => {
      await put('copy/abort.bin', randomBytes(11 * MiB));
      counter.reset();
      const controller = new AbortController();
      const error = await rejection(
        copyObject(
          client,
          { Bucket: bucket, Key: 'copy/abort.bin' },
          { Bucket: bucket, Key: 'copy/abort-2.bin' },
          {
            multipartThreshold: 5 * MiB,
            partSize: 5 * MiB,
            concurrency: 1,
            ...signalOption(name, controller.signal),
            onProgress: () => controller.abort(),
          },
        ),
      );
      expectAbort(error, /^copyObject: aborted$/, controller.signal.reason);
      expect(counter.count('UploadPartCopy')).toBe(1);
      expect(counter.count('AbortMultipartUpload')).toBe(1);
      expect(await openUploads()).toBe(0);
    },
  );

  it('a failing part aborts the multipart copy and rejects with that failure', async () => {
    await put('copy/fail.bin', randomBytes(16 * MiB));
    counter.reset();
    const restore = failNth('UploadPartCopy', 2);
    try {
      await expect(
        copyObject(
          client,
          { Bucket: bucket, Key: 'copy/fail.bin' },
          { Bucket: bucket, Key: 'copy/fail-2.bin' },
          {
            multipartThreshold: 5 * MiB,
            partSize: 5 * MiB,
            concurrency: 2,
          },
        ),
      ).rejects.toMatchObject({ name: 'InjectedFailure' });
    } finally {
      restore();
    }
    expect(counter.count('CompleteMultipartUpload')).toBe(0);
    expect(counter.count('AbortMultipartUpload')).toBe(1);
    expect(await openUploads()).toBe(0);
  });

  it('fails a missing source with the service error, sending only HeadObject', async () => {
    await expect(
      copyObject(
        client,
        { Bucket: bucket, Key: 'copy/missing' },
        { Bucket: bucket, Key: 'copy/x' },
      ),
    ).rejects.toMatchObject({ name: 'NotFound' });
    expect(counter.byOperation).toEqual({ HeadObject: 1 });
  });

  it('rejects bad options before any request', async () => {
    const source = { Bucket: bucket, Key: 'copy/small.txt' };
    const target = { Bucket: bucket, Key: 'copy/never' };
    await expect(copyObject(client, source, target, { partSize: 5 })).rejects.toThrow(
      'copyObject: partSize must be at least 5 MiB (5242880 bytes), got 5',
    );
    await expect(
      copyObject(client, source, target, { multipartThreshold: 6 * 1024 * MiB }),
    ).rejects.toThrow(/copyObject: multipartThreshold must be between 0 and 5368709120 bytes/);
    await expect(copyObject(client, source, target, { concurrency: -1 })).rejects.toThrow(
      /concurrency/,
    );
    await expect(copyObject(client, { Bucket: bucket, Key: '' }, target)).rejects.toThrow(
      /copyObject: source\.Key must be a non-empty string/,
    );
    expect(counter.total).toBe(0);
  });
});

describe('presignGet / presignPut', () => {
  it('a presigned GET URL, fetched without credentials, returns the content', async () => {
    await put('presign/get.txt', 'presigned content');
    counter.reset();
    const url = await presignGet(
      client,
      { Bucket: bucket, Key: 'presign/get.txt' },
      { expiresIn: 60 },
    );
    expect(counter.total).toBe(0);
    expect(new URL(url).searchParams.get('X-Amz-Expires')).toBe('60');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('presigned content');
  });

  it('a presigned PUT URL uploads', async () => {
    const url = await presignPut(client, { Bucket: bucket, Key: 'presign/put.txt' });
    const query = new URL(url).searchParams;
    expect(query.get('X-Amz-Expires')).toBe('3600');
    // The default CRC32 would be that of an empty body: S3 would reject the real upload.
    expect([...query.keys()].filter((name) => /checksum/i.test(name))).toEqual([]);
    const res = await fetch(url, { method: 'PUT', body: 'uploaded via URL' });
    expect(res.status).toBe(200);
    expect((await getBytes('presign/put.txt')).toString()).toBe('uploaded via URL');
  });

  it('rejects expiresIn out of range or fractional, naming the value, with no request', async () => {
    const params = { Bucket: bucket, Key: 'presign/get.txt' };
    await expect(presignGet(client, params, { expiresIn: 604801 })).rejects.toThrow(
      new ParamValidationError(
        'presignGet: expiresIn must be an integer from 1 to 604800 seconds (7 days), got 604801',
      ),
    );
    await expect(presignPut(client, params, { expiresIn: 0 })).rejects.toThrow(/got 0$/);
    await expect(presignPut(client, params, { expiresIn: 1.5 })).rejects.toThrow(/got 1.5$/);
    await expect(presignGet(client, { Bucket: bucket, Key: '' })).rejects.toThrow(/params\.Key/);
    expect(counter.total).toBe(0);
  });
});
