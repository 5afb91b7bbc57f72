/**
 * Table item actions against moto, in native JavaScript values both ways: putItem, getItem,
 * updateItem, deleteItem with conditions; number precision; `__proto__` as plain data;
 * bad values refused before any request.
 */
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { Attr, NumberValue, type Table } from '../../src/resources/dynamodb/index.js';
import { ParamValidationError } from '../../src/index.js';
import { useDynamoDBFixture } from '../support/dynamodb-fixture.js';

const { client, counter, newTable } = useDynamoDBFixture();

let table: Table;
beforeAll(async () => {
  table = await newTable('items');
});

describe('item actions', () => {
  it('putItem / getItem round-trip every native type', async () => {
    const item = {
      id: 'all-types',
      str: 'text',
      num: 42,
      neg: -7.25,
      yes: true,
      nothing: null,
      bytes: new Uint8Array([1, 2, 3]),
      list: [1, 'two', { three: 3 }],
      map: { nested: { deep: 'x' }, empty: {} },
      strings: new Set(['a', 'b']),
      numbers: new Set([1, 2, 3]),
      binaries: new Set([new Uint8Array([9])]),
    };
    const put = await table.putItem({ Item: item });
    expect(put.$metadata.httpStatusCode).toBe(200);
    const { Item } = await table.getItem({ Key: { id: 'all-types' } });
    expect(Item).toEqual(item);
    expect(counter.byOperation).toEqual({ PutItem: 1, GetItem: 1 });
  });

  it('getItem of a missing key gives no Item; a projection may be a list of paths', async () => {
    expect((await table.getItem({ Key: { id: 'nobody' } })).Item).toBeUndefined();
    await table.putItem({ Item: { id: 'proj', a: 1, b: { c: 2, d: 3 } } });
    const { Item } = await table.getItem({
      Key: { id: 'proj' },
      ProjectionExpression: ['a', 'b.c'],
    });
    expect(Item).toEqual({ a: 1, b: { c: 2 } });
  });

  it('putItem with a condition: the second put of the same key fails with the v3 error', async () => {
    const ConditionExpression = Attr('id').notExists();
    await table.putItem({ Item: { id: 'once', v: 1 }, ConditionExpression });
    const error = await table
      .putItem({ Item: { id: 'once', v: 2 }, ConditionExpression })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect((await table.getItem({ Key: { id: 'once' } })).Item).toEqual({ id: 'once', v: 1 });
    // The condition went out as an expression with generated placeholders.
    const sent = counter.inputs.find((i) => i.operation === 'PutItem')?.input as Record<
      string,
      unknown
    >;
    expect(sent.ConditionExpression).toBe('attribute_not_exists(#n0)');
    expect(sent.ExpressionAttributeNames).toEqual({ '#n0': 'id' });
  });

  it('updateItem with values and a condition, ReturnValues in native values', async () => {
    await table.putItem({ Item: { id: 'counter', n: 1, tags: new Set(['a']) } });
    const out = await table.updateItem({
      Key: { id: 'counter' },
      UpdateExpression: 'SET n = n + :inc ADD tags :more',
      ExpressionAttributeValues: { ':inc': 2, ':more': new Set(['b']) },
      ConditionExpression: Attr('n').lt(10).and(Attr('tags').contains('a')),
      ReturnValues: 'ALL_NEW',
    });
    expect(out.Attributes).toEqual({ id: 'counter', n: 3, tags: new Set(['a', 'b']) });
  });

  it('updateItem merges the caller’s placeholders with the generated ones', async () => {
    await table.putItem({ Item: { id: 'merge', n: 5 } });
    const out = await table.updateItem({
      Key: { id: 'merge' },
      UpdateExpression: 'SET #n0 = :v0',
      ExpressionAttributeNames: { '#n0': 'label' },
      ExpressionAttributeValues: { ':v0': 'mine' },
      ConditionExpression: Attr('n').eq(5),
      ReturnValues: 'ALL_NEW',
    });
    expect(out.Attributes).toEqual({ id: 'merge', n: 5, label: 'mine' });
  });

  it('a failing update condition raises ConditionalCheckFailedException', async () => {
    await table.putItem({ Item: { id: 'capped', n: 100 } });
    await expect(
      table.updateItem({
        Key: { id: 'capped' },
        UpdateExpression: 'SET n = :n',
        ExpressionAttributeValues: { ':n': 101 },
        ConditionExpression: Attr('n').lt(100),
      }),
    ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
  });

  it('deleteItem with a condition and ReturnValues ALL_OLD', async () => {
    await table.putItem({ Item: { id: 'gone', age: 120 } });
    await expect(
      table.deleteItem({ Key: { id: 'gone' }, ConditionExpression: Attr('age').lt(100) }),
    ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    const out = await table.deleteItem({
      Key: { id: 'gone' },
      ConditionExpression: Attr('age').gte(100),
      ReturnValues: 'ALL_OLD',
    });
    expect(out.Attributes).toEqual({ id: 'gone', age: 120 });
    expect((await table.getItem({ Key: { id: 'gone' } })).Item).toBeUndefined();
  });

  it('refuses TableName in the params, before any request', async () => {
    await expect(table.putItem({ TableName: 'other', Item: { id: 'x' } } as never)).rejects.toThrow(
      ParamValidationError,
    );
    expect(counter.total).toBe(0);
  });
});

describe('numbers are never rounded', () => {
  const big = 2n ** 53n + 1n; // 9007199254740993: not a safe JavaScript number
  const digits38 = '12345678901234567890123456789012345678';
  const decimal38 = '1234567890123456789.0123456789012345678';

  it('2^53 + 1 as a BigInt comes back as a NumberValue with every digit', async () => {
    await table.putItem({ Item: { id: 'big', big } });
    const { Item } = await table.getItem({ Key: { id: 'big' } });
    expect(Item?.big).toBeInstanceOf(NumberValue);
    expect(String(Item?.big)).toBe('9007199254740993');
    expect((Item?.big as NumberValue).toBigInt()).toBe(big);
    // What DynamoDB stores, read raw.
    const raw = await client.send(
      new GetItemCommand({ TableName: table.name, Key: { id: { S: 'big' } } }),
    );
    expect(raw.Item?.big).toEqual({ N: '9007199254740993' });
  });

  it('0.1 (a float, which boto3 refuses) comes back as the number 0.1', async () => {
    await table.putItem({ Item: { id: 'tenth', x: 0.1, third: 1 / 3 } });
    const { Item } = await table.getItem({ Key: { id: 'tenth' } });
    expect(Item?.x).toBe(0.1);
    expect(Item?.third).toBe(1 / 3);
  });

  it('38-digit integers and decimals round-trip as NumberValue', async () => {
    await table.putItem({
      Item: {
        id: 'd38',
        int: NumberValue.from(digits38),
        dec: NumberValue.from(decimal38),
        set: new Set([NumberValue.from(digits38)]),
      },
    });
    const { Item } = await table.getItem({ Key: { id: 'd38' } });
    expect(Item?.int).toBeInstanceOf(NumberValue);
    expect(String(Item?.int)).toBe(digits38);
    expect(String(Item?.dec)).toBe(decimal38);
    expect([...(Item?.set as Set<NumberValue>)].map(String)).toEqual([digits38]);
  });

  it('numbers that are exact come back as plain numbers', async () => {
    await table.putItem({ Item: { id: 'exact', a: Number.MAX_SAFE_INTEGER, b: -0.5, c: 1.5e-7 } });
    const { Item } = await table.getItem({ Key: { id: 'exact' } });
    expect(Item).toEqual({ id: 'exact', a: Number.MAX_SAFE_INTEGER, b: -0.5, c: 1.5e-7 });
  });
});

describe('__proto__ is plain data', () => {
  it('as a map key: written and read back as an own member, no prototype touched', async () => {
    const Item = JSON.parse(
      '{"id":"proto","data":{"__proto__":{"polluted":true},"x":1},"list":[{"__proto__":1}]}',
    ) as Record<string, unknown>;
    await table.putItem({ Item });
    const got = (await table.getItem({ Key: { id: 'proto' } })).Item as Record<string, unknown>;
    const data = got.data as Record<string, unknown>;
    expect(Object.keys(data).sort()).toEqual(['__proto__', 'x']);
    expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toEqual({ polluted: true });
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    const [first] = got.list as Array<Record<string, unknown>>;
    expect(Object.getOwnPropertyDescriptor(first, '__proto__')?.value).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('as a top-level attribute: sent as data (the v3 client loses its value on the way back)', async () => {
    const Item = JSON.parse('{"id":"proto-top","__proto__":"top"}') as Record<string, unknown>;
    await table.putItem({ Item });
    const sent = counter.inputs.find((i) => i.operation === 'PutItem')?.input as {
      Item: Record<string, unknown>;
    };
    expect(Object.getOwnPropertyDescriptor(sent.Item, '__proto__')?.value).toEqual({ S: 'top' });
    // moto stores and returns it; @aws-sdk/client-dynamodb 3.1169 deserializes a top-level
    // `__proto__` attribute as an own member whose value is undefined (nested maps are fine).
    // This pins that SDK behaviour, documented in docs/dynamodb.md.
    const raw = await client.send(
      new GetItemCommand({ TableName: table.name, Key: { id: { S: 'proto-top' } } }),
    );
    expect(Object.keys(raw.Item ?? {})).toContain('__proto__');
    expect(Object.getOwnPropertyDescriptor(raw.Item, '__proto__')?.value).toBeUndefined();
  });
});

describe('bad values fail before any request', () => {
  const bad: Array<[string, Record<string, unknown>]> = [
    ['an empty set', { id: 'x', s: new Set() }],
    ['NaN', { id: 'x', n: Number.NaN }],
    ['Infinity', { id: 'x', n: Number.POSITIVE_INFINITY }],
    ['an unsafe integer as a number', { id: 'x', n: 2 ** 53 + 2 }],
    ['a function', { id: 'x', f: () => 1 }],
    ['a symbol', { id: 'x', s: Symbol('s') }],
  ];
  it.each(bad)('%s in putItem', async (_what, Item) => {
    await expect(table.putItem({ Item } as never)).rejects.toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });

  it('in a key, in ExpressionAttributeValues, and in a condition', async () => {
    await expect(table.getItem({ Key: { id: new Set() } })).rejects.toThrow(ParamValidationError);
    await expect(
      table.updateItem({
        Key: { id: 'x' },
        UpdateExpression: 'SET a = :a',
        ExpressionAttributeValues: { ':a': Number.NaN },
      }),
    ).rejects.toThrow(ParamValidationError);
    await expect(
      table.deleteItem({ Key: { id: 'x' }, ConditionExpression: Attr('s').eq(new Set()) }),
    ).rejects.toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });

  it('the error names the method and the member', async () => {
    await expect(table.putItem({ Item: { id: 'x', s: new Set() } })).rejects.toThrow(
      /Table\.putItem.*Item/,
    );
  });
});
