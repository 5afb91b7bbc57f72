import { HeadObjectCommand, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { S3 } from '../src/resources/s3/index.js';
import { cannedS3Client } from './support/canned-s3.js';
import { medianMs } from './support/measure.js';

/** One comparison: the same job through the raw v3 client and through aws-resources. */
export interface Comparison {
  readonly job: string;
  readonly rawMs: number;
  readonly libMs: number;
}

async function rawListing(keys: number): Promise<number> {
  let seen = 0;
  for await (const page of paginateListObjectsV2(
    { client: cannedS3Client(keys) },
    { Bucket: 'bench' },
  )) {
    for (const item of page.Contents ?? []) if (item.Key) seen++;
  }
  return seen;
}

async function libListing(keys: number): Promise<number> {
  let seen = 0;
  for await (const object of new S3({ client: cannedS3Client(keys) })
    .Bucket('bench')
    .objects.all()) {
    if (object.key) seen++;
  }
  return seen;
}

async function rawLoads(count: number): Promise<void> {
  const client = cannedS3Client(0);
  for (let i = 0; i < count; i++)
    await client.send(new HeadObjectCommand({ Bucket: 'bench', Key: `k${i}` }));
}

async function libLoads(count: number): Promise<void> {
  const s3 = new S3({ client: cannedS3Client(0) });
  for (let i = 0; i < count; i++) await s3.Object('bench', `k${i}`).contentLength;
}

/**
 * Runs raw and library jobs alternately (so drift in the machine's load hits both alike) and
 * reports the median of each.
 */
async function compare(
  job: string,
  runs: number,
  raw: () => Promise<unknown>,
  lib: () => Promise<unknown>,
): Promise<Comparison> {
  await raw();
  await lib();
  const rawTimes: number[] = [];
  const libTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    rawTimes.push(await medianMs(1, raw));
    libTimes.push(await medianMs(1, lib));
  }
  const median = (times: number[]) =>
    times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
  return { job, rawMs: median(rawTimes), libMs: median(libTimes) };
}

/** The engine-overhead comparisons, sized for a full run or a smoke run. */
export async function engineOverhead(smoke: boolean): Promise<Comparison[]> {
  const keys = smoke ? 5_000 : 200_000;
  const loads = smoke ? 500 : 10_000;
  const runs = smoke ? 3 : 5;
  const listed = await libListing(keys);
  if (listed !== keys) throw new Error(`listing yielded ${listed} of ${keys} keys`);
  return [
    await compare(
      `iterate ${keys.toLocaleString('en')} S3 keys`,
      runs,
      () => rawListing(keys),
      () => libListing(keys),
    ),
    await compare(
      `${loads.toLocaleString('en')} lazy loads (HeadObject)`,
      runs,
      () => rawLoads(loads),
      () => libLoads(loads),
    ),
  ];
}
