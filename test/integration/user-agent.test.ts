/**
 * The User-Agent of requests made through resources names the library
 * (`lib/aws-resources#<version>`), for a client the library makes and for one the user
 * passes in; the user's client keeps its config and stack, and what the user sends with it
 * directly does not name the library. Headers are read on the wire side of the v3 stack.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import type { FinalizeRequestMiddleware, MiddlewareStack } from '@smithy/types';
import { VERSION } from '../../src/core/version.js';
import { DynamoDB, ResourceNotFoundException } from '../../src/resources/dynamodb/index.js';
import { S3 } from '../../src/resources/s3/index.js';
import { dynamodbClient } from '../support/dynamodb.js';
import { clientConfig, s3Client, uniqueName } from '../support/emulator.js';
import { emptyAndDeleteBucket } from '../support/s3-fixture.js';

const { version } = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'),
) as { version: string };
const LIBRARY_ENTRY = `lib/aws-resources#${version}`;

interface Sent {
  readonly operation: string;
  readonly userAgent: string;
}

/** Records the User-Agent of every request `client` sends, as it goes on the wire. */
function captureUserAgents(client: {
  middlewareStack: Pick<MiddlewareStack<object, object>, 'add'>;
}): Sent[] {
  const sent: Sent[] = [];
  const capture: FinalizeRequestMiddleware<object, object> = (next, context) => (args) => {
    const headers = (args.request as { headers: Record<string, string> }).headers;
    sent.push({ operation: context.commandName ?? '?', userAgent: headers['user-agent'] ?? '' });
    return next(args);
  };
  // finalizeRequest runs after the build step, where the v3 middleware writes the header.
  client.middlewareStack.add(capture, {
    step: 'finalizeRequest',
    priority: 'low',
    name: 'captureUserAgent',
  });
  return sent;
}

/** How often the library's entry is in a User-Agent. */
function libraryEntries(userAgent: string): number {
  return userAgent.split(' ').filter((part) => part.startsWith('lib/aws-resources')).length;
}

const buckets: [S3Client, string][] = [];
afterAll(async () => {
  for (const [client, name] of buckets) await emptyAndDeleteBucket(client, name);
});

