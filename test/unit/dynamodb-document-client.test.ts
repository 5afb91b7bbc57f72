/**
 * clientAdapter: a DynamoDBDocumentClient over the user's DynamoDBClient (shared middleware
 * stack, untouched config), converting values with this library's rules. Sends to the
 * emulator.
 */
import {
  CreateTableCommand,
  DeleteTableCommand,
  GetItemCommand,
  PutItemCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  GetCommand,
  NumberValue,
  PutCommand,
  QueryCommand,
  paginateQuery,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ParamValidationError } from '../../src/core/errors.js';
import { Attr, Key, prepareExpressions } from '../../src/resources/dynamodb/conditions/index.js';
import { clientAdapter } from '../../src/resources/dynamodb/document-client.js';
import { dynamodbClient } from '../support/dynamodb.js';
import { uniqueName } from '../support/emulator.js';
import { countRequests } from '../support/request-counter.js';

const LIB = '@aws-sdk/lib-dynamodb';
const DECIMAL_38 = '1234567890123456789.0123456789012345678';

let client: DynamoDBClient;
let table: string;

beforeAll(async () => {
  client = dynamodbClient();
  table = uniqueName('doc-client');
  await client.send(
    new CreateTableCommand({
      TableName: table,
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
});

afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: table }));
  client.destroy();
});

