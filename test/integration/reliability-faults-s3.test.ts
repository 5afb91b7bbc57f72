/**
 * S3 under a 10% fault rate (test/support/fault-proxy.ts: 500 InternalError, 503 SlowDown,
 * connection resets, slow and truncated answers, half of the errors after moto applied the
 * request). The library's clients talk to the proxy; set-up and every check go through a
 * clean client straight to moto. Figures: docs/reliability.md.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { S3 } from '../../src/resources/s3/index.js';
import { clientConfig } from '../support/emulator.js';
import { startFaultProxy, TEN_PERCENT, type FaultProxy } from '../support/fault-proxy.js';
import { countRequests } from '../support/request-counter.js';
import { FAST_WAIT, useS3Fixture } from '../support/s3-fixture.js';
import { faultSeed } from '../support/seeded-random.js';

const MiB = 1024 * 1024;
const SEED = faultSeed(8_2026);
/** Attempts per request of the v3 standard retry strategy (its default is 3). */
const MAX_ATTEMPTS = 6;
const DOWNLOADS = 60;

const fixture = useS3Fixture('faults-s3');
const { client: clean } = fixture;
const bucketName = fixture.bucket.name;
let proxy: FaultProxy;
let faulty: S3Client;
let s3: S3;
let dir: string;

const keys = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
const LISTED = keys('list/', 250);
const SELECTED = keys('del/', 500);
const KEPT = [...keys('del-keep/', 25), ...keys('de/', 25)];