describe('the User-Agent of requests made through resources', () => {
  it('is the version package.json gives', () => {
    expect(VERSION).toBe(version);
    expect(LIBRARY_ENTRY).toMatch(/^lib\/aws-resources#\d+\.\d+\.\d+/);
  });

  it('names the library on a client the library made: actions, loads, pages, batches, waiters', async () => {
    const s3 = new S3({ ...clientConfig(), forcePathStyle: true });
    const sent = captureUserAgents(s3.meta.client);
    const bucket = await s3.createBucket({ Bucket: uniqueName('ua-own') });
    buckets.push([s3.meta.client, bucket.name]);
    await bucket.waitUntilExists({ minDelay: 0.05, maxDelay: 0.1, maxWaitTime: 5 });
    const obj = await bucket.putObject({ Key: 'k', Body: 'v' });
    await obj.load();
    await bucket.objects.pageSize(1).toArray();
    await bucket.objects.all().delete();

    expect(sent.map((s) => s.operation)).toEqual([
      'CreateBucketCommand',
      'HeadBucketCommand',
      'PutObjectCommand',
      'HeadObjectCommand',
      'ListObjectsV2Command',
      'ListObjectsV2Command',
      'DeleteObjectsCommand',
    ]);
    for (const { operation, userAgent } of sent) {
      expect([operation, userAgent.split(' ')]).toEqual([
        operation,
        expect.arrayContaining([LIBRARY_ENTRY]),
      ]);
      expect([operation, libraryEntries(userAgent)]).toEqual([operation, 1]);
    }
  });

  it("names the library on the user's client without changing it or the user's own requests", async () => {
    const client = s3Client();
    const sent = captureUserAgents(client);
    const stack = client.middlewareStack.identify();
    const customUserAgent = client.config.customUserAgent;
    const s3 = new S3({ client });

    const bucket = await s3.createBucket({ Bucket: uniqueName('ua-user') });
    buckets.push([client, bucket.name]);
    await bucket.load(); // a bucket loads from ListBuckets
    await client.send(new HeadBucketCommand({ Bucket: bucket.name })); // the user's own
    await bucket.waitUntilExists({ minDelay: 0.05, maxDelay: 0.1, maxWaitTime: 5 });
    await client.send(new HeadBucketCommand({ Bucket: bucket.name })); // and again, after

    expect(sent.map((s) => [s.operation, libraryEntries(s.userAgent)])).toEqual([
      ['CreateBucketCommand', 1],
      ['ListBucketsCommand', 1],
      ['HeadBucketCommand', 0],
      ['HeadBucketCommand', 1],
      ['HeadBucketCommand', 0],
    ]);
    // The SDK's own entries are still there, before the library's.
    expect(sent[0]?.userAgent).toMatch(/^aws-sdk-js\/\S+ .*lib\/aws-resources#/);
    expect(client.middlewareStack.identify()).toEqual(stack);
    expect(client.config.customUserAgent).toBe(customUserAgent);
    expect(s3.meta.client).toBe(client);
  });

  it("names the library on DynamoDB's document-client requests, not on the user's", async () => {
    const client: DynamoDBClient = dynamodbClient();
    const sent = captureUserAgents(client);
    const dynamodb = new DynamoDB({ client });
    const missing = dynamodb.Table(uniqueName('ua-missing'));
    // A lib-dynamodb GetCommand, sent (and refused: there is no such table).
    await expect(missing.getItem({ Key: { id: 'a' } })).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    await dynamodb.tables.limit(1).toArray();
    await client.send(new ListTablesCommand({ Limit: 1 }));
    client.destroy();

    expect(sent.map((s) => [s.operation, libraryEntries(s.userAgent)])).toEqual([
      ['GetItemCommand', 1],
      ['ListTablesCommand', 1],
      ['ListTablesCommand', 0],
    ]);
  });

  it('names the library on the S3 transfers, multipart parts included', async () => {
    const client = s3Client();
    const sent = captureUserAgents(client);
    const s3 = new S3({ client });
    const bucket = await s3.createBucket({ Bucket: uniqueName('ua-transfer') });
    buckets.push([client, bucket.name]);
    const dir = mkdtempSync(join(tmpdir(), 'ua-transfer-'));
    try {
      // 6 MiB in 5 MiB parts: a multipart upload through lib-storage.
      await bucket.uploadStream(Buffer.alloc(6 * 1024 * 1024, 1), 'big', {
        partSize: 5 * 1024 * 1024,
      });
      await bucket.Object('big').downloadFile(join(dir, 'big'), { partSize: 5 * 1024 * 1024 });
      await bucket.Object('copy').copyFrom({ CopySource: `${bucket.name}/big` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const operations = sent.map((s) => s.operation);
    expect(operations).toEqual(
      expect.arrayContaining([
        'CreateMultipartUploadCommand',
        'UploadPartCommand',
        'CompleteMultipartUploadCommand',
        'GetObjectCommand',
        'CopyObjectCommand',
      ]),
    );
    expect(sent.filter((s) => libraryEntries(s.userAgent) !== 1)).toEqual([]);
  });

  it("names the library on the batch writer's requests", async () => {
    const client: DynamoDBClient = dynamodbClient();
    const sent = captureUserAgents(client);
    const table = new DynamoDB({ client }).Table(uniqueName('ua-writer'));
    // No such table: the writer's one BatchWriteItem is refused, and is still counted.
    await expect(
      table.batchWriter((writer) => writer.putItem({ Item: { id: 'a' } })),
    ).rejects.toThrow();
    client.destroy();
    expect(sent.map((s) => [s.operation, libraryEntries(s.userAgent)])).toEqual([
      ['BatchWriteItemCommand', 1],
    ]);
  });
});