describe('clientAdapter', () => {
  it('returns the client itself for other packages', () => {
    expect(clientAdapter(client, '@aws-sdk/client-dynamodb')).toBe(client);
    expect(clientAdapter(client, 'something-else')).toBe(client);
  });

  it("is a DynamoDBDocumentClient on the user's stack that leaves the user's client alone", () => {
    const configKeys = Object.keys(client.config);
    const doc = clientAdapter(client, LIB) as DynamoDBDocumentClient;
    expect(doc).toBeInstanceOf(DynamoDBDocumentClient);
    expect(doc.middlewareStack).toBe(client.middlewareStack);
    expect(doc.config).not.toBe(client.config);
    expect(doc.config.translateConfig).toBeDefined();
    expect((client.config as { translateConfig?: unknown }).translateConfig).toBeUndefined();
    expect(Object.keys(client.config)).toEqual(configKeys);
    expect(Object.prototype.hasOwnProperty.call(client, 'send')).toBe(false);
  });

  it('round-trips native values exactly, and the raw client still speaks AttributeValues', async () => {
    const doc = clientAdapter(client, LIB) as DynamoDBDocumentClient;
    const item = {
      pk: 'values',
      sk: 1,
      big: 2n ** 53n + 1n,
      float: 0.1,
      decimal: new NumberValue(DECIMAL_38),
      tags: new Set(['a', 'b']),
      scores: new Set([1, 2.5]),
      nested: JSON.parse('{"__proto__":{"x":1},"constructor":{"name":"Set"}}') as object,
      constructor: 'top-level constructor',
    };
    await doc.send(new PutCommand({ TableName: table, Item: item }));

    const raw = await client.send(
      new GetItemCommand({ TableName: table, Key: { pk: { S: 'values' }, sk: { N: '1' } } }),
    );
    expect(raw.Item).toMatchObject({
      big: { N: '9007199254740993' },
      float: { N: '0.1' },
      decimal: { N: DECIMAL_38 },
      tags: { SS: ['a', 'b'] },
      constructor: { S: 'top-level constructor' },
    });
    const rawNested = (raw.Item!.nested as { M: Record<string, unknown> }).M;
    expect(Object.keys(rawNested).sort()).toEqual(['__proto__', 'constructor']);

    const { Item } = await doc.send(
      new GetCommand({ TableName: table, Key: { pk: 'values', sk: 1 } }),
    );
    // toEqual, not toStrictEqual: jest's type check reads the `constructor` keys as classes.
    expect(Item).toEqual({
      pk: 'values',
      sk: 1,
      big: new NumberValue('9007199254740993'),
      float: 0.1,
      decimal: new NumberValue(DECIMAL_38),
      tags: new Set(['a', 'b']),
      scores: new Set([1, 2.5]),
      nested: JSON.parse('{"__proto__":{"x":1},"constructor":{"name":"Set"}}'),
      constructor: 'top-level constructor',
    });
    expect(Item!.big).toBeInstanceOf(NumberValue);
    expect(Item!.decimal).toBeInstanceOf(NumberValue);
    expect(Object.getPrototypeOf(Item!.nested)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(Item!.nested, '__proto__')?.value).toEqual({ x: 1 });

    // The user's own client is unchanged: raw PutItem with AttributeValues still works.
    await client.send(
      new PutItemCommand({
        TableName: table,
        Item: { pk: { S: 'raw' }, sk: { N: '2' }, n: { N: '7' } },
      }),
    );
    const back = await doc.send(new GetCommand({ TableName: table, Key: { pk: 'raw', sk: 2 } }));
    expect(back.Item).toEqual({ pk: 'raw', sk: 2, n: 7 });
  });

  it("sends a top-level __proto__ attribute as data (what the v3 deserializer reads back is the SDK's)", async () => {
    const doc = clientAdapter(client, LIB) as DynamoDBDocumentClient;
    const bodies: string[] = [];
    const capture =
      (next: (a: { request: unknown }) => Promise<unknown>) =>
      async (args: { request: unknown }) => {
        const body = (args.request as { body?: unknown }).body;
        bodies.push(typeof body === 'string' ? body : new TextDecoder().decode(body as Uint8Array));
        return next(args);
      };
    client.middlewareStack.add(capture as never, { step: 'finalizeRequest', name: 'captureBody' });
    try {
      const item = JSON.parse('{"pk":"proto","sk":1,"__proto__":"top"}') as Record<string, unknown>;
      await doc.send(new PutCommand({ TableName: table, Item: item }));
    } finally {
      client.middlewareStack.remove('captureBody');
    }
    const sent = JSON.parse(bodies[0]!) as { Item: Record<string, unknown> };
    expect(Object.keys(sent.Item)).toEqual(['pk', 'sk', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(sent.Item, '__proto__')?.value).toEqual({ S: 'top' });
  });

  it("the user's middleware and request counters see the requests, even when added later", async () => {
    const doc = clientAdapter(client, LIB) as DynamoDBDocumentClient;
    const counter = countRequests(client);
    try {
      await doc.send(new PutCommand({ TableName: table, Item: { pk: 'count', sk: 1 } }));
      await doc.send(new GetCommand({ TableName: table, Key: { pk: 'count', sk: 1 } }));
      expect(counter.byOperation).toEqual({ PutItem: 1, GetItem: 1 });
    } finally {
      counter.remove();
    }
  });

  it('bad values fail before any request, naming the path', async () => {
    const doc = clientAdapter(client, LIB) as DynamoDBDocumentClient;
    const counter = countRequests(client);
    try {
      const bad: Array<[Record<string, unknown>, RegExp]> = [
        [{ pk: 'bad', sk: 1, tags: new Set() }, /^PutItem: Item\.tags: an empty Set/],
        [{ pk: 'bad', sk: 1, gone: undefined }, /^PutItem: Item\.gone: undefined/],
        [{ pk: 'bad', sk: 2 ** 53 + 2 }, /^PutItem: Item\.sk: 9007199254740994 is beyond/],
        [{ pk: 'bad', sk: 1, when: new Date() }, /^PutItem: Item\.when: a Date/],
      ];
      for (const [Item, message] of bad) {
        const sending = doc.send(new PutCommand({ TableName: table, Item }));
        await expect(sending).rejects.toThrow(ParamValidationError);
        await expect(doc.send(new PutCommand({ TableName: table, Item }))).rejects.toThrow(message);
      }
      expect(counter.total).toBe(0);
    } finally {
      counter.remove();
    }
  });

  it('lib-dynamodb paginators accept it; conditions built here are accepted by the service', async () => {
    const doc = clientAdapter(client, LIB) as DynamoDBDocumentClient;
    for (let sk = 1; sk <= 5; sk += 1) {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { pk: 'page', sk, size: sk * 10, tags: new Set(['t', `t${sk}`]) },
        }),
      );
    }
    const input = prepareExpressions(
      {
        TableName: table,
        KeyConditionExpression: Key('pk').eq('page').and(Key('sk').between(2, 5)),
        FilterExpression: Attr('size')
          .gt(20)
          .and(Attr('tags').size().eq(2))
          .and(Attr('tags').contains('t4').not()),
        ProjectionExpression: ['sk', 'size'],
      },
      'query',
    ) as QueryCommandInput;
    const items: unknown[] = [];
    let pages = 0;
    for await (const page of paginateQuery({ client: doc, pageSize: 1 }, { ...input })) {
      pages += 1;
      items.push(...(page.Items ?? []));
    }
    expect(items).toEqual([
      { sk: 3, size: 30 },
      { sk: 5, size: 50 },
    ]);
    expect(pages).toBeGreaterThanOrEqual(4);

    const one = await doc.send(new QueryCommand({ ...input, Limit: 2 }));
    expect(one.LastEvaluatedKey).toEqual({ pk: 'page', sk: 3 });
  });
});
