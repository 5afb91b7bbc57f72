/**
 * Collections against moto: filter, limit, pageSize, pages, first, immutability, early
 * exit and cancellation, and batch delete with its partial-failure error.
 */
import {
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  type DeleteObjectsCommandOutput,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-s3';
import type { InitializeMiddleware } from '@smithy/types';
import { useS3Fixture } from '../support/s3-fixture.js';
import { Bucket, DeleteObjectsError, ObjectSummary } from '../../src/resources/s3/index.js';
import { AbortError, BatchActionError, ParamValidationError } from '../../src/index.js';

// bucket: the shared, read-only listing bucket, a/01..a/12, b/1..b/5, top1..top3 (20 objects).
const { client, counter, bucket, newBucket: emptyBucket } = useS3Fixture('coll');

const A_KEYS = Array.from({ length: 12 }, (_, i) => `a/${String(i + 1).padStart(2, '0')}`);
const B_KEYS = ['b/1', 'b/2', 'b/3', 'b/4', 'b/5'];
const TOP_KEYS = ['top1', 'top2', 'top3'];
const ALL_KEYS = [...A_KEYS, ...B_KEYS, ...TOP_KEYS].sort();

async function putKeys(target: Bucket, keys: string[]): Promise<void> {
  await Promise.all(
    keys.map((Key) => client.send(new PutObjectCommand({ Bucket: target.name, Key, Body: Key }))),
  );
}

/** A new bucket holding these keys (each its own body), deleted after the file. */
async function newBucket(prefix: string, keys: string[]): Promise<Bucket> {
  const target = await emptyBucket(prefix);
  await putKeys(target, keys);
  return target;
}

function keysOf(items: ObjectSummary[]): string[] {
  return items.map((o) => o.key);
}

/** The MaxKeys of each ListObjectsV2 request counted so far. */
function maxKeysSent(): Array<number | undefined> {
  return counter.inputs
    .filter((i) => i.operation === 'ListObjectsV2')
    .map((i) => (i.input as { MaxKeys?: number }).MaxKeys);
}

beforeAll(() => putKeys(bucket, ALL_KEYS));

describe('collection queries', () => {
  it('all() lists every object with one request; for await on the manager does too', async () => {
    expect(keysOf(await bucket.objects.all().toArray())).toEqual(ALL_KEYS);
    const keys: string[] = [];
    for await (const o of bucket.objects) keys.push(o.key);
    expect(keys).toEqual(ALL_KEYS);
    expect(counter.inputs).toEqual([
      { operation: 'ListObjectsV2', input: { Bucket: bucket.name } },
      { operation: 'ListObjectsV2', input: { Bucket: bucket.name } },
    ]);
  });

  it('filter({ Prefix }) lists only the keys under it', async () => {
    expect(keysOf(await bucket.objects.filter({ Prefix: 'b/' }).toArray())).toEqual(B_KEYS);
    expect(counter.inputs).toEqual([
      { operation: 'ListObjectsV2', input: { Bucket: bucket.name, Prefix: 'b/' } },
    ]);
  });

  it('filter({ Delimiter }) yields the top-level objects, not the common prefixes', async () => {
    const top = await bucket.objects.filter({ Delimiter: '/' }).toArray();
    expect(keysOf(top)).toEqual(TOP_KEYS);
    expect(counter.inputs[0]?.input).toEqual({ Bucket: bucket.name, Delimiter: '/' });
  });

  it('chained filters merge their params', async () => {
    const query = bucket.objects.filter({ Prefix: 'a/' }).filter({ StartAfter: 'a/09' });
    expect(keysOf(await query.toArray())).toEqual(['a/10', 'a/11', 'a/12']);
    expect(counter.inputs[0]?.input).toEqual({
      Bucket: bucket.name,
      Prefix: 'a/',
      StartAfter: 'a/09',
    });
  });

  it('limit(n) sends one request asking for n keys', async () => {
    expect(keysOf(await bucket.objects.limit(3).toArray())).toEqual(ALL_KEYS.slice(0, 3));
    expect(counter.inputs).toEqual([
      { operation: 'ListObjectsV2', input: { Bucket: bucket.name, MaxKeys: 3 } },
    ]);
    counter.reset();
    expect(await bucket.objects.limit(0).toArray()).toEqual([]);
    expect(counter.total).toBe(0);
  });

  it('pageSize(n) pages with n keys per request and the continuation token', async () => {
    const sizes: number[] = [];
    const keys: string[] = [];
    for await (const page of bucket.objects.pageSize(7).pages()) {
      sizes.push(page.length);
      keys.push(...keysOf(page));
    }
    expect(sizes).toEqual([7, 7, 6]);
    expect(keys).toEqual(ALL_KEYS);
    expect(maxKeysSent()).toEqual([7, 7, 7]);
    const tokens = counter.inputs.map(
      (i) => (i.input as { ContinuationToken?: string }).ContinuationToken,
    );
    expect(tokens[0]).toBeUndefined();
    expect(tokens[1]).toEqual(expect.any(String));
    expect(tokens[2]).toEqual(expect.any(String));
    expect(tokens[2]).not.toBe(tokens[1]);
  });

  it('limit with pageSize shrinks the last request to what is still needed', async () => {
    const items = await bucket.objects.pageSize(5).limit(12).toArray();
    expect(keysOf(items)).toEqual(ALL_KEYS.slice(0, 12));
    expect(maxKeysSent()).toEqual([5, 5, 2]);
  });

  it('pages() on the manager pages with the default page size', async () => {
    const pages: ObjectSummary[][] = [];
    for await (const page of bucket.objects.pages()) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(keysOf(pages[0] ?? [])).toEqual(ALL_KEYS);
  });

  it('first() asks for one key; it is undefined for an empty listing', async () => {
    const first = await bucket.objects.filter({ Prefix: 'b/' }).first();
    expect(first).toBeInstanceOf(ObjectSummary);
    expect(first?.key).toBe('b/1');
    expect(await first?.size).toBe(3);
    expect(await bucket.objects.filter({ Prefix: 'nothing/' }).first()).toBeUndefined();
    expect(counter.inputs.map((i) => i.input)).toEqual([
      { Bucket: bucket.name, Prefix: 'b/', MaxKeys: 1 },
      { Bucket: bucket.name, Prefix: 'nothing/', MaxKeys: 1 },
    ]);
  });

  it('collections are immutable: every chained call returns a new query', async () => {
    const base = bucket.objects.all();
    const underA = base.filter({ Prefix: 'a/' });
    const two = underA.limit(2);
    const paged = underA.pageSize(4);
    expect(new Set([base, underA, two, paged, base.all()]).size).toBe(5);
    expect(counter.total).toBe(0); // building queries sends nothing

    expect(keysOf(await two.toArray())).toEqual(['a/01', 'a/02']);
    expect(keysOf(await underA.toArray())).toEqual(A_KEYS);
    expect(keysOf(await base.toArray())).toEqual(ALL_KEYS);
    expect(keysOf(await paged.toArray())).toEqual(A_KEYS);
    expect(counter.inputs.map((i) => i.input)).toEqual([
      { Bucket: bucket.name, Prefix: 'a/', MaxKeys: 2 },
      { Bucket: bucket.name, Prefix: 'a/' },
      { Bucket: bucket.name },
      { Bucket: bucket.name, Prefix: 'a/', MaxKeys: 4 },
      expect.objectContaining({ Prefix: 'a/', MaxKeys: 4 }),
      expect.objectContaining({ Prefix: 'a/', MaxKeys: 4 }),
    ]);
  });

  it('a filter object changed after the call does not change the query', async () => {
    const params = { Prefix: 'b/' };
    const query = bucket.objects.filter(params);
    params.Prefix = 'a/';
    expect(keysOf(await query.toArray())).toEqual(B_KEYS);
  });

  it('a filter that sets the bucket fails before any request', async () => {
    const withBucket = bucket.objects.filter({ Bucket: 'other' } as never);
    await expect(withBucket.toArray()).rejects.toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });

  it('invalid limit and pageSize throw at once', () => {
    expect(() => bucket.objects.limit(-1)).toThrow(ParamValidationError);
    expect(() => bucket.objects.limit(1.5)).toThrow(ParamValidationError);
    expect(() => bucket.objects.pageSize(0)).toThrow(ParamValidationError);
    expect(() => bucket.objects.filter(null as never)).toThrow(ParamValidationError);
  });
});

describe('stopping early', () => {
  it('break stops further requests', async () => {
    const seen: string[] = [];
    for await (const o of bucket.objects.pageSize(5)) {
      seen.push(o.key);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(ALL_KEYS.slice(0, 2));
    expect(counter.byOperation).toEqual({ ListObjectsV2: 1 });
  });

  it('aborting after the first page rejects with AbortError and sends nothing more', async () => {
    const controller = new AbortController();
    const seen: string[] = [];
    const iterate = async () => {
      for await (const o of bucket.objects
        .pageSize(5)
        .iterate({ abortSignal: controller.signal })) {
        seen.push(o.key);
        if (seen.length === 5) controller.abort();
      }
    };
    await expect(iterate()).rejects.toThrow(AbortError);
    expect(seen).toEqual(ALL_KEYS.slice(0, 5));
    expect(counter.byOperation).toEqual({ ListObjectsV2: 1 });
  });

  it('aborting at item 5 of a 20-item page hands out no item 6', async () => {
    const controller = new AbortController();
    const reason = new Error('enough');
    const seen: string[] = [];
    const iterate = async () => {
      for await (const o of bucket.objects.all().iterate({ abortSignal: controller.signal })) {
        seen.push(o.key);
        if (seen.length === 5) controller.abort(reason);
      }
    };
    const error = await iterate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(reason);
    expect(seen).toEqual(ALL_KEYS.slice(0, 5));
    expect(counter.byOperation).toEqual({ ListObjectsV2: 1 });
  });

  it('aborting while ListObjectsV2 is in flight rejects with AbortError, the client error as cause', async () => {
    const controller = new AbortController();
    // Fire the signal as the request leaves, so the client's own abort ends it.
    client.middlewareStack.add(
      (next) => async (args) => {
        controller.abort();
        return next(args);
      },
      { step: 'finalizeRequest', name: 'abortListingInFlight' },
    );
    try {
      const error = await bucket.objects
        .all()
        .toArray({ abortSignal: controller.signal })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AbortError);
      // The v3 client's own error for the request it cut short.
      expect((error as AbortError).cause).toMatchObject({ name: 'AbortError' });
      expect((error as AbortError).cause).not.toBeInstanceOf(AbortError);
    } finally {
      client.middlewareStack.remove('abortListingInFlight');
    }
  });

  it('aborting pages() between pages rejects with AbortError', async () => {
    const controller = new AbortController();
    const pages = bucket.objects.pageSize(7).pages({ abortSignal: controller.signal });
    expect((await pages.next()).value).toHaveLength(7);
    controller.abort();
    await expect(pages.next()).rejects.toThrow(AbortError);
    expect(counter.byOperation).toEqual({ ListObjectsV2: 1 });
  });
});

describe('batch delete', () => {
  it('is offered on collections, not on the manager', () => {
    expect('delete' in bucket.objects).toBe(false);
    expect(typeof bucket.objects.all().delete).toBe('function');
  });

  it('filter(...).delete() sends one DeleteObjects per page, for the listed keys only', async () => {
    const target = await newBucket('coll-del', [
      'tmp/1',
      'tmp/2',
      'tmp/3',
      'tmp/4',
      'tmp/5',
      'keep',
    ]);
    counter.reset();

    const outputs = await target.objects.filter({ Prefix: 'tmp/' }).pageSize(2).delete();
    expect(outputs).toHaveLength(3);
    expect(outputs.flatMap((o) => o.Deleted?.map((d) => d.Key) ?? [])).toEqual([
      'tmp/1',
      'tmp/2',
      'tmp/3',
      'tmp/4',
      'tmp/5',
    ]);
    expect(counter.byOperation).toEqual({ ListObjectsV2: 3, DeleteObjects: 3 });
    const deletes = counter.inputs.filter((i) => i.operation === 'DeleteObjects');
    // toMatchObject: the SDK adds ChecksumAlgorithm to DeleteObjects itself.
    expect(deletes.map((d) => d.input)).toMatchObject([
      { Bucket: target.name, Delete: { Objects: [{ Key: 'tmp/1' }, { Key: 'tmp/2' }] } },
      { Bucket: target.name, Delete: { Objects: [{ Key: 'tmp/3' }, { Key: 'tmp/4' }] } },
      { Bucket: target.name, Delete: { Objects: [{ Key: 'tmp/5' }] } },
    ]);
    expect(keysOf(await target.objects.all().toArray())).toEqual(['keep']);
  });

  it('limit(n).delete() deletes exactly the first n keys', async () => {
    const target = await newBucket('coll-del-lim', ['k1', 'k2', 'k3', 'k4']);
    counter.reset();
    await target.objects.limit(3).delete({ Delete: { Quiet: true } });
    expect(counter.byOperation).toEqual({ ListObjectsV2: 1, DeleteObjects: 1 });
    expect(counter.inputs[1]?.input).toMatchObject({
      Bucket: target.name,
      Delete: { Objects: [{ Key: 'k1' }, { Key: 'k2' }, { Key: 'k3' }], Quiet: true },
    });
    expect(keysOf(await target.objects.all().toArray())).toEqual(['k4']);
  });

  it.each([
    [
      'abortSignal',
      { abortSignal: new AbortController().signal },
      /'abortSignal' is not a request param/,
    ],
    ['concurrency', { concurrency: 8 }, /'concurrency' is not a request param/],
    ['an unknown param', { Quiet: true }, /unknown param 'Quiet': the request takes 'Delete'/],
  ])('delete() refuses %s among the params, deleting nothing', async (_, params, message) => {
    const target = await newBucket('coll-del-bad', ['k1', 'k2', 'k3']);
    counter.reset();
    const attempt = target.objects.all().delete(params as never);
    await expect(attempt).rejects.toThrow(ParamValidationError);
    await expect(attempt).rejects.toThrow(message);
    expect(counter.total).toBe(0);
    expect(keysOf(await target.objects.all().toArray())).toEqual(['k1', 'k2', 'k3']);
  });

  it('an empty collection deletes nothing and sends no DeleteObjects', async () => {
    expect(await bucket.objects.filter({ Prefix: 'none/' }).delete()).toEqual([]);
    expect(counter.byOperation).toEqual({ ListObjectsV2: 1 });
  });

  it('raises per-key Errors after the last page, with the failed key attached', async () => {
    const target = await newBucket('coll-del-err', ['e1', 'e2', 'e3', 'e4', 'e5']);
    counter.reset();
    // moto never fails a plain DeleteObjects: rewrite one response to report a failed key,
    // as S3 does for a partial failure.
    const failure = { Key: 'e3', Code: 'InternalError', Message: 'injected failure' };
    const inject: InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes> =
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName !== 'DeleteObjectsCommand') return result;
        const output = result.output as DeleteObjectsCommandOutput;
        if (!output.Deleted?.some((d) => d.Key === failure.Key)) return result;
        return {
          ...result,
          output: {
            ...output,
            Deleted: output.Deleted.filter((d) => d.Key !== failure.Key),
            Errors: [...(output.Errors ?? []), failure],
          },
        };
      };
    client.middlewareStack.add(inject, {
      step: 'initialize',
      name: 'injectDeleteObjectsError',
    });
    try {
      const error: unknown = await target.objects
        .pageSize(2)
        .delete()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BatchActionError);
      expect(error).toBeInstanceOf(DeleteObjectsError);
      if (!(error instanceof DeleteObjectsError)) throw error;
      // Typed as DeleteObjects' `Errors` entries (`_Error`): no cast.
      const batch = error;
      expect(batch.name).toBe('DeleteObjectsError');
      expect(batch.failures.map((f) => [f.Key, f.Code])).toEqual([[failure.Key, failure.Code]]);
      expect(batch.failures).toEqual([failure]);
      expect(batch.message).toMatch(/1 item\(s\) failed/);
      // Raised only after every page was listed and sent.
      expect(batch.responses).toHaveLength(3);
      expect(batch.responses[1]?.Errors).toEqual([failure]);
      expect(counter.byOperation).toEqual({ ListObjectsV2: 3, DeleteObjects: 3 });
    } finally {
      client.middlewareStack.remove('injectDeleteObjectsError');
    }
    expect(await target.objects.all().toArray()).toEqual([]);
  });

  it('raises the real per-key failure of a version under legal hold', async () => {
    const target = await emptyBucket('coll-lock', { ObjectLockEnabledForBucket: true });
    const name = target.name;
    await target.putObject({ Key: 'free/1', Body: 'a' });
    const held = await client.send(
      new PutObjectCommand({
        Bucket: name,
        Key: 'held',
        Body: 'b',
        ObjectLockLegalHoldStatus: 'ON',
      }),
    );
    await target.putObject({ Key: 'free/2', Body: 'c' });
    counter.reset();

    // One page: moto loses its place when the version a VersionIdMarker names was deleted.
    const error: unknown = await target.objectVersions
      .all()
      .delete()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeleteObjectsError);
    if (!(error instanceof DeleteObjectsError)) throw error;
    expect(error.failures.map((f) => [f.Key, f.Code])).toEqual([['held', 'AccessDenied']]);
    expect(counter.byOperation).toEqual({ ListObjectVersions: 1, DeleteObjects: 1 });
    const sent = counter.inputs.find((i) => i.operation === 'DeleteObjects');
    const objects = (sent?.input as { Delete: { Objects: object[] } }).Delete.Objects;
    expect(objects).toHaveLength(3);
    expect(objects).toContainEqual({ Key: 'held', VersionId: held.VersionId });

    const left = await target.objectVersions.all().toArray();
    expect(left.map((v) => [v.objectKey, v.id])).toEqual([['held', held.VersionId]]);
    await client.send(
      new PutObjectLegalHoldCommand({
        Bucket: name,
        Key: 'held',
        VersionId: held.VersionId,
        LegalHold: { Status: 'OFF' },
      }),
    );
  });
});
