/**
 * `downloadFile` of a large object: concurrent ranged GETs against moto (which honours
 * `Range` and `If-Match` on GetObject), with the requests counted, the bytes compared with
 * what was uploaded, and the failure paths (overwrite mid-download, a failing part, abort).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { AbortError, ParamValidationError } from '../../src/core/errors.js';
import { downloadFile } from '../../src/resources/s3/transfers/download.js';
import type { Progress } from '../../src/resources/s3/transfers/options.js';
import { clientConfig, s3Client } from '../support/emulator.js';
import { startFaultProxy } from '../support/fault-proxy.js';
import { trackInFlight } from '../support/in-flight.js';
import { useS3Fixture } from '../support/s3-fixture.js';
import { SIGNAL_NAMES, signalOption } from '../support/signal-names.js';

const MiB = 1024 * 1024;

const fixture = useS3Fixture('ranged-get', { versioned: true });
const { client, counter } = fixture;
const bucket = fixture.bucket;
/** A second client, for writes the tests make while a download runs. */
const writer = s3Client();
let dir: string;

const big = randomBytes(20 * MiB);
let bigEtag: string | undefined;
let bigVersion: string | undefined;

async function put(Key: string, Body: Uint8Array | string) {
  return writer.send(new PutObjectCommand({ Bucket: bucket.name, Key, Body }));
}

