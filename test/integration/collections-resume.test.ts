/**
 * Resumable collections against moto: an iteration checkpointed part-way (mid-page and at a
 * page boundary) goes on in another process, on the built library, with every item seen
 * exactly once across the two; scan segments and S3 shards, each restored from JSON in a
 * child process; EC2 instances with filters; `parallel()` with bounded concurrency, abort and errors.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { useS3Fixture } from '../support/s3-fixture.js';
import { useDynamoDBFixture } from '../support/dynamodb-fixture.js';
import { ec2Client, TEST_AMI, tagFilter, testTag } from '../support/ec2.js';
import { countRequests } from '../support/request-counter.js';
import { trackInFlight } from '../support/in-flight.js';
import { SIGNAL_NAMES, signalOption } from '../support/signal-names.js';
import { assertBuilt } from '../support/scripts.js';
import { ObjectSummaryCollection, type Bucket } from '../../src/resources/s3/index.js';
import { Attr, Key, ScanCollection, type Table } from '../../src/resources/dynamodb/index.js';
import { EC2 } from '../../src/resources/ec2/index.js';
import { AbortError } from '../../src/index.js';

const CHILD = join(__dirname, '..', 'fixtures', 'resume', 'child.mjs');

interface ChildResult {
  readonly ids: string[];
  readonly requests: number;
  readonly className: string;
}

/** Runs the child script on a checkpoint's JSON text: it restores and iterates to the end. */
function inChild(service: string, text: string, member?: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const args = [CHILD, service, ...(member ? [member] : [])];
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`child exited with ${String(code)}: ${err}`));
      else resolve(JSON.parse(out) as ChildResult);
    });
    child.stdin.end(text);
  });
}

function expectExactlyOnce(seen: string[], all: string[]): void {
  expect([...seen].sort()).toEqual([...all].sort());
  expect(new Set(seen).size).toBe(seen.length);
}

beforeAll(() => assertBuilt());

describe('S3 listing', () => {
  const { client, counter, s3, bucket, newBucket } = useS3Fixture('resume');
  const KEYS = Array.from({ length: 23 }, (_, i) => `k/${String(i).padStart(2, '0')}`);

  beforeAll(async () => {
    await Promise.all(
      KEYS.map((Key) => client.send(new PutObjectCommand({ Bucket: bucket.name, Key, Body: 'x' }))),
    );
    counter.reset();
  });

  async function takeAndCheckpoint(count: number): Promise<{ seen: string[]; text: string }> {
    const iterator = bucket.objects.filter({ Prefix: 'k/' }).pageSize(5).iterate();
    const seen: string[] = [];
    for (let i = 0; i < count; i++) {
      const next = await iterator.next();
      if (next.done) break;
      seen.push(next.value.key);
    }
    const checkpoint = iterator.checkpoint();
    await iterator.return?.();
    return { seen, text: JSON.stringify(checkpoint) };
  }

  test('mid-page: the child re-requests the page in hand and skips what was handed out', async () => {
    const { seen, text } = await takeAndCheckpoint(7);
    expect(counter.count('ListObjectsV2')).toBe(2);
    const json = JSON.parse(text) as Record<string, unknown>;
    expect(json).toMatchObject({
      service: 's3',
      type: 'Bucket',
      identifiers: { name: bucket.name },
      collection: 'objects',
      params: { Prefix: 'k/' },
      pageSize: 5,
      position: { skip: 2 },
    });
    const child = await inChild('s3', text);
    expect(child.className).toBe('ObjectSummaryCollection');
    expectExactlyOnce([...seen, ...child.ids], KEYS);
    // Pages 2 (again) to 5.
    expect(child.requests).toBe(4);
  });

  test('at a page boundary: the child starts at the next page', async () => {
    const { seen, text } = await takeAndCheckpoint(10);
    expect(counter.count('ListObjectsV2')).toBe(2);
    const child = await inChild('s3', text);
    expectExactlyOnce([...seen, ...child.ids], KEYS);
    expect(child.requests).toBe(3);
  });

  test('pages(): a checkpoint after a page; before the first item and after the end', async () => {
    const pages = bucket.objects.filter({ Prefix: 'k/' }).pageSize(10).pages();
    const before = pages.checkpoint();
    expect(before).toEqual(bucket.objects.filter({ Prefix: 'k/' }).pageSize(10).toJSON());
    const first = await pages.next();
    const rest = await inChild('s3', JSON.stringify(pages.checkpoint()));
    expectExactlyOnce([...(first.value as { key: string }[]).map((o) => o.key), ...rest.ids], KEYS);

    const all = bucket.objects.filter({ Prefix: 'k/' }).iterate();
    while (!(await all.next()).done);
    const end = all.checkpoint();
    expect(end.position).toBe('end');
    counter.reset();
    const restored = s3.restore(end);
    expect(restored).toBeInstanceOf(ObjectSummaryCollection);
    expect(await restored.toArray()).toEqual([]);
    expect(counter.total).toBe(0);
  });

  test('a limit carries over: the child hands out only what is left of it', async () => {
    const iterator = bucket.objects.filter({ Prefix: 'k/' }).pageSize(4).limit(9).iterate();
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) seen.push(((await iterator.next()).value as { key: string }).key);
    const checkpoint = iterator.checkpoint();
    expect(checkpoint.limit).toBe(3); // 9 - 6
    const child = await inChild('s3', JSON.stringify(checkpoint));
    expect([...seen, ...child.ids]).toEqual(KEYS.slice(0, 9));
  });

  test('shards: one per common prefix plus the keys at that level, each in a child', async () => {
    const target: Bucket = await newBucket('shards');
    const keys = ['top1', 'top2', 'a/1', 'a/2', 'a/deep/3', 'b/1', 'c/x/y/z', 'c/2'];
    await Promise.all(
      keys.map((Key) => client.send(new PutObjectCommand({ Bucket: target.name, Key, Body: 'x' }))),
    );
    counter.reset();
    const shards = await target.objects.all().shards({ delimiter: '/' });
    expect(counter.count('ListObjectsV2')).toBe(1);
    expect(shards.map((s) => s.toJSON().params)).toEqual([
      { Delimiter: '/' },
      { Prefix: 'a/' },
      { Prefix: 'b/' },
      { Prefix: 'c/' },
    ]);
    const results = await Promise.all(shards.map((shard) => inChild('s3', JSON.stringify(shard))));
    expectExactlyOnce(
      results.flatMap((r) => r.ids),
      keys,
    );
    expect(results[0]?.ids.sort()).toEqual(['top1', 'top2']);

    const under = await target.objects.filter({ Prefix: 'a/' }).shards();
    const underKeys = (await Promise.all(under.map((s) => s.toArray()))).flat().map((o) => o.key);
    expectExactlyOnce(underKeys, ['a/1', 'a/2', 'a/deep/3']);
    expect(under).toHaveLength(2);
  });
});

