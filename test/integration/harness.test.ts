/**
 * Proves the integration-test harness: the emulator from the global setup, the client
 * helpers and the request counter.
 */
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListBucketsCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { clientConfig, s3Client, testEndpoint, uniqueName } from '../support/emulator';
import { countRequests } from '../support/request-counter';

describe('integration harness', () => {
  it('points at the local emulator on 127.0.0.1 with dummy credentials', async () => {
    const endpoint = new URL(testEndpoint());
    expect(endpoint.hostname).toBe('127.0.0.1');
    expect(clientConfig()).toEqual({
      region: 'us-east-1',
      endpoint: testEndpoint(),
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    expect(process.env.AWS_ACCESS_KEY_ID).toBe('testing');
    expect(process.env.AWS_REGION).toBe('us-east-1');
    const res = await fetch(`${testEndpoint()}/moto-api/`);
    expect(res.status).toBe(200);
  });

  it('counts one CreateBucket and one ListBuckets, sent to 127.0.0.1', async () => {
    const client = s3Client();
    const counter = countRequests(client);
    const bucket = uniqueName('harness');
    try {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
      const listed = await client.send(new ListBucketsCommand({}));
      expect(listed.Buckets?.map((b) => b.Name)).toContain(bucket);

      expect(counter.total).toBe(2);
      expect(counter.byOperation).toEqual({ CreateBucket: 1, ListBuckets: 1 });
      expect(counter.count('CreateBucket')).toBe(1);
      expect(counter.count('ListBucketsCommand')).toBe(1);
      expect(counter.count('GetObject')).toBe(0);
      expect(counter.inputs).toEqual([
        { operation: 'CreateBucket', input: { Bucket: bucket } },
        { operation: 'ListBuckets', input: {} },
      ]);
      expect(counter.requests.map((r) => r.hostname)).toEqual(['127.0.0.1', '127.0.0.1']);
      expect(counter.requests[0]).toMatchObject({ method: 'PUT', operation: 'CreateBucket' });
      expect(counter.requests[0]?.path).toMatch(new RegExp(`^/${bucket}/?$`));

      // Presigning builds a URL without sending anything.
      const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: 'k' }));
      expect(new URL(url).hostname).toBe('127.0.0.1');
      expect(counter.total).toBe(2);

      counter.reset();
      expect(counter.total).toBe(0);
      expect(counter.byOperation).toEqual({});
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
      expect(counter.byOperation).toEqual({ HeadBucket: 1 });

      counter.remove();
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
      expect(counter.total).toBe(1);
    } finally {
      await client.send(new DeleteBucketCommand({ Bucket: bucket }));
      client.destroy();
    }
  });

  it('counts each client separately and refuses a second counter on one client', async () => {
    const a = s3Client();
    const b = s3Client();
    const countA = countRequests(a);
    const countB = countRequests(b);
    expect(() => countRequests(a)).toThrow(/already has a request counter/);
    await a.send(new ListBucketsCommand({}));
    await b.send(new ListBucketsCommand({}));
    await b.send(new ListBucketsCommand({}));
    expect(countA.total).toBe(1);
    expect(countB.total).toBe(2);
    countA.remove();
    const again = countRequests(a); // allowed once the first one is removed
    await a.send(new ListBucketsCommand({}));
    expect(again.total).toBe(1);
    expect(countA.total).toBe(1);
    a.destroy();
    b.destroy();
  });

  it('counts every HTTP attempt, including retries', async () => {
    const client = s3Client();
    const counter = countRequests(client);
    const handler = client.config.requestHandler as {
      handle: (...args: unknown[]) => Promise<unknown>;
    };
    const realHandle = handler.handle.bind(handler);
    let failures = 1;
    handler.handle = async (...args: unknown[]) => {
      if (failures-- > 0) {
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      }
      return realHandle(...args);
    };
    await client.send(new ListBucketsCommand({}));
    expect(counter.byOperation).toEqual({ ListBuckets: 2 });
    client.destroy();
  });

  it('makes valid, distinct S3 bucket names', () => {
    const names = Array.from({ length: 50 }, () => uniqueName('My_Prefix.Name'));
    expect(new Set(names).size).toBe(names.length);
    const long = uniqueName('x'.repeat(100));
    for (const name of [...names, long, uniqueName('-'), uniqueName()]) {
      expect(name).toMatch(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/);
      expect(name).not.toMatch(/--/);
    }
    expect(names[0].startsWith(`my-prefix-name-${process.pid.toString(36)}-`)).toBe(true);
  });
});
