/**
 * The first hour of a new user, from the outside: the packed package installed into a fresh
 * strict-TypeScript project (ES modules, NodeNext), one program compiled by `tsc` and run by
 * Node against the emulator. It catches a service exception imported from the entry point,
 * uses a typed table (and the compiler refuses its misuses: every `@ts-expect-error` must be
 * needed), gets `ParamValidationError` with no request for bad input, builds and invokes a
 * Lambda function from in-memory sources, and uploads and downloads a directory.
 */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureRole } from '../support/lambda.js';
import { testEndpoint, uniqueName } from '../support/emulator.js';
import { consumerEnv, packedProject, strictTsconfig, tsc } from '../support/packed-project.js';

/** moto's account when a request names none, which is what the consumer's clients do. */
const DEFAULT_ACCOUNT = '123456789012';

const PROGRAM = `
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParamValidationError } from 'aws-resources';
import { DynamoDB, ConditionalCheckFailedException } from 'aws-resources/dynamodb';
import { Lambda } from 'aws-resources/lambda';
import { S3 } from 'aws-resources/s3';

const { ENDPOINT, ROLE, NAME } = process.env;
if (!ENDPOINT || !ROLE || !NAME) throw new Error('ENDPOINT, ROLE and NAME are needed');
const config = { region: 'us-east-1', endpoint: ENDPOINT };
const report: Record<string, unknown> = {};

/** Counts the requests a service object's client sends. */
function counted(service: { meta: { client: { middlewareStack: { add(m: never, o: object): void } } } }) {
  const count = { requests: 0 };
  const middleware = (next: (args: unknown) => unknown) => (args: unknown) => {
    count.requests += 1;
    return next(args);
  };
  service.meta.client.middlewareStack.add(middleware as never, { step: 'finalizeRequest' });
  return count;
}

// 1. A typed table, and a service exception caught from the entry point.
type Order = { pk: string; total: number; status: 'open' | 'paid' };
const dynamodb = new DynamoDB(config);
const table = await dynamodb.createTable({
  TableName: NAME,
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
  BillingMode: 'PAY_PER_REQUEST',
});
await table.waitUntilExists({ minDelay: 0.05, maxDelay: 0.1, maxWaitTime: 10 });
const orders = dynamodb.Table<Order, 'pk'>(NAME);
await orders.putItem({ Item: { pk: 'o1', total: 30, status: 'open' } });
try {
  await orders.putItem({
    Item: { pk: 'o1', total: 1, status: 'paid' },
    ConditionExpression: orders.attr('pk').notExists(),
  });
  report.conditionFailed = false;
} catch (error) {
  report.conditionFailed = error instanceof ConditionalCheckFailedException;
}
const { Item } = await orders.getItem({ Key: { pk: 'o1' } });
const total: number | undefined = Item?.total;
report.total = total;
const open: Order[] = await orders
  .query({ KeyConditionExpression: orders.key('pk').eq('o1'), FilterExpression: orders.attr('status').eq('open') })
  .toArray();
report.open = open.map((o) => o.pk);
const { Attributes } = await orders.updateItem({
  Key: { pk: 'o1' },
  UpdateExpression: 'SET #s = :s',
  ExpressionAttributeNames: { '#s': 'status' },
  ExpressionAttributeValues: { ':s': 'paid' },
  ReturnValues: 'ALL_NEW',
});
const status: 'open' | 'paid' | undefined = Attributes?.status;
report.status = status;
report.printed = String(orders.key('pk').eq('o1'));
// Misuses the compiler refuses; never run.
if (NAME === '') {
  // @ts-expect-error an Order has a total
  await orders.putItem({ Item: { pk: 'o2', status: 'open' } });
  // @ts-expect-error the key is pk alone
  await orders.getItem({ Key: { pk: 'o1', total: 3 } });
  // @ts-expect-error no such attribute
  orders.attr('totl');
  // @ts-expect-error pk is a string
  orders.key('pk').eq(1);
}

// 2. Bad input: ParamValidationError, and no request.
const s3 = new S3({ ...config, forcePathStyle: true });
const s3Requests = counted(s3);
const lambda = new Lambda(config);
const lambdaRequests = counted(lambda);
const refused: Record<string, boolean> = {};
async function refuses(name: string, attempt: () => unknown) {
  try {
    await attempt();
    refused[name] = false;
  } catch (error) {
    refused[name] = error instanceof ParamValidationError;
  }
}
await refuses('putObject Key ""', () => s3.Bucket(NAME).putObject({ Key: '' }));
await refuses('createBucket Bucket ""', () => s3.createBucket({ Bucket: '' }));
await refuses('delete({ abortSignal })', () =>
  // @ts-expect-error options go in the second argument
  s3.Bucket(NAME).objects.all().delete({ abortSignal: new AbortController().signal }),
);
await refuses('{ client, region }', () =>
  // @ts-expect-error config beside a client would not apply
  new S3({ client: s3.meta.client, region: 'eu-west-1' }),
);
await refuses("Function(' ')", () => lambda.Function(' '));
await refuses('Payload NaN', () => lambda.Function('f').invoke({ Payload: { ratio: Number.NaN } }));
// @ts-expect-error a Map is not JSON
await refuses('Payload Map', () => lambda.Function('f').invoke({ Payload: new Map() }));
report.refused = refused;
report.requestsForBadInput = s3Requests.requests + lambdaRequests.requests;

// 3. A function built from in-memory sources, then invoked.
const fn = await lambda.createFunction({
  FunctionName: NAME,
  Role: ROLE,
  Runtime: 'nodejs20.x',
  Handler: 'index.handler',
  Code: { files: { 'index.mjs': 'export const handler = async (event) => event;\\n' } },
});
report.codeSize = (await fn.codeSize) ?? 0;
const { payload } = await fn.invoke<{ width: number }>({ Payload: { width: 100 } });
report.invoked = payload;

// 4. A directory up, and down again.
const bucket = await s3.createBucket({ Bucket: NAME });
const source = mkdtempSync(join(tmpdir(), 'first-hour-up-'));
mkdirSync(join(source, 'nested'));
writeFileSync(join(source, 'a.txt'), 'alpha');
writeFileSync(join(source, 'nested', 'b.txt'), 'beta');
let lastTotal = 0;
const up = await bucket.uploadDirectory(source, {
  prefix: 'site/',
  onProgress: (progress) => (lastTotal = progress.total ?? -1),
});
report.uploaded = up.files.map((f) => f.key).sort();
report.progressTotal = lastTotal;
const target = mkdtempSync(join(tmpdir(), 'first-hour-down-'));
const down = await bucket.downloadDirectory(target, { prefix: 'site/' });
report.downloaded = down.files.length;
report.roundTrip = readFileSync(join(target, 'nested', 'b.txt'), 'utf8');

console.log(JSON.stringify(report));
`;