describe('DynamoDB scan and query', () => {
  const { client, counter, newTable } = useDynamoDBFixture();
  let table: Table;
  const ids = Array.from({ length: 60 }, (_, i) => `u${String(i).padStart(2, '0')}`);
  // Items with n ≥ 10 and kind 'keep' pass the filter: 40 of them.
  const kept = ids.filter((_, i) => i >= 10 && i % 3 !== 0);

  beforeAll(async () => {
    table = await newTable('resume');
    await table.batchWriter(async (w) => {
      for (const [i, id] of ids.entries()) {
        await w.putItem({
          Item: { id, n: i, kind: i % 3 === 0 ? 'drop' : 'keep', raw: new Uint8Array([i]) },
        });
      }
    });
  });

  const filtered = () =>
    table
      .scan({
        FilterExpression: Attr('n')
          .gte(10)
          .and(Attr('kind').eq('keep'))
          .and(Attr('raw').ne(new Uint8Array([255]))),
      })
      .pageSize(7);

  test('a filtered scan checkpointed mid-page goes on in a child, each item once', async () => {
    const uninterrupted = await filtered().toArray();
    expect(uninterrupted.map((i) => i.id as string).sort()).toEqual(kept);
    const pagesInAll = counter.count('Scan');
    counter.reset();

    const iterator = filtered().iterate();
    const seen: string[] = [];
    // Into a page: the first pages hold items the filter drops.
    while (seen.length < 12) seen.push((await iterator.next()).value?.id as string);
    const checkpoint = iterator.checkpoint();
    const parentPages = counter.count('Scan');
    const text = JSON.stringify(checkpoint);
    expect(text).toContain('"$bytes"');
    const child = await inChild('dynamodb', text);
    expect(child.className).toBe('ScanCollection');
    expectExactlyOnce([...seen, ...child.ids], kept);
    // The page in hand is asked for again, nothing else twice.
    const position = checkpoint.position as { skip: number };
    expect(child.requests).toBe(pagesInAll - parentPages + (position.skip > 0 ? 1 : 0));
  });

  test('a query with a filter goes on in a child', async () => {
    const sorted = await newTable('resume-q', 'id+n');
    await sorted.batchWriter(async (w) => {
      for (let n = 0; n < 30; n++) await w.putItem({ Item: { id: 'p', n, even: n % 2 === 0 } });
    });
    counter.reset();
    const query = sorted
      .query({ KeyConditionExpression: Key('id').eq('p').and(Key('n').gte(4)) })
      .filter({ FilterExpression: Attr('even').eq(true) })
      .pageSize(6);
    const iterator = query.iterate();
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) seen.push((await iterator.next()).value?.n as number);
    const child = await inChild('dynamodb', JSON.stringify(iterator.checkpoint()), 'n');
    expect(child.className).toBe('ItemCollection');
    expect(counter.count('Query')).toBe(2);
    const evens = Array.from({ length: 13 }, (_, i) => 4 + 2 * i);
    expect([...seen, ...child.ids.map(Number)]).toEqual(evens);
  });

  test('segments: a scan of 2,000 items split in 4, each restored in a child', async () => {
    const big = await newTable('resume-seg');
    const all = Array.from({ length: 2000 }, (_, i) => `s${i}`);
    await big.batchWriter(async (w) => {
      for (const id of all) await w.putItem({ Item: { id, pad: 'x'.repeat(20) } });
    });
    const segments = big.scan().pageSize(300).segments(4);
    expect(segments.every((s) => s instanceof ScanCollection)).toBe(true);
    const texts = segments.map((s) => JSON.stringify(s));
    expect(JSON.parse(texts[2] as string)).toMatchObject({
      params: { Segment: 2, TotalSegments: 4 },
      pageSize: 300,
    });
    const results = await Promise.all(texts.map((text) => inChild('dynamodb', text)));
    expectExactlyOnce(
      results.flatMap((r) => r.ids),
      all,
    );
    expect(results.every((r) => r.ids.length > 0)).toBe(true);
  });

  test('parallel: every item once, at most `concurrency` requests in flight', async () => {
    const inFlight = trackInFlight(client);
    try {
      const seen: string[] = [];
      for await (const item of filtered().parallel(4, { concurrency: 2 }))
        seen.push(item.id as string);
      expectExactlyOnce(seen, kept);
      expect(inFlight.max).toBeLessThanOrEqual(2);
      expect(inFlight.max).toBe(2);
    } finally {
      inFlight.remove();
    }
  });

  test.each(SIGNAL_NAMES)(
    'parallel: an abort stops every segment and leaves no request running (as %s)',
    async (name) => {
      const inFlight = trackInFlight(client);
      const controller = new AbortController();
      try {
        let count = 0;
        await expect(
          (async () => {
            for await (const _item of table
              .scan()
              .pageSize(5)
              .parallel(3, {
                ...signalOption(name, controller.signal),
              })) {
              if (++count === 7) controller.abort();
            }
          })(),
        ).rejects.toBeInstanceOf(AbortError);
        expect(inFlight.current).toBe(0);
        const sent = inFlight.total;
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(inFlight.total).toBe(sent);
      } finally {
        inFlight.remove();
      }
    },
  );

  test('parallel: an error in one segment stops the others and is thrown', async () => {
    const inFlight = trackInFlight(client);
    const boom = new Error('segment 1 failed');
    client.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { Segment?: number; ExclusiveStartKey?: unknown };
        if (input.Segment === 1 && input.ExclusiveStartKey !== undefined) throw boom;
        return next(args);
      },
      { step: 'initialize', name: 'failSegmentOne' },
    );
    try {
      await expect(
        (async () => {
          for await (const _item of table.scan().pageSize(5).parallel(3)) {
            // consume
          }
        })(),
      ).rejects.toBe(boom);
      expect(inFlight.current).toBe(0);
    } finally {
      client.middlewareStack.remove('failSegmentOne');
      inFlight.remove();
    }
  });
});

