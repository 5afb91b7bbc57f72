/**
 * How failures surface against moto: bad identifiers and params fail before any request,
 * service errors are the v3 client's own, and an aborted signal sends nothing.
 */
import { PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { uniqueName } from '../support/emulator.js';
import { useS3Fixture } from '../support/s3-fixture.js';
import {
  AbortError,
  AwsResourcesError,
  IdentifierError,
  ParamValidationError,
} from '../../src/index.js';

const { client, counter, s3, bucket } = useS3Fixture('errors');

beforeAll(async () => {
  await client.send(new PutObjectCommand({ Bucket: bucket.name, Key: 'k', Body: 'x' }));
});

/** What `fn` throws (synchronously or as a rejection). */
async function caught(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, none was thrown');
}

describe('identifiers', () => {
  it.each([
    ["s3.Bucket('')", () => s3.Bucket(''), 'Bucket', 'name', /must not be empty/],
    [
      "s3.Object('b', undefined)",
      () => s3.Object('b', undefined as never),
      'S3Object',
      'key',
      /is missing/,
    ],
    ["s3.Object('', 'k')", () => s3.Object('', 'k'), 'S3Object', 'bucketName', /must not be empty/],
    ["bucket.Object('')", () => bucket.Object(''), 'S3Object', 'key', /must not be empty/],
    [
      's3.Bucket(42)',
      () => s3.Bucket(42 as never),
      'Bucket',
      'name',
      /must be a string, got number/,
    ],
    [
      "s3.MultipartUploadPart('b', 'k', 'u', 1.5)",
      () => s3.MultipartUploadPart('b', 'k', 'u', 1.5),
      'MultipartUploadPart',
      'partNumber',
      /must be an integer/,
    ],
    [
      "obj.Version('')",
      () => s3.Object('b', 'k').Version(''),
      'ObjectVersion',
      'id',
      /must not be empty/,
    ],
  ])('%s throws IdentifierError naming it, before any request', async (_, make, type, id, why) => {
    const error = await caught(make);
    expect(error).toBeInstanceOf(IdentifierError);
    expect(error).toBeInstanceOf(ParamValidationError);
    expect(error).toMatchObject({ resource: type, identifier: id });
    expect((error as Error).message).toContain(`${type}: identifier '${id}'`);
    expect((error as Error).message).toMatch(why);
    expect(counter.total).toBe(0);
  });
});

describe('params', () => {
  it('passing Bucket to bucket.putObject throws ParamValidationError before any request', async () => {
    const error = await caught(() =>
      bucket.putObject({ Bucket: 'other', Key: 'k2', Body: 'x' } as never),
    );
    expect(error).toBeInstanceOf(ParamValidationError);
    expect((error as Error).message).toMatch(/'Bucket'/);
    expect(counter.total).toBe(0);
  });

  it('passing Key to obj.get throws ParamValidationError before any request', async () => {
    const error = await caught(() => bucket.Object('k').get({ Key: 'other' } as never));
    expect(error).toBeInstanceOf(ParamValidationError);
    expect(counter.total).toBe(0);
  });

  it('bad options and waiter settings are refused before any request', async () => {
    expect(
      await caught(() => bucket.Object('k').load({ abortSignal: 'no' } as never)),
    ).toBeInstanceOf(ParamValidationError);
    expect(await caught(() => bucket.waitUntilExists({ minDelay: -1 }))).toBeInstanceOf(
      ParamValidationError,
    );
    expect(await caught(() => bucket.waitUntilExists({ minDelay: 5, maxDelay: 1 }))).toBeInstanceOf(
      ParamValidationError,
    );
    // The v3 waiter itself would refuse this with a plain Error.
    expect(
      await caught(() => bucket.waitUntilExists({ minDelay: 2, maxWaitTime: 2 })),
    ).toBeInstanceOf(ParamValidationError);
    expect(counter.total).toBe(0);
  });
});

describe('service errors', () => {
  it("a missing bucket's objects.all().toArray() rejects with the v3 NoSuchBucket error", async () => {
    const missing = s3.Bucket(uniqueName('errors-missing'));
    const error = await caught(() => missing.objects.all().toArray());
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error).not.toBeInstanceOf(AwsResourcesError);
    expect(error).toMatchObject({
      name: 'NoSuchBucket',
      $fault: 'client',
      $metadata: { httpStatusCode: 404 },
    });
    expect(counter.byOperation).toEqual({ ListObjectsV2: 1 });
  });

  it('an action on a missing bucket rejects with the v3 error', async () => {
    const missing = s3.Bucket(uniqueName('errors-missing'));
    const error = await caught(() => missing.putObject({ Key: 'k', Body: 'x' }));
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error).toMatchObject({ name: 'NoSuchBucket' });
  });

  it('exists() passes through errors that do not mean "not found"', async () => {
    // A failure below the service (here: refused by a middleware) is not "false".
    client.middlewareStack.add(
      () => () => Promise.reject(Object.assign(new Error('denied'), { name: 'AccessDenied' })),
      { step: 'initialize', name: 'denyAll' },
    );
    try {
      await expect(bucket.Object('k').exists()).rejects.toMatchObject({ name: 'AccessDenied' });
    } finally {
      client.middlewareStack.remove('denyAll');
    }
  });
});

describe('abort', () => {
  const aborted = (): AbortSignal => AbortSignal.abort();

  it.each([
    ['an action', () => bucket.putObject({ Key: 'k3', Body: 'x' }, { abortSignal: aborted() })],
    ['a load', () => bucket.Object('k').load({ abortSignal: aborted() })],
    ['exists()', () => bucket.Object('k').exists({ abortSignal: aborted() })],
    ['get()', () => bucket.Object('k').get(undefined, { abortSignal: aborted() })],
    ['a listing', () => bucket.objects.all().toArray({ abortSignal: aborted() })],
    ['first()', () => bucket.objects.all().first({ abortSignal: aborted() })],
    ['a batch action', () => bucket.objects.all().delete(undefined, { abortSignal: aborted() })],
    ['a waiter', () => bucket.waitUntilExists({ abortSignal: aborted(), minDelay: 0.1 })],
  ])('an aborted signal before %s gives AbortError and sends nothing', async (_, run) => {
    const error = await caught(run);
    expect(error).toBeInstanceOf(AbortError);
    expect(counter.total).toBe(0);
  });

  it('aborting a waiter while it polls gives AbortError and stops polling', async () => {
    const controller = new AbortController();
    const missing = s3.Bucket(uniqueName('errors-never'));
    const waiting = missing.waitUntilExists({
      abortSignal: controller.signal,
      minDelay: 0.05,
      maxDelay: 0.1,
      maxWaitTime: 10,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    controller.abort();
    await expect(waiting).rejects.toThrow(AbortError);
    const sent = counter.total;
    expect(sent).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(counter.total).toBe(sent);
  });
});
