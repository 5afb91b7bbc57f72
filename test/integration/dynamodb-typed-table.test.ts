/**
 * A typed table (`dynamodb.Table<Order, 'id' | 'n'>(name)`) against moto, end to end: put, get,
 * query and scan with typed conditions, update and delete with returned attributes, the batch
 * writer. The types are checked in test/types/dynamodb-typed.types.ts; this proves the typed
 * surface sends the same requests and gets back what its types say.
 */
import { ParamValidationError } from '../../src/index.js';
import { Table, type DynamoDB } from '../../src/resources/dynamodb/index.js';
import { useDynamoDBFixture } from '../support/dynamodb-fixture.js';

const { counter, dynamodb, newTable } = useDynamoDBFixture();

interface Order {
  id: string;
  n: number;
  total: number;
  status: 'new' | 'paid';
  address: { city: string };
  tags?: Set<string>;
}

const order = (n: number, total: number, city = 'Paris'): Order => ({
  id: 'customer#1',
  n,
  total,
  status: 'new',
  address: { city },
});

let orders: Table<Order, 'id' | 'n'>;
beforeAll(async () => {
  const made = await newTable('typed', 'id+n');
  orders = dynamodb.Table<Order, 'id' | 'n'>(made.name);
});

/** The input of the last request of `operation` counted so far. */
function lastInput(operation: string): Record<string, unknown> | undefined {
  return counter.inputs.filter((i) => i.operation === operation).at(-1)?.input as
    Record<string, unknown> | undefined;
}

describe('a typed table', () => {
  it('is a Table made by the typed factory, which still refuses extra arguments', () => {
    expect(orders).toBeInstanceOf(Table);
    expect(orders.name).toMatch(/^typed/);
    const untypedCall = dynamodb.Table as (this: DynamoDB, ...args: unknown[]) => unknown;
    expect(() => untypedCall.call(dynamodb, 'a', 'b')).toThrow(ParamValidationError);
    expect(() => untypedCall.call(dynamodb, 'a', 'b')).toThrow('takes 1 argument(s), got 2');
  });

  it('puts and gets an item: one request each', async () => {
    const item: Order = { ...order(1, 25), tags: new Set(['vip']) };
    await orders.putItem({ Item: item, ConditionExpression: orders.attr('id').notExists() });
    const { Item } = await orders.getItem({ Key: { id: 'customer#1', n: 1 } });
    expect(Item).toEqual(item);
    const city: string | undefined = Item?.address.city;
    expect(city).toBe('Paris');
    expect(counter.byOperation).toEqual({ PutItem: 1, GetItem: 1 });
  });

  it('a typed condition that fails raises the v3 error, nothing written', async () => {
    const error = await orders
      .putItem({
        Item: order(1, 99),
        ConditionExpression: orders.attr('id').notExists(),
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect((await orders.getItem({ Key: { id: 'customer#1', n: 1 } })).Item?.total).toBe(25);
  });

  it('queries and scans with typed key, filter and path conditions', async () => {
    await orders.batchWriter(async (w) => {
      for (const [n, total, city] of [
        [2, 5, 'Lyon'],
        [3, 50, 'Paris'],
        [4, 500, 'Lyon'],
      ] as const)
        await w.putItem({ Item: order(n, total, city) });
    });
    counter.reset();
    const found: Order[] = await orders
      .query({
        KeyConditionExpression: orders.key('id').eq('customer#1').and(orders.key('n').gte(2)),
        FilterExpression: orders.attr('total').gt(10).and(orders.attr('address.city').eq('Lyon')),
      })
      .toArray();
    expect(found).toEqual([order(4, 500, 'Lyon')]);
    expect(lastInput('Query')).toMatchObject({
      KeyConditionExpression: '(#n0 = :v0 AND #n1 >= :v1)',
      FilterExpression: '(#n2 > :v2 AND #n3.#n4 = :v3)',
      ExpressionAttributeNames: {
        '#n0': 'id',
        '#n1': 'n',
        '#n2': 'total',
        '#n3': 'address',
        '#n4': 'city',
      },
    });
    const scanned = await orders
      .scan({ FilterExpression: orders.attr('tags').contains('vip') })
      .toArray();
    expect(scanned.map((o) => o.n)).toEqual([1]);
    expect(counter.byOperation).toEqual({ Query: 1, Scan: 1 });
  });

  it('updates, with the attributes ReturnValues asks for', async () => {
    const key = { id: 'customer#1', n: 3 };
    const all = await orders.updateItem({
      Key: key,
      UpdateExpression: 'SET #s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': 'paid' },
      ConditionExpression: orders.attr('status').eq('new'),
      ReturnValues: 'ALL_NEW',
    });
    expect(all.Attributes).toEqual({ ...order(3, 50), status: 'paid' });
    const changed = await orders.updateItem({
      Key: key,
      UpdateExpression: 'SET #t = #t + :d',
      ExpressionAttributeNames: { '#t': 'total' },
      ExpressionAttributeValues: { ':d': 1 },
      ReturnValues: 'UPDATED_NEW',
    });
    expect(changed.Attributes).toEqual({ total: 51 });
    const none = await orders.updateItem({ Key: key, UpdateExpression: 'REMOVE tags' });
    expect(none.Attributes).toBeUndefined();
    expect(counter.byOperation).toEqual({ UpdateItem: 3 });
  });

  it('deletes, returning the old item, and leaves nothing behind', async () => {
    const { Attributes } = await orders.deleteItem({
      Key: { id: 'customer#1', n: 2 },
      ReturnValues: 'ALL_OLD',
    });
    expect(Attributes).toEqual(order(2, 5, 'Lyon'));
    await orders.batchWriter(async (w) => {
      for (const n of [1, 3, 4]) await w.deleteItem({ Key: { id: 'customer#1', n } });
    });
    expect(await orders.scan().toArray()).toEqual([]);
    expect(counter.byOperation).toEqual({ DeleteItem: 1, BatchWriteItem: 1, Scan: 1 });
  });
});
