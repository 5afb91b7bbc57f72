/**
 * Latency mode: aws-resources against boto3 resources through a proxy that adds a fixed
 * round trip to every request (bench/support/latency-proxy.ts), as a same-region AWS call
 * has. moto answers on 127.0.0.1 in a few milliseconds and serialises its work; with a real
 * round trip in front of it, what a client gains by keeping several requests in flight shows.
 * Both sides go through the same proxy, which counts their requests. Fixtures are made
 * directly on moto (not through the proxy, not measured).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Boto3Jobs } from './support/boto3.js';
import { loadBuilt, root } from './support/built.js';
import { startLatencyProxy, type LatencyProxy } from './support/latency-proxy.js';
import { median, wallMs } from './support/measure.js';
import { filledBucket, motoClients, table } from './support/moto-fixtures.js';

type S3Module = typeof import('../src/resources/s3/index.js');
type DynamoDBModule = typeof import('../src/resources/dynamodb/index.js');
type Table = ReturnType<InstanceType<DynamoDBModule['DynamoDB']>['Table']>;

interface Emulator {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** One job through the proxy, both ways. */
export interface LatencyJob {
  readonly kind: LatencyKind;
  readonly job: string;
  /** How each side runs it. */
  readonly boto3How: string;
  readonly libHow: string;
  readonly boto3Requests: number;
  readonly libRequests: number;
  readonly boto3Ms: number;
  readonly libMs: number;
  /**
   * moto's own time within boto3's runs (their requests go one at a time, so the sum of the
   * answer times is how long moto was busy): the least time any client needs on this server.
   */
  readonly motoMs: number;
}

/** The latency jobs. */
export type LatencyKind = 'delete' | 'write' | 'scan' | 'download';

/** The outcome of the latency mode. */
export interface LatencyRun {
  readonly roundTripMs: number;
  readonly boto3Version: string;
  /** DynamoDB pages (Scan requests) boto3's sequential scan took: the scan is several pages. */
  readonly scanPages: number;
  /** The 1-minute load average of the machine before and after the runs (other processes). */
  readonly loadAverage: readonly [number, number];
  readonly jobs: LatencyJob[];
}

/** The default round trip: about a same-region AWS call. */
export const DEFAULT_ROUND_TRIP_MS = 20;
/** The round trip of the smoke run (CI): enough to show concurrency, short enough to be quick. */
export const SMOKE_ROUND_TRIP_MS = 5;

/** Requests in flight for the library's batch delete and batch writer. */
const CONCURRENCY = 8;
/** Parallel scan segments. */
const SEGMENTS = 4;
/**
 * The scanned items' padding: about 760 bytes an item, so 10,000 items are about 7.6 MB, eight
 * 1 MB pages (moto stops a page at 1 MB, as DynamoDB does), and each of 4 segments two.
 */
const SCAN_PAYLOAD = 720;

function sizes(smoke: boolean) {
  return smoke
    ? { keys: 50, items: 50, scanItems: 200, files: 10, repeat: 1 }
    : { keys: 5000, items: 1000, scanItems: 10_000, files: 200, repeat: 3 };
}

/** The library's parallel scan: `table.scan().parallel(n)`, counting the items. */
async function parallelScanCount(t: Table, segments: number): Promise<number> {
  let seen = 0;
  for await (const item of t.scan().parallel(segments)) if (item) seen++;
  return seen;
}

/** `count` items of about 760 bytes, written straight to moto 25 at a time. */
async function filledTable(dynamodb: DynamoDBClient, name: string, count: number): Promise<void> {
  await table(dynamodb, name);
  const batches: number[][] = [];
  for (let i = 0; i < count; i += 25)
    batches.push(Array.from({ length: Math.min(25, count - i) }, (_, j) => i + j));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++] ?? [];
      await dynamodb.send(
        new BatchWriteItemCommand({
          RequestItems: {
            [name]: batch.map((i) => ({
              PutRequest: {
                Item: {
                  id: { S: `item-${String(i).padStart(6, '0')}` },
                  n: { N: String(i) },
                  payload: { S: 'x'.repeat(SCAN_PAYLOAD) },
                },
              },
            })),
          },
        }),
      );
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
}

