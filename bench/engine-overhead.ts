/**
 * Engine overhead: the same job through the raw v3 client and through the built library,
 * with every request answered in-process from canned responses (no network, no emulator).
 */
import { HeadObjectCommand, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { loadBuilt } from './support/built.js';
import { cannedDynamoDBClient } from './support/canned-dynamodb.js';
import { cannedS3Client } from './support/canned-s3.js';
import { cpuMs, median } from './support/measure.js';

type S3Module = typeof import('../src/resources/s3/index.js');
type DynamoDBModule = typeof import('../src/resources/dynamodb/index.js');

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
  const { S3 } = loadBuilt<S3Module>('s3');
  let seen = 0;
  for await (const object of new S3({ client: cannedS3Client(keys) })
    .Bucket('bench')
    .objects.all()) {
    if (object.key) seen++;
  }
  return seen;
}

async function rawQuery(items: number): Promise<number> {
  let seen = 0;
  const client = DynamoDBDocumentClient.from(cannedDynamoDBClient(items));
  for await (const page of paginateQuery(
    { client },
    {
      TableName: 'bench',
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': 'pk' },
      ExpressionAttributeValues: { ':pk': 'bench' },
    },
  )) {
    for (const item of page.Items ?? []) if (item.sk !== undefined) seen++;
  }
  return seen;
}

async function libQuery(items: number): Promise<number> {
  const { DynamoDB, Key } = loadBuilt<DynamoDBModule>('dynamodb');
  let seen = 0;
  const table = new DynamoDB({ client: cannedDynamoDBClient(items) }).Table('bench');
  for await (const item of table.query({ KeyConditionExpression: Key('pk').eq('bench') })) {
    if (item.sk !== undefined) seen++;
  }
  return seen;
}

async function rawLoads(count: number): Promise<number> {
  const client = cannedS3Client(0);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const head = await client.send(new HeadObjectCommand({ Bucket: 'bench', Key: `k${i}` }));
    total += head.ContentLength ?? 0;
  }
  return total;
}

async function libLoads(count: number): Promise<number> {
  const { S3 } = loadBuilt<S3Module>('s3');
  const s3 = new S3({ client: cannedS3Client(0) });
  let total = 0;
  for (let i = 0; i < count; i++) total += (await s3.Object('bench', `k${i}`).contentLength) ?? 0;
  return total;
}

/**
 * Runs raw and library jobs alternately (so drift in the machine's load hits both alike),
 * after one warm-up each, and reports the median CPU time of each. Both must give the same
 * result, so the two sides provably did the same work.
 */
async function compare(
  job: string,
  runs: number,
  raw: () => Promise<number>,
  lib: () => Promise<number>,
): Promise<Comparison> {
  const [expected, got] = [await raw(), await lib()];
  if (expected !== got) throw new Error(`${job}: raw gave ${expected}, aws-resources ${got}`);
  const rawTimes: number[] = [];
  const libTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    rawTimes.push(await cpuMs(raw));
    libTimes.push(await cpuMs(lib));
  }
  return { job, rawMs: median(rawTimes), libMs: median(libTimes) };
}

/** The sizes of a full run and of a smoke run. */
export function overheadSizes(smoke: boolean) {
  return {
    keys: smoke ? 5_000 : 200_000,
    items: smoke ? 5_000 : 100_000,
    loads: smoke ? 500 : 10_000,
    runs: smoke ? 3 : 9,
  };
}

/** The engine-overhead comparisons, sized for a full run or a smoke run. */
export async function engineOverhead(smoke: boolean): Promise<Comparison[]> {
  const { keys, items, loads, runs } = overheadSizes(smoke);
  const count = (n: number) => n.toLocaleString('en');
  return [
    await compare(
      `iterate ${count(keys)} S3 keys: \`bucket.objects.all()\` vs \`paginateListObjectsV2\``,
      runs,
      () => rawListing(keys),
      () => libListing(keys),
    ),
    await compare(
      `${count(items)} DynamoDB items: \`table.query()\` vs lib-dynamodb \`paginateQuery\``,
      runs,
      () => rawQuery(items),
      () => libQuery(items),
    ),
    await compare(
      `${count(loads)} lazy loads (\`await obj.contentLength\`) vs \`HeadObject\``,
      runs,
      () => rawLoads(loads),
      () => libLoads(loads),
    ),
  ];
}