let dir: string | undefined;
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the first hour, in a fresh strict TypeScript project', () => {
  it('compiles, refuses misuses, and runs against the emulator', async () => {
    const project = packedProject('aws-resources-first-hour-', 'module');
    dir = project.dir;
    writeFileSync(join(dir, 'first-hour.mts'), PROGRAM);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      strictTsconfig({ outDir: 'out' }, ['first-hour.mts']),
    );
    expect(tsc(dir)).toBe('');

    const endpoint = testEndpoint();
    const role = await ensureRole({ endpoint, account: DEFAULT_ACCOUNT });
    const name = uniqueName('first-hour');
    const out = execFileSync(process.execPath, [join(dir, 'out', 'first-hour.mjs')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...consumerEnv, ENDPOINT: endpoint, ROLE: role, NAME: name },
    });
    const report = JSON.parse(out) as Record<string, unknown>;
    expect(report).toEqual({
      conditionFailed: true,
      total: 30,
      open: ['o1'],
      status: 'paid',
      printed: 'Key(pk) = "o1"',
      refused: {
        'putObject Key ""': true,
        'createBucket Bucket ""': true,
        'delete({ abortSignal })': true,
        '{ client, region }': true,
        "Function(' ')": true,
        'Payload NaN': true,
        'Payload Map': true,
      },
      requestsForBadInput: 0,
      codeSize: expect.any(Number),
      invoked: { width: 100 },
      uploaded: ['site/a.txt', 'site/nested/b.txt'],
      progressTotal: 9,
      downloaded: 2,
      roundTrip: 'beta',
    });
    expect(report.codeSize).toBeGreaterThan(0);
  }, 180_000);
});
