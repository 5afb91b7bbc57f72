/**
 * table.query / table.scan against moto: lazy item collections over Key/Attr conditions,
 * limit (asks for no more than needed), pageSize, pages, toArray, first, page() with
 * LastEvaluatedKey and resuming from it with ExclusiveStartKey.
 */
import { Attr, ItemCollection, Key, type Table } from '../../src/resources/dynamodb/index.js';
import { AbortError, ParamValidationError } from '../../src/index.js';
import { useDynamoDBFixture } from '../support/dynamodb-fixture.js';
import { SIGNAL_NAMES, signalOption } from '../support/signal-names.js';

const { counter, newTable } = useDynamoDBFixture();

interface Row {
  id: string;
  n: number;
  age: number;
  even: boolean;
}

const U1 = Array.from({ length: 12 }, (_, n) => ({ id: 'u1', n, age: n * 10, even: n % 2 === 0 }));
const U2 = Array.from({ length: 5 }, (_, n) => ({ id: 'u2', n, age: n * 10, even: n % 2 === 0 }));

let table: Table;
beforeAll(async () => {
  table = await newTable('query', 'id+n');
  await table.batchWriter(async (w) => {
    for (const Item of [...U1, ...U2]) await w.putItem({ Item });
  });
});

/** The Limit of each request of `operation` counted so far. */
function limitsSent(operation: 'Query' | 'Scan'): Array<number | undefined> {
  return counter.inputs
    .filter((i) => i.operation === operation)
    .map((i) => (i.input as { Limit?: number }).Limit);
}

const byN = (a: { n: number }, b: { n: number }) => a.n - b.n;

describe('table.query', () => {
  it('is lazy: nothing is sent until it is iterated', () => {
    const q = table.query({ KeyConditionExpression: Key('id').eq('u1') });
    expect(q).toBeInstanceOf(ItemCollection);
    q.limit(3).pageSize(2).filter({ ScanIndexForward: false });
    void q.pages();
    expect(counter.total).toBe(0);
  });

  it('for await yields every item of the key, in native values', async () => {
    const items: Row[] = [];
    for await (const item of table.query<Row>({ KeyConditionExpression: Key('id').eq('u1') }))
      items.push(item);
    expect(items).toEqual(U1);
    expect(counter.count('Query')).toBe(1);
    const sent = counter.inputs[0]?.input as Record<string, unknown>;
    expect(sent.KeyConditionExpression).toBe('#n0 = :v0');
    expect(sent.ExpressionAttributeNames).toEqual({ '#n0': 'id' });
    expect(sent.ExpressionAttributeValues).toEqual({ ':v0': { S: 'u1' } });
  });

  it('key conditions on both keys, and a filter', async () => {
    const between = await table
      .query<Row>({ KeyConditionExpression: Key('id').eq('u1').and(Key('n').between(3, 6)) })
      .toArray();
    expect(between.map((i) => i.n)).toEqual([3, 4, 5, 6]);
    const even = await table
      .query<Row>({
        KeyConditionExpression: Key('id').eq('u1').and(Key('n').gte(4)),
        FilterExpression: Attr('even').eq(true).and(Attr('age').lt(100)),
      })
      .toArray();
    expect(even.map((i) => i.n)).toEqual([4, 6, 8]);
    const descending = await table
      .query<Row>({ KeyConditionExpression: Key('id').eq('u2'), ScanIndexForward: false })
      .toArray();
    expect(descending.map((i) => i.n)).toEqual([4, 3, 2, 1, 0]);
  });

  it('limit(5) = 1 Query with Limit=5', async () => {
    const five = await table
      .query<Row>({ KeyConditionExpression: Key('id').eq('u1') })
      .limit(5)
      .toArray();
    expect(five).toEqual(U1.slice(0, 5));
    expect(counter.count('Query')).toBe(1);
    expect(limitsSent('Query')).toEqual([5]);
  });

  it('limit(n) with a filter asks only for what is still missing', async () => {
    // Limit counts items read, not items that pass the filter: the next request asks for the rest.
    const odd = await table
      .query<Row>({
        KeyConditionExpression: Key('id').eq('u1'),
        FilterExpression: Attr('even').eq(false),
      })
      .limit(3)
      .toArray();
    expect(odd.map((i) => i.n)).toEqual([1, 3, 5]);
    const limits = limitsSent('Query');
    expect(limits[0]).toBe(3);
    expect(limits.every((l) => l !== undefined && l <= 3)).toBe(true);
  });

  it('pageSize(5).pages() yields pages of at most 5, one Query each', async () => {
    const pages: number[][] = [];
    for await (const page of table
      .query<Row>({ KeyConditionExpression: Key('id').eq('u1') })
      .pageSize(5)
      .pages())
      pages.push(page.map((i) => i.n));
    expect(pages.slice(0, 3)).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7, 8, 9],
      [10, 11],
    ]);
    expect(pages).toHaveLength(3);
    // moto may or may not answer a last, empty page: 3 or 4 requests, each with Limit=5.
    expect(counter.count('Query')).toBeGreaterThanOrEqual(3);
    expect(limitsSent('Query').every((l) => l === 5)).toBe(true);
  });

  it('page() is one raw Query; its LastEvaluatedKey resumes as ExclusiveStartKey', async () => {
    const query = { KeyConditionExpression: Key('id').eq('u1') };
    const first = await table.query<Row>(query).limit(5).page();
    expect(first.Items).toEqual(U1.slice(0, 5));
    expect(first.Count).toBe(5);
    expect(first.LastEvaluatedKey).toEqual({ id: 'u1', n: 4 });
    expect(counter.count('Query')).toBe(1);

    const second = await table
      .query<Row>({ ...query, ExclusiveStartKey: first.LastEvaluatedKey })
      .limit(5)
      .page();
    expect(second.Items.map((i) => i.n)).toEqual([5, 6, 7, 8, 9]);
    expect(counter.count('Query')).toBe(2);
    // The key went out marshalled.
    expect((counter.inputs[1]?.input as Record<string, unknown>).ExclusiveStartKey).toEqual({
      id: { S: 'u1' },
      n: { N: '4' },
    });

    // Resuming and iterating goes on to the end.
    const rest = await table
      .query<Row>({ ...query, ExclusiveStartKey: second.LastEvaluatedKey })
      .toArray();
    expect(rest.map((i) => i.n)).toEqual([10, 11]);

    // Without a limit, one page holds everything here, and no LastEvaluatedKey.
    const all = await table.query<Row>(query).page();
    expect(all.Items).toHaveLength(12);
    expect(all.LastEvaluatedKey).toBeUndefined();
  });

  it('first() sends one Query with Limit=1', async () => {
    const item = await table.query<Row>({ KeyConditionExpression: Key('id').eq('u2') }).first();
    expect(item).toEqual(U2[0]);
    expect(limitsSent('Query')).toEqual([1]);
  });

  it('collections are immutable; filter() adds conditions without placeholder clashes', async () => {
    const base = table.query<Row>({ KeyConditionExpression: Key('id').eq('u1') });
    const filtered = base.filter({ FilterExpression: Attr('age').gt(80) });
    const limited = filtered.limit(2);
    expect((await filtered.toArray()).map((i) => i.n)).toEqual([9, 10, 11]);
    expect((await limited.toArray()).map((i) => i.n)).toEqual([9, 10]);
    expect(await base.toArray()).toHaveLength(12);
    const sent = counter.inputs[0]?.input as Record<string, Record<string, unknown>>;
    expect(Object.keys(sent.ExpressionAttributeValues ?? {}).sort()).toEqual([':v0', ':v1']);
  });

  it('an Attr key condition or a bad value fails before any request, naming the method', () => {
    expect(() => table.query({ KeyConditionExpression: Attr('id').eq('u1') as never })).toThrow(
      ParamValidationError,
    );
    expect(() =>
      table.query({
        KeyConditionExpression: Key('id').eq('u1'),
        ExclusiveStartKey: { id: 'u1', n: Number.NaN },
      }),
    ).toThrow(/Table\.query.*ExclusiveStartKey/);
    expect(() => table.scan().filter({ FilterExpression: Attr('s').eq(new Set()) })).toThrow(
      /Table\.scan/,
    );
    expect(counter.total).toBe(0);
  });

  it.each(SIGNAL_NAMES)(
    'an aborted signal stops before the first request (as %s)',
    async (name) => {
      const controller = new AbortController();
      controller.abort();
      const iterate = async () => {
        for await (const _ of table
          .query({ KeyConditionExpression: Key('id').eq('u1') })
          .iterate({ ...signalOption(name, controller.signal) }))
          void _;
      };
      await expect(iterate()).rejects.toThrow(AbortError);
      expect(counter.total).toBe(0);
    },
  );
});

