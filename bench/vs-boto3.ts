/**
 * aws-resources against boto3 resources on the same moto server, in the same run: HTTP
 * requests per job (a v3 middleware here, botocore's `before-send` event there) and wall
 * time. moto is started here, on 127.0.0.1, and stopped at the end.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { countRequests, type RequestCounter } from '../test/support/request-counter.js';
import { Boto3Jobs, type Boto3Result } from './support/boto3.js';
import { loadBuilt, root } from './support/built.js';
import { median, wallMs } from './support/measure.js';
import {
  filledBucket,
  keyName,
  motoClients,
  table,
  taggedInstances,
  tempFile,
  type MotoClients,
} from './support/moto-fixtures.js';

type S3Module = typeof import('../src/resources/s3/index.js');
type DynamoDBModule = typeof import('../src/resources/dynamodb/index.js');
type EC2Module = typeof import('../src/resources/ec2/index.js');

interface Emulator {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** One job, both ways. */
export interface JobComparison {
  readonly job: string;
  /** The fewest requests the API allows for the job. */
  readonly minimum: number;
  readonly boto3Requests: number;
  readonly libRequests: number;
  readonly boto3Ms: number;
  readonly libMs: number;
  /** How aws-resources runs the job (concurrency used). */
  readonly how: string;
}

/** The outcome of the whole comparison. */
export interface Versus {
  readonly boto3Version: string;
  readonly jobs: JobComparison[];
}

/** Requests in flight for the jobs whose semantics allow concurrency (both sides alike). */
const CONCURRENCY = 4;

function sizes(smoke: boolean) {
  const MiB = 1024 * 1024;
  return smoke
    ? { keys: 300, items: 100, instances: 3, fileBytes: 10 * MiB, partSize: 5 * MiB, repeat: 1 }
    : { keys: 5000, items: 1000, instances: 20, fileBytes: 40 * MiB, partSize: 8 * MiB, repeat: 3 };
}

/** One job as each side runs it: the boto3 job line, the library's code, the API minimum. */
interface Job {
  readonly name: string;
  readonly minimum: number;
  readonly runs: number;
  readonly how: string;
  readonly boto3: (run: number) => Record<string, unknown>;
  readonly lib: (run: number) => Promise<number>;
}

function jobs(smoke: boolean, clients: MotoClients, fixtures: Fixtures): Job[] {
  const { S3 } = loadBuilt<S3Module>('s3');
  const { DynamoDB } = loadBuilt<DynamoDBModule>('dynamodb');
  const { EC2 } = loadBuilt<EC2Module>('ec2');
  const s3 = new S3({ client: clients.s3 });
  const ddb = new DynamoDB({ client: clients.dynamodb });
  const ec2 = new EC2({ client: clients.ec2 });
  const size = sizes(smoke);
  const pages = (n: number) => Math.ceil(n / 1000);
  const cheap = smoke ? 1 : 9;
  const count = (n: number) => n.toLocaleString('en');
  return [
    {
      name: "lazy reads of one object's attributes (4 attributes)",
      minimum: 1,
      runs: cheap,
      how: 'one HeadObject, shared by all reads',
      boto3: () => ({ job: 'lazy-reads', bucket: fixtures.listed, key: keyName(0) }),
      lib: async () => {
        const o = s3.Object(fixtures.listed, keyName(0));
        const [length] = [
          await o.contentLength,
          await o.eTag,
          await o.lastModified,
          await o.contentType,
        ];
        return length ?? -1;
      },
    },
    {
      name: `\`limit(10)\` of ${count(size.keys)} keys`,
      minimum: 1,
      runs: cheap,
      how: 'MaxKeys=10',
      boto3: () => ({ job: 'limit-10', bucket: fixtures.listed }),
      lib: async () => (await s3.Bucket(fixtures.listed).objects.limit(10).toArray()).length,
    },
    {
      name: `list ${count(size.keys)} keys`,
      minimum: pages(size.keys),
      runs: size.repeat,
      how: 'pages of 1,000',
      boto3: () => ({ job: 'list-keys', bucket: fixtures.listed }),
      lib: async () => {
        let seen = 0;
        for await (const o of s3.Bucket(fixtures.listed).objects.all()) if (o.key) seen++;
        return seen;
      },
    },
    {
      name: `delete ${count(size.keys)} keys (\`objects.all().delete()\`)`,
      minimum: 2 * pages(size.keys),
      runs: 1,
      how: `concurrency ${CONCURRENCY}: next page listed while DeleteObjects runs`,
      boto3: () => ({ job: 'delete-keys', bucket: fixtures.boto3Deletes }),
      lib: async () => {
        const outputs = await s3
          .Bucket(fixtures.libDeletes)
          .objects.all()
          .delete(undefined, { concurrency: CONCURRENCY });
        return outputs.reduce((n, output) => n + (output.Deleted?.length ?? 0), 0);
      },
    },
    {
      name: `batch-write ${count(size.items)} items (batch writer)`,
      minimum: Math.ceil(size.items / 25),
      runs: size.repeat,
      how: `${CONCURRENCY} batches in flight`,
      boto3: (run) => ({
        job: 'batch-write',
        table: fixtures.table,
        items: size.items,
        prefix: `boto3-${run}`,
      }),
      lib: async (run) => {
        await ddb.Table(fixtures.table).batchWriter(
          async (writer) => {
            for (let i = 0; i < size.items; i++) {
              await writer.putItem({
                Item: { id: `lib-${run}-${i}`, n: i, payload: 'x'.repeat(100) },
              });
            }
          },
          { concurrency: CONCURRENCY },
        );
        return size.items;
      },
    },
    {
      name: `list ${count(size.instances)} instances by tag filter`,
      minimum: 1,
      runs: smoke ? 1 : 5,
      how: 'one DescribeInstances',
      boto3: () => ({
        job: 'instances-by-filter',
        tagKey: fixtures.tag.Key,
        tagValue: fixtures.tag.Value,
      }),
      lib: async () => {
        let seen = 0;
        const filters = [{ Name: `tag:${fixtures.tag.Key}`, Values: [fixtures.tag.Value] }];
        for await (const i of ec2.instances.filter({ Filters: filters })) if (i.id) seen++;
        return seen;
      },
    },
    {
      name: `upload a ${size.fileBytes / 2 ** 20} MiB file in ${size.partSize / 2 ** 20} MiB parts`,
      minimum: 2 + Math.ceil(size.fileBytes / size.partSize),
      runs: size.repeat,
      how: `${CONCURRENCY} parts in flight (boto3 too)`,
      boto3: (run) => ({
        job: 'multipart-upload',
        bucket: fixtures.uploads,
        key: `boto3-${run}`,
        file: fixtures.file,
        size: size.fileBytes,
        partSize: size.partSize,
        concurrency: CONCURRENCY,
      }),
      lib: async (run) => {
        await s3.Bucket(fixtures.uploads).uploadFile(fixtures.file, `lib-${run}`, {
          partSize: size.partSize,
          concurrency: CONCURRENCY,
        });
        return size.fileBytes;
      },
    },
  ];
}

