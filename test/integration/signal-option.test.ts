/**
 * Every family of options takes its signal as `abortSignal` or `signal`: a `signal` that is
 * not an AbortSignal, or two different signals, is refused before any request, naming the
 * option; an already-aborted `signal` sends nothing, as an `abortSignal` does.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { AbortError, ParamValidationError } from '../../src/index.js';
import { CloudWatch } from '../../src/resources/cloudwatch/index.js';
import { DynamoDB } from '../../src/resources/dynamodb/index.js';
import { S3 } from '../../src/resources/s3/index.js';
import { S3Control } from '../../src/resources/s3control/index.js';
import { SQS } from '../../src/resources/sqs/index.js';
import { clientConfig, s3Client } from '../support/emulator.js';
import { dynamodbClient } from '../support/dynamodb.js';
import { countRequests, type RequestCounter } from '../support/request-counter.js';
import { cloudwatchClient, sqsClient } from '../support/sns-cloudwatch.js';

const clients = {
  s3: s3Client(),
  dynamodb: dynamodbClient(),
  sqs: sqsClient(),
  cloudwatch: cloudwatchClient(),
  s3control: new S3ControlClient(clientConfig()),
};
const counters: RequestCounter[] = Object.values(clients).map((c) => countRequests(c as never));
const sent = () => counters.reduce((total, c) => total + c.total, 0);

const s3 = new S3({ client: clients.s3 });
const dynamodb = new DynamoDB({ client: clients.dynamodb });
const sqs = new SQS({ client: clients.sqs });
const cloudwatch = new CloudWatch({ client: clients.cloudwatch });
const s3control = new S3Control({ client: clients.s3control });
const bucket = s3.Bucket('signal-option');
const table = dynamodb.Table('signal-option');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signal-option-'));
  await writeFile(join(dir, 'a.txt'), 'a');
});
afterAll(async () => {
  for (const counter of counters) counter.remove();
  for (const client of Object.values(clients)) client.destroy();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  for (const counter of counters) counter.reset();
});

type Options = Record<string, unknown>;
const batchJob = { accountId: '123456789012', roleArn: 'arn:aws:iam::123456789012:role/r' };

/** Each family: a call taking `options` (as plain JavaScript would pass them). */
const families: Array<[string, (options: Options) => unknown]> = [
  ['a request', (o) => bucket.Object('k').load(o as never)],
  [
    'collection iterate',
    (o) =>
      bucket.objects
        .all()
        .iterate(o as never)
        .next(),
  ],
  [
    'collection pages',
    (o) =>
      bucket.objects
        .all()
        .pages(o as never)
        .next(),
  ],
  ['collection toArray', (o) => bucket.objects.all().toArray(o as never)],
  ['collection first', (o) => bucket.objects.all().first(o as never)],
  ['batch action', (o) => bucket.objects.all().delete({}, o as never)],
  [
    'parallel scan',
    (o) =>
      table
        .scan()
        .parallel(4, { concurrency: 8, ...o })
        .next(),
  ],
  ['waiter', (o) => bucket.waitUntilExists(o as never)],
  [
    'S3 Control waitUntilComplete',
    (o) => s3control.BatchJob('123456789012', 'job-1').waitUntilComplete(o as never),
  ],
  [
    'SQS messages',
    (o) =>
      sqs
        .Queue('https://example.invalid/1/q')
        .messages({}, o as never)
        .next(),
  ],
  ['uploadFile', (o) => bucket.uploadFile(join(dir, 'a.txt'), 'a.txt', o as never)],
  ['downloadFile', (o) => bucket.downloadFile('a.txt', join(dir, 'b.txt'), o as never)],
  ['copy', (o) => bucket.copy({ Bucket: 'other', Key: 'k' }, 'k', o as never)],
  ['uploadDirectory', (o) => bucket.uploadDirectory(dir, o as never)],
  ['downloadDirectory', (o) => bucket.downloadDirectory(dir, o as never)],
  ['shards', (o) => bucket.objects.filter({ Prefix: 'p/' }).shards(o as never)],
  ['batch writer', (o) => table.batchWriter(async (w) => w.putItem({ Item: { id: 'a' } }), o)],
  [
    'batch get retries',
    (o) => dynamodb.batchGetItem({ RequestItems: { t: { Keys: [{ id: 'a' }] } } }, o as never),
  ],
  [
    'CloudWatch putData',
    (o) => cloudwatch.Metric('ns', 'm').putData({ MetricData: [{ Value: 1 }] }, o as never),
  ],
  [
    'toBatchJob',
    (o) =>
      bucket.objects.filter({ Prefix: 'p/' }).toBatchJob({
        s3control,
        ...batchJob,
        operation: { deleteTags: true },
        report: false,
        ...o,
      }),
  ],
];

/** The error `run` throws or rejects with. */
async function failure(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe.each(families)('%s', (_family, call) => {
  it('refuses a signal that is not an AbortSignal, before any request', async () => {
    const error = await failure(() => call({ signal: 'soon' }));
    expect(error).toBeInstanceOf(ParamValidationError);
    expect((error as Error).message).toMatch(
      /: options\.signal must be an AbortSignal, got "soon"$/,
    );
    expect(sent()).toBe(0);
  });

  it('refuses two different signals, before any request', async () => {
    const both = {
      abortSignal: new AbortController().signal,
      signal: new AbortController().signal,
    };
    const error = await failure(() => call(both));
    expect(error).toBeInstanceOf(ParamValidationError);
    expect((error as Error).message).toMatch(
      /: options\.abortSignal and options\.signal are two different signals: pass one of them$/,
    );
    expect(sent()).toBe(0);
  });

  it('an aborted signal, given as signal, ends the call as abortSignal does', async () => {
    const outcome = async (options: Options) => {
      for (const counter of counters) counter.reset();
      const error = await failure(() => call(options));
      return {
        error: (error as Error).constructor,
        message: (error as Error).message,
        sent: sent(),
      };
    };
    const asAbortSignal = await outcome({ abortSignal: AbortSignal.abort() });
    const asSignal = await outcome({ signal: AbortSignal.abort() });
    expect(asSignal).toEqual(asAbortSignal);
    // An aborted call raises the library's AbortError (the batch writer: as the cause of
    // what it could not write).
    const error = await failure(() => call({ signal: AbortSignal.abort() }));
    expect(error instanceof AbortError || (error as Error).cause instanceof AbortError).toBe(true);
  });
});