/** Runs `hook` before the `n`th GetObject is sent; returns the remover. */
function beforeGet(n: number, hook: () => Promise<void>): () => void {
  let seen = 0;
  const name = `beforeGet${n}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'GetObjectCommand' && ++seen === n) await hook();
      return next(args);
    },
    { step: 'initialize', name },
  );
  return () => client.middlewareStack.remove(name);
}

/** The Range (and IfMatch, VersionId) each GetObject was sent with. */
function getInputs() {
  return counter.inputs
    .filter((i) => i.operation === 'GetObject')
    .map((i) => i.input as { Range?: string; IfMatch?: string; VersionId?: string });
}

async function rejection(run: Promise<unknown>): Promise<unknown> {
  try {
    await run;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 's3-ranged-'));
  ({ ETag: bigEtag, VersionId: bigVersion } = await put('big.bin', big));
  await put('small.txt', 'small object');
  await put('empty', new Uint8Array(0));
  await put('sixteen.bin', big.subarray(0, 16 * MiB));
});

afterAll(async () => {
  writer.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A fresh, empty directory for one test. */
async function fresh(name: string): Promise<string> {
  const path = join(dir, name);
  await mkdir(path);
  return path;
}

describe('downloadFile of a large object', () => {
  it('fetches 20 MiB in 8 MiB parts with three GetObject requests and no HeadObject', async () => {
    const target = join(await fresh('twenty'), 'big.bin');
    const progress: Progress[] = [];
    const result = await bucket.downloadFile('big.bin', target, {
      onProgress: (p) => progress.push(p),
    });
    expect((await readFile(target)).equals(big)).toBe(true);
    expect(counter.byOperation).toEqual({ GetObject: 3 });
    expect(getInputs()).toEqual([
      expect.objectContaining({ Range: 'bytes=0-8388607' }),
      expect.objectContaining({ Range: 'bytes=8388608-16777215', IfMatch: bigEtag }),
      expect.objectContaining({ Range: 'bytes=16777216-20971519', IfMatch: bigEtag }),
    ]);
    // The first request is not pinned: it is the one that learns the ETag.
    expect(getInputs()[0]).not.toHaveProperty('IfMatch');
    expect(result.ContentLength).toBe(big.length);
    expect(result.ETag).toBe(bigEtag);
    expect(result).not.toHaveProperty('ContentRange');
    expect(result).not.toHaveProperty('Body');
    // Progress only grows, always knows the total, and names each part as it completes.
    const loaded = progress.map((p) => p.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(progress.every((p) => p.total === big.length)).toBe(true);
    expect(progress.at(-1)?.loaded).toBe(big.length);
    expect(progress.flatMap((p) => (p.part === undefined ? [] : [p.part])).sort()).toEqual([
      1, 2, 3,
    ]);
  });

  it('needs the minimum of requests at part boundaries: 16 MiB in 8 MiB parts is two', async () => {
    const target = join(await fresh('sixteen'), 'sixteen.bin');
    await bucket.Object('sixteen.bin').downloadFile(target);
    expect(counter.byOperation).toEqual({ GetObject: 2 });
    expect((await readFile(target)).equals(big.subarray(0, 16 * MiB))).toBe(true);
  });

  it('honours partSize and keeps at most `concurrency` requests in flight', async () => {
    const inFlight = trackInFlight(client);
    // Hold each answer a little, so that requests that may overlap do.
    client.middlewareStack.add(
      (next) => async (args) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        return next(args);
      },
      // Inside the in-flight count (finalizeRequest), so a held request counts as out.
      { step: 'deserialize', name: 'slowAnswers' },
    );
    try {
      const target = join(await fresh('concurrency'), 'big.bin');
      await bucket.downloadFile('big.bin', target, { partSize: 5 * MiB, concurrency: 2 });
      expect(counter.byOperation).toEqual({ GetObject: 4 });
      expect(inFlight.max).toBe(2);
      expect((await readFile(target)).equals(big)).toBe(true);
    } finally {
      client.middlewareStack.remove('slowAnswers');
      inFlight.remove();
    }
  });

  it('keeps a small object to one GetObject, and an empty one to a ranged GET and a plain one', async () => {
    const small = join(await fresh('small'), 'small.txt');
    const progress: Progress[] = [];
    const result = await bucket.downloadFile('small.txt', small, {
      onProgress: (p) => progress.push(p),
    });
    expect(counter.byOperation).toEqual({ GetObject: 1 });
    expect(await readFile(small, 'utf8')).toBe('small object');
    expect(result.ContentLength).toBe(12);
    expect(progress).toEqual([{ loaded: 12, total: 12 }]);

    counter.reset();
    const empty = join(await fresh('empty'), 'empty');
    const emptyProgress: Progress[] = [];
    await bucket.downloadFile('empty', empty, { onProgress: (p) => emptyProgress.push(p) });
    // S3 answers any range of an empty object with 416 InvalidRange.
    expect(counter.byOperation).toEqual({ GetObject: 2 });
    expect(getInputs()[1]).not.toHaveProperty('Range');
    expect(await readFile(empty, 'utf8')).toBe('');
    expect(emptyProgress).toEqual([{ loaded: 0, total: 0 }]);
  });

  it('fails with PreconditionFailed when the object is overwritten mid-download, writing nothing', async () => {
    await put('changing.bin', big);
    counter.reset();
    const target = await fresh('changing');
    await writeFile(join(target, 'out.bin'), 'previous');
    const remove = beforeGet(2, async () => {
      await put('changing.bin', randomBytes(20 * MiB));
    });
    try {
      const error = await rejection(
        bucket.downloadFile('changing.bin', join(target, 'out.bin'), { concurrency: 1 }),
      );
      expect(error).toMatchObject({ name: 'PreconditionFailed' });
    } finally {
      remove();
    }
    expect(await readdir(target)).toEqual(['out.bin']);
    expect(await readFile(join(target, 'out.bin'), 'utf8')).toBe('previous');
    // The failed part stopped the download: the third part was never asked for.
    expect(counter.count('GetObject')).toBe(2);
  });

  it('pins every part to the VersionId it was addressed by: an overwrite does not disturb it', async () => {
    const target = join(await fresh('version'), 'big.bin');
    const remove = beforeGet(2, async () => {
      await put('big.bin', randomBytes(20 * MiB));
    });
    try {
      await downloadFile(
        client,
        { Bucket: bucket.name, Key: 'big.bin', VersionId: bigVersion },
        target,
        { concurrency: 1 },
      );
    } finally {
      remove();
    }
    expect((await readFile(target)).equals(big)).toBe(true);
    expect(getInputs().map((i) => i.VersionId)).toEqual([bigVersion, bigVersion, bigVersion]);
    // Restore the object the other tests read.
    ({ ETag: bigEtag, VersionId: bigVersion } = await put('big.bin', big));
  });

  it('a failing part rejects with that failure and leaves no file', async () => {
    const target = await fresh('failing');
    const remove = beforeGet(3, () =>
      Promise.reject(Object.assign(new Error('injected part failure'), { name: 'Injected' })),
    );
    try {
      const error = await rejection(bucket.downloadFile('big.bin', join(target, 'out.bin')));
      expect(error).toMatchObject({ name: 'Injected', message: 'injected part failure' });
    } finally {
      remove();
    }
    expect(await readdir(target)).toEqual([]);
  });

  it('a part whose body is cut off rejects the download and leaves the target as it was', async () => {
    let gets = 0;
    // The second GET (the second part) gets its headers and half its body, then a reset.
    const cut = await startFaultProxy({
      seed: 7,
      rates: { truncate: 1 },
      eligible: (request) =>
        request.method === 'GET' && request.path.endsWith('/big.bin') && ++gets === 2,
    });
    const viaProxy = new S3Client({
      ...clientConfig(),
      endpoint: cut.endpoint,
      forcePathStyle: true,
    });
    const target = await fresh('cut');
    await writeFile(join(target, 'out.bin'), 'previous');
    try {
      const error = await rejection(
        downloadFile(viaProxy, { Bucket: bucket.name, Key: 'big.bin' }, join(target, 'out.bin'), {
          concurrency: 1,
        }),
      );
      // Node's error for a response cut short (or ours for a part that ended early), not a
      // cancellation.
      expect(error).not.toBeInstanceOf(AbortError);
      expect((error as Error).message).toMatch(/^aborted$|ECONNRESET|ended after \d+ of \d+ bytes/);
      expect(cut.stats.faults.truncate).toBe(1);
    } finally {
      viaProxy.destroy();
      await cut.stop();
    }
    expect(await readdir(target)).toEqual(['out.bin']);
    expect(await readFile(join(target, 'out.bin'), 'utf8')).toBe('previous');
  });

  it.each(SIGNAL_NAMES)(
    'aborts: rejects with AbortError (cause = reason), keeps the old target, no temporary file (as %s)',
    async (name) => {
      const target = await fresh(`abort-${name}`);
      await writeFile(join(target, 'out.bin'), 'previous');
      const controller = new AbortController();
      const error = await rejection(
        bucket.downloadFile('big.bin', join(target, 'out.bin'), {
          ...signalOption(name, controller.signal),
          onProgress: ({ loaded }) => {
            if (loaded > MiB) controller.abort(new Error('enough'));
          },
        }),
      );
      expect(error).toBeInstanceOf(AbortError);
      expect((error as Error).message).toBe('downloadFile: aborted');
      expect((error as Error).cause).toBe(controller.signal.reason);
      expect(await readdir(target)).toEqual(['out.bin']);
      expect(await readFile(join(target, 'out.bin'), 'utf8')).toBe('previous');
    },
  );

  it('sends one GetObject for a Range of your own', async () => {
    const target = join(await fresh('range'), 'part.bin');
    await bucket.downloadFile('big.bin', target, { params: { Range: 'bytes=100-199' } });
    expect(counter.byOperation).toEqual({ GetObject: 1 });
    expect((await readFile(target)).equals(big.subarray(100, 200))).toBe(true);
  });

  it('rejects a bad partSize or concurrency before any request', async () => {
    const target = join(dir, 'never.bin');
    await expect(bucket.downloadFile('big.bin', target, { partSize: 1024 })).rejects.toThrow(
      new ParamValidationError(
        'downloadFile: partSize must be at least 5 MiB (5242880 bytes), got 1024',
      ),
    );
    await expect(bucket.downloadFile('big.bin', target, { concurrency: 0 })).rejects.toThrow(
      /downloadFile: concurrency must be a positive integer, got 0/,
    );
    await expect(
      bucket.downloadFile('big.bin', target, { concurrency: 1.5 }),
    ).rejects.toBeInstanceOf(ParamValidationError);
    expect(counter.total).toBe(0);
  });
});