interface Fixtures {
  readonly listed: string;
  readonly boto3Deletes: string;
  readonly libDeletes: string;
  readonly uploads: string;
  readonly table: string;
  readonly tag: { Key: string; Value: string };
  readonly file: string;
}

async function makeFixtures(smoke: boolean, clients: MotoClients): Promise<Fixtures> {
  const size = sizes(smoke);
  // boto3 lists the bucket it deletes later; both sides list the same one.
  const fixtures: Fixtures = {
    listed: 'bench-boto3-deletes',
    boto3Deletes: 'bench-boto3-deletes',
    libDeletes: 'bench-lib-deletes',
    uploads: 'bench-uploads',
    table: 'bench-items',
    tag: { Key: 'bench', Value: 'vs-boto3' },
    file: tempFile(size.fileBytes),
  };
  await Promise.all([
    filledBucket(clients.s3, fixtures.boto3Deletes, size.keys),
    filledBucket(clients.s3, fixtures.libDeletes, size.keys),
    filledBucket(clients.s3, fixtures.uploads, 0),
    table(clients.dynamodb, fixtures.table),
    taggedInstances(clients.ec2, size.instances, fixtures.tag),
  ]);
  return fixtures;
}

/** Times one library run and counts its requests on every client. */
async function runLib(
  job: Job,
  run: number,
  counters: RequestCounter[],
): Promise<{ ms: number; requests: number; result: number }> {
  counters.forEach((counter) => counter.reset());
  let result = 0;
  const ms = await wallMs(async () => {
    result = await job.lib(run);
  });
  return { ms, requests: counters.reduce((n, counter) => n + counter.total, 0), result };
}

/** Runs every job both ways, alternating which side goes first, and compares them. */
export async function versusBoto3(smoke: boolean): Promise<Versus> {
  const emulatorModule = (await import(
    pathToFileURL(join(root, 'scripts', 'emulator.mjs')).href
  )) as {
    startEmulator(): Promise<Emulator>;
    findPython(): Promise<string>;
  };
  const emulator = await emulatorModule.startEmulator();
  const clients = motoClients(emulator.endpoint);
  const counters = [
    countRequests(clients.s3),
    countRequests(clients.dynamodb),
    countRequests(clients.ec2),
  ];
  let boto3: Boto3Jobs | undefined;
  let file: string | undefined;
  try {
    const fixtures = await makeFixtures(smoke, clients);
    file = fixtures.file;
    const started = await Boto3Jobs.start(await emulatorModule.findPython(), emulator.endpoint);
    boto3 = started.jobs;
    await boto3.run({ job: 'warm-up' });
    const warm = loadBuilt<S3Module>('s3');
    await new warm.S3({ client: clients.s3 }).buckets.toArray();
    const results: JobComparison[] = [];
    for (const job of jobs(smoke, clients, fixtures)) {
      const theirs: Boto3Result[] = [];
      const ours: { ms: number; requests: number; result: number }[] = [];
      for (let run = 0; run < job.runs; run++) {
        // Alternate who goes first, so a slow patch of the machine hits both alike.
        if (run % 2 === 0) theirs.push(await boto3.run(job.boto3(run)));
        ours.push(await runLib(job, run, counters));
        if (run % 2 === 1) theirs.push(await boto3.run(job.boto3(run)));
      }
      const [boto3First, libFirst] = [theirs[0], ours[0]];
      if (!boto3First || !libFirst) throw new Error(`${job.name}: no run`);
      if (boto3First.result !== libFirst.result) {
        throw new Error(
          `${job.name}: boto3 gave ${boto3First.result}, aws-resources ${libFirst.result}`,
        );
      }
      results.push({
        job: job.name,
        minimum: job.minimum,
        boto3Requests: Math.max(...theirs.map((r) => r.requests)),
        libRequests: Math.max(...ours.map((r) => r.requests)),
        boto3Ms: median(theirs.map((r) => r.ms)),
        libMs: median(ours.map((r) => r.ms)),
        how: job.how,
      });
    }
    return { boto3Version: started.version, jobs: results };
  } finally {
    await boto3?.close();
    counters.forEach((counter) => counter.remove());
    Object.values(clients).forEach((client) => client.destroy());
    await emulator.stop();
    if (file) rmSync(file, { force: true });
  }
}