async function putAll(list: readonly string[], body = 'x'): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < list.length) {
      const Key = list[next++];
      await clean.send(new PutObjectCommand({ Bucket: bucketName, Key, Body: body }));
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

async function listAll(Prefix?: string): Promise<string[]> {
  const out: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await clean.send(
      new ListObjectsV2Command({ Bucket: bucketName, Prefix, ContinuationToken }),
    );
    out.push(...(page.Contents ?? []).map((o) => o.Key ?? ''));
    ContinuationToken = page.NextContinuationToken;
  } while (ContinuationToken);
  return out;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function cleanBytes(Key: string): Promise<Buffer> {
  const output = await clean.send(new GetObjectCommand({ Bucket: bucketName, Key }));
  return Buffer.from(await output.Body!.transformToByteArray());
}

/**
 * Logs the faults injected since `mark` under the test's name. A test into which the seed
 * injected no fault proves nothing: it fails then (rare with these request counts; the
 * default seed faults every test), naming the seed.
 */
function faultsSince(mark: number, test: string | undefined): void {
  const window = proxy.since(mark);
  console.log(`${test}: ${window.text}`);
  if (window.faults === 0)
    throw new Error(`seed ${SEED} injected no fault into this test: try another FAULT_SEED`);
}

beforeAll(async () => {
  await putAll([...LISTED, ...SELECTED, ...KEPT]);
  proxy = await startFaultProxy({ seed: SEED, rates: TEN_PERCENT });
  faulty = new S3Client({
    ...clientConfig(),
    endpoint: proxy.endpoint,
    forcePathStyle: true,
    retryMode: 'standard',
    maxAttempts: MAX_ATTEMPTS,
  });
  s3 = new S3({ client: faulty });
  dir = await mkdtemp(join(tmpdir(), 'aws-resources-faults-'));
  console.log(`S3 fault proxy seed ${SEED} (FAULT_SEED=${SEED} replays it)`);
});

afterAll(async () => {
  console.log(`S3 faults: ${proxy?.summary()}`);
  faulty?.destroy();
  await proxy?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe(`S3 under 10% faults (seed ${SEED})`, () => {
  it('collections yield every item exactly once', async () => {
    const mark = proxy.stats.requests;
    const bucket = s3.Bucket(bucketName);
    const objects = await bucket.objects.filter({ Prefix: 'list/' }).pageSize(5).toArray();
    expect(objects.map((o) => o.key)).toEqual(LISTED);
    // ListObjectVersions pages on the library's own tokens (no v3 paginator).
    const versions = await bucket.objectVersions.filter({ Prefix: 'list/' }).pageSize(5).toArray();
    expect(versions.map((v) => v.objectKey)).toEqual(LISTED);
    // A limit ends the listing in the middle of a page, exactly.
    const limited = await bucket.objects.filter({ Prefix: 'list/' }).pageSize(7).limit(123);
    expect((await limited.toArray()).map((o) => o.key)).toEqual(LISTED.slice(0, 123));
    faultsSince(mark, expect.getState().currentTestName);
  });

  it('batch delete removes exactly the selected keys, and no others', async () => {
    const mark = proxy.stats.requests;
    const responses = await s3
      .Bucket(bucketName)
      .objects.filter({ Prefix: 'del/' })
      .pageSize(10)
      .delete();
    expect(responses.length).toBeGreaterThanOrEqual(SELECTED.length / 10);
    expect(await listAll('del/')).toEqual([]);
    expect(await listAll('del-keep/')).toEqual(KEPT.filter((k) => k.startsWith('del-keep/')));
    expect(await listAll('de/')).toEqual(KEPT.filter((k) => k.startsWith('de/')));
    expect(await listAll('list/')).toEqual(LISTED);
    faultsSince(mark, expect.getState().currentTestName);
  });

  it('multipart uploads complete with the right bytes or fail, and leave no upload open', async () => {
    const mark = proxy.stats.requests;
    const bodies = Array.from({ length: 12 }, () => randomBytes(10 * MiB + 1234));
    const bucket = s3.Bucket(bucketName);
    const outcomes = await Promise.allSettled(
      bodies.map((body, i) =>
        bucket.uploadStream(body, `mpu/${i}`, { partSize: 5 * MiB, concurrency: 2 }),
      ),
    );
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') {
        expect(sha256(await cleanBytes(`mpu/${i}`))).toBe(sha256(bodies[i]!));
      }
    }
    const { Uploads = [] } = await clean.send(
      new ListMultipartUploadsCommand({ Bucket: bucketName }),
    );
    expect(Uploads).toEqual([]);
    const completed = outcomes.filter((o) => o.status === 'fulfilled').length;
    console.log(`multipart under faults: ${completed} of ${outcomes.length} completed`);
    faultsSince(mark, expect.getState().currentTestName);
  });

  it('downloads never leave a partial file at the target path', async () => {
    const mark = proxy.stats.requests;
    const body = randomBytes(256 * 1024);
    await clean.send(new PutObjectCommand({ Bucket: bucketName, Key: 'dl/object', Body: body }));
    const old = Buffer.from('the previous content');
    const bucket = s3.Bucket(bucketName);
    let failed = 0;
    for (let i = 0; i < DOWNLOADS; i++) {
      const target = join(dir, `download-${i}.bin`);
      // Half the targets exist already: a failed download must leave them as they were.
      if (i % 2 === 0) await writeFile(target, old);
      try {
        await bucket.downloadFile('dl/object', target);
        expect(sha256(await readFile(target))).toBe(sha256(body));
      } catch {
        failed += 1;
        if (i % 2 === 0) expect(await readFile(target)).toEqual(old);
        else await expect(readFile(target)).rejects.toMatchObject({ code: 'ENOENT' });
      }
    }
    // No temporary file is left behind either.
    expect((await readdir(dir)).filter((f) => !/^download-\d+\.bin$/.test(f))).toEqual([]);
    console.log(`downloads under faults: ${failed} of ${DOWNLOADS} failed cleanly`);
    faultsSince(mark, expect.getState().currentTestName);
  });
});

describe('a CreateMultipartUpload answered too late', () => {
  it('is retried by the v3 client, and the upload the lost answer started is aborted', async () => {
    // The first CreateMultipartUpload reaches moto, then its answer is cut off: the v3 client
    // retries and moto starts a second upload. The first would stay open forever.
    const cut = await startFaultProxy({
      seed: SEED,
      rates: { truncate: 1 },
      maxFaults: 1,
      eligible: (request) => request.method === 'POST' && request.operation.endsWith('?uploads'),
    });
    const client = new S3Client({
      ...clientConfig(),
      endpoint: cut.endpoint,
      forcePathStyle: true,
      maxAttempts: 3,
    });
    try {
      const counter = countRequests(client);
      const body = randomBytes(5 * MiB + 10);
      await new S3({ client }).Bucket(bucketName).uploadStream(body, 'mpu/late-answer', {
        partSize: 5 * MiB,
      });
      expect(cut.stats.log).toEqual([expect.objectContaining({ kind: 'truncate', applied: true })]);
      expect(counter.count('CreateMultipartUpload')).toBe(2);
      expect(counter.count('ListMultipartUploads')).toBe(1);
      expect(counter.count('AbortMultipartUpload')).toBe(1);
      expect(sha256(await cleanBytes('mpu/late-answer'))).toBe(sha256(body));
      const { Uploads = [] } = await clean.send(
        new ListMultipartUploadsCommand({ Bucket: bucketName, Prefix: 'mpu/late-answer' }),
      );
      expect(Uploads).toEqual([]);
    } finally {
      client.destroy();
      await cut.stop();
    }
  });
});

describe('a download cut off in the middle of the body', () => {
  it('rejects, and leaves the target as it was and no temporary file', async () => {
    const body = randomBytes(512 * 1024);
    await clean.send(new PutObjectCommand({ Bucket: bucketName, Key: 'dl/cut', Body: body }));
    // GetObject bodies are streamed to the caller: the v3 client cannot retry a cut one.
    const cut = await startFaultProxy({
      seed: SEED,
      rates: { truncate: 1 },
      eligible: (request) => request.method === 'GET' && request.path.endsWith('/dl/cut'),
    });
    const client = new S3Client({
      ...clientConfig(),
      endpoint: cut.endpoint,
      forcePathStyle: true,
    });
    const target = join(dir, 'cut.bin');
    const fresh = join(dir, 'cut-fresh.bin');
    try {
      await writeFile(target, 'the previous content');
      const bucket = new S3({ client }).Bucket(bucketName);
      await expect(bucket.downloadFile('dl/cut', target)).rejects.toThrow();
      await expect(bucket.downloadFile('dl/cut', fresh)).rejects.toThrow();
      expect(cut.stats.faults.truncate).toBe(2);
      expect(await readFile(target, 'utf8')).toBe('the previous content');
      await expect(readFile(fresh)).rejects.toMatchObject({ code: 'ENOENT' });
      expect((await readdir(dir)).filter((f) => f.includes('cut'))).toEqual(['cut.bin']);
    } finally {
      client.destroy();
      await cut.stop();
    }
  });
});

describe('waiters survive transient errors', () => {
  // maxAttempts 1: the v3 client does not retry, so the waiter itself meets every fault.
  let burst: FaultProxy;
  let single: S3Client;
  beforeEach(async () => {
    // Every request faulted until three faults were injected, then all pass.
    burst = await startFaultProxy({
      seed: SEED,
      rates: { internalError: 0.25, throttle: 0.25, reset: 0.25, truncate: 0.25 },
      maxFaults: 3,
    });
    single = new S3Client({
      ...clientConfig(),
      endpoint: burst.endpoint,
      forcePathStyle: true,
      maxAttempts: 1,
    });
  });
  afterEach(async () => {
    single.destroy();
    await burst.stop();
  });

  it('bucket.waitUntilExists and object waiters poll through 3 faults', async () => {
    const counter = countRequests(single);
    const bucket = new S3({ client: single }).Bucket(bucketName);
    await bucket.waitUntilExists(FAST_WAIT);
    expect(burst.stats.totalFaults).toBe(3);
    expect(counter.count('HeadBucket')).toBe(4);
    await bucket.Object('list/0000').waitUntilExists(FAST_WAIT);
    await bucket.Object('no/such/key').waitUntilNotExists(FAST_WAIT);
    counter.remove();
  });
});