describe('EC2 instances with filters', () => {
  const client = ec2Client();
  const ec2 = new EC2({ client });
  const counter = countRequests(client);
  const tag = testTag('resume');
  const ids: string[] = [];

  beforeAll(async () => {
    // One reservation each: DescribeInstances pages count reservations.
    for (let i = 0; i < 7; i++) {
      const [instance] = await ec2.createInstances({
        ImageId: TEST_AMI,
        MinCount: 1,
        MaxCount: 1,
        TagSpecifications: [{ ResourceType: 'instance', Tags: [tag] }],
      });
      ids.push((instance as { id: string }).id);
    }
    counter.reset();
  });
  afterAll(async () => {
    await ec2.instances.filter(tagFilter(tag)).terminate();
    counter.remove();
    client.destroy();
  });

  test('a checkpoint of ec2.instances goes on in a child', async () => {
    const iterator = ec2.instances.filter(tagFilter(tag)).pageSize(5).iterate();
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) seen.push(((await iterator.next()).value as { id: string }).id);
    const checkpoint = iterator.checkpoint();
    expect(checkpoint).not.toHaveProperty('type');
    expect(checkpoint).toMatchObject({
      service: 'ec2',
      collection: 'instances',
      params: tagFilter(tag),
      position: { skip: 3 },
    });
    expect(counter.count('DescribeInstances')).toBe(1);
    const child = await inChild('ec2', JSON.stringify(checkpoint));
    expectExactlyOnce([...seen, ...child.ids], ids);
    // The first page again (3 of its 5 skipped), then the second.
    expect(child.requests).toBe(2);
  });
});