/** `count` small objects under `prefix` (each a few bytes). */
async function filledPrefix(s3: S3Client, bucket: string, prefix: string, count: number) {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const key = `${prefix}dir-${i % 4}/file-${String(i).padStart(4, '0')}.txt`;
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: `file ${i}\n` }));
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

/** Runs the latency jobs both ways through one proxy with `roundTripMs`. */
export async function latencyMode(smoke: boolean, roundTripMs: number): Promise<LatencyRun> {
  const emulatorModule = (await import(
    pathToFileURL(join(root, 'scripts', 'emulator.mjs')).href
  )) as { startEmulator(): Promise<Emulator>; findPython(): Promise<string> };
  const size = sizes(smoke);
  const emulator = await emulatorModule.startEmulator();
  const direct = motoClients(emulator.endpoint);
  let proxy: LatencyProxy | undefined;
  let proxied: ReturnType<typeof motoClients> | undefined;
  let boto3: Boto3Jobs | undefined;
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-resources-bench-'));
    dirs.push(dir);
    return dir;
  };
  try {
    const names = {
      boto3Deletes: 'latency-boto3-deletes',
      libDeletes: 'latency-lib-deletes',
      writes: 'latency-writes',
      scanned: 'latency-scanned',
      files: 'latency-files',
    };
    await Promise.all([
      filledBucket(direct.s3, names.boto3Deletes, size.keys),
      filledBucket(direct.s3, names.libDeletes, size.keys),
      table(direct.dynamodb, names.writes),
      filledTable(direct.dynamodb, names.scanned, size.scanItems),
      filledPrefix(direct.s3, names.files, 'files/', size.files),
    ]);

    proxy = await startLatencyProxy(emulator.endpoint, roundTripMs);
    const clients = motoClients(proxy.endpoint);
    proxied = clients;
    const started = await Boto3Jobs.start(await emulatorModule.findPython(), proxy.endpoint);
    boto3 = started.jobs;
    const { S3 } = loadBuilt<S3Module>('s3');
    const { DynamoDB } = loadBuilt<DynamoDBModule>('dynamodb');
    const s3 = new S3({ client: clients.s3 });
    const ddb = new DynamoDB({ client: clients.dynamodb });
    // Warm-up: each side's first request per service pays for loading and connecting.
    await boto3.run({ job: 'warm-up' });
    await s3.buckets.toArray();
    await ddb.tables.toArray();

    const count = (n: number) => n.toLocaleString('en');
    interface Job {
      readonly kind: LatencyKind;
      readonly name: string;
      readonly runs: number;
      readonly boto3How: string;
      readonly libHow: string;
      readonly boto3: (run: number) => Record<string, unknown>;
      readonly lib: (run: number) => Promise<number>;
    }
    const jobs: Job[] = [
      {
        kind: 'delete',
        name: `batch delete of ${count(size.keys)} keys`,
        runs: 1,
        boto3How: '`bucket.objects.all().delete()`',
        libHow: `\`bucket.objects.all().delete(undefined, { concurrency: ${CONCURRENCY} })\``,
        boto3: () => ({ job: 'delete-keys', bucket: names.boto3Deletes }),
        lib: async () => {
          const outputs = await s3
            .Bucket(names.libDeletes)
            .objects.all()
            .delete(undefined, { concurrency: CONCURRENCY });
          return outputs.reduce((n, output) => n + (output.Deleted?.length ?? 0), 0);
        },
      },
      {
        kind: 'write',
        name: `batch write of ${count(size.items)} items`,
        runs: size.repeat,
        boto3How: '`table.batch_writer()`',
        libHow: `\`table.batchWriter(fn, { concurrency: ${CONCURRENCY} })\``,
        boto3: (run) => ({
          job: 'batch-write',
          table: names.writes,
          items: size.items,
          prefix: `boto3-${run}`,
        }),
        lib: async (run) => {
          await ddb.Table(names.writes).batchWriter(
            async (writer) => {
              for (let i = 0; i < size.items; i++)
                await writer.putItem({
                  Item: { id: `lib-${run}-${i}`, n: i, payload: 'x'.repeat(100) },
                });
            },
            { concurrency: CONCURRENCY },
          );
          return size.items;
        },
      },
      {
        kind: 'scan',
        name: `scan of ${count(size.scanItems)} items`,
        runs: size.repeat,
        boto3How: 'sequential `table.scan` loop on `LastEvaluatedKey`',
        libHow: `\`table.scan().parallel(${SEGMENTS})\``,
        boto3: () => ({ job: 'scan-table', table: names.scanned }),
        lib: () => parallelScanCount(ddb.Table(names.scanned), SEGMENTS),
      },
      {
        kind: 'download',
        name: `download of ${count(size.files)} small objects`,
        runs: size.repeat,
        boto3How: 'a loop of `bucket.download_file`',
        libHow: '`bucket.downloadDirectory(dir, { prefix })` (default concurrency)',
        boto3: () => ({
          job: 'download-files',
          bucket: names.files,
          prefix: 'files/',
          dir: tempDir(),
        }),
        lib: async () => {
          const { files } = await s3
            .Bucket(names.files)
            .downloadDirectory(tempDir(), { prefix: 'files/' });
          return files.length;
        },
      },
    ];

    const results: LatencyJob[] = [];
    let scanPages = 0;
    const loadBefore = loadavg()[0] ?? 0;
    for (const job of jobs) {
      const theirs: { ms: number; requests: number; result: number; motoMs: number }[] = [];
      const ours: { ms: number; requests: number; result: number }[] = [];
      const onProxy = proxy;
      const boto3Run = async (run: number) => {
        onProxy.reset();
        const answer = await started.jobs.run(job.boto3(run));
        theirs.push({
          ms: answer.ms,
          requests: onProxy.requests,
          result: answer.result,
          motoMs: onProxy.upstreamMs,
        });
        if (job.kind === 'scan') scanPages = onProxy.byOperation.Scan ?? 0;
      };
      const libRun = async (run: number) => {
        onProxy.reset();
        let result = 0;
        const ms = await wallMs(async () => {
          result = await job.lib(run);
        });
        ours.push({ ms, requests: onProxy.requests, result });
      };
      for (let run = 0; run < job.runs; run++) {
        // Alternate who goes first, so a slow patch of the machine hits both alike.
        if (run % 2 === 0) await boto3Run(run);
        await libRun(run);
        if (run % 2 === 1) await boto3Run(run);
      }
      const [boto3First, libFirst] = [theirs[0], ours[0]];
      if (!boto3First || !libFirst) throw new Error(`${job.name}: no run`);
      if (boto3First.result !== libFirst.result)
        throw new Error(
          `${job.name}: boto3 gave ${boto3First.result}, aws-resources ${libFirst.result}`,
        );
      results.push({
        kind: job.kind,
        job: job.name,
        boto3How: job.boto3How,
        libHow: job.libHow,
        boto3Requests: Math.max(...theirs.map((r) => r.requests)),
        libRequests: Math.max(...ours.map((r) => r.requests)),
        boto3Ms: median(theirs.map((r) => r.ms)),
        libMs: median(ours.map((r) => r.ms)),
        motoMs: median(theirs.map((r) => r.motoMs)),
      });
    }
    return {
      roundTripMs,
      boto3Version: started.version,
      scanPages,
      loadAverage: [loadBefore, loadavg()[0] ?? 0],
      jobs: results,
    };
  } finally {
    await boto3?.close();
    await proxy?.close();
    for (const client of [...Object.values(direct), ...Object.values(proxied ?? {})])
      client.destroy();
    await emulator.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