describe('table.scan', () => {
  it('yields every item across pages', async () => {
    const items = await table.scan<Row>().pageSize(4).toArray();
    expect([...items].sort((a, b) => a.id.localeCompare(b.id) || byN(a, b))).toEqual([
      ...U1,
      ...U2,
    ]);
    expect(counter.count('Scan')).toBeGreaterThanOrEqual(5);
    expect(limitsSent('Scan').every((l) => l === 4)).toBe(true);
  });

  it('with a filter, and limit(3) = 1 Scan with Limit=3', async () => {
    const old = await table.scan<Row>({ FilterExpression: Attr('age').gte(100) }).toArray();
    expect(old.map((i) => i.n).sort((a, b) => a - b)).toEqual([10, 11]);
    counter.reset();
    const three = await table.scan<Row>().limit(3).toArray();
    expect(three).toHaveLength(3);
    expect(limitsSent('Scan')).toEqual([3]);
  });

  it('page() gives a raw page with LastEvaluatedKey to resume from', async () => {
    const first = await table.scan<Row>().limit(10).page();
    expect(first.Items).toHaveLength(10);
    expect(first.ScannedCount).toBe(10);
    expect(first.LastEvaluatedKey).toBeDefined();
    const rest = await table.scan<Row>({ ExclusiveStartKey: first.LastEvaluatedKey }).toArray();
    expect(first.Items.length + rest.length).toBe(U1.length + U2.length);
  });

  it('a projection as a list of attribute paths', async () => {
    const items = await table
      .scan({ ProjectionExpression: ['id', 'n'] })
      .limit(2)
      .toArray();
    expect(items).toHaveLength(2);
    for (const item of items) expect(Object.keys(item).sort()).toEqual(['id', 'n']);
  });
});
