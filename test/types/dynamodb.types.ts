/**
 * Compile-time tests of the DynamoDB surface, checked by `npm run typecheck` (and by
 * test/unit/type-tests.test.ts). Nothing here runs: the functions are never called.
 * Each `@ts-expect-error` line must stay an error; the rest must compile.
 */
import type { PutCommandOutput, TransactWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import {
  Attr,
  BatchWriteError,
  DynamoDB,
  ItemCollection,
  Key,
  NumberValue,
  Table,
  type BatchWriter,
  type ItemPage,
} from '../../src/resources/dynamodb/index.js';

interface User {
  id: string;
  age: number;
}

export async function wrongCallsDoNotCompile(dynamodb: DynamoDB, table: Table) {
  // @ts-expect-error TableName is filled by the resource
  await table.putItem({ TableName: 'x', Item: { id: 'u1' } });
  // @ts-expect-error Item is required
  await table.putItem({});
  // @ts-expect-error a key condition is made with Key(), not Attr()
  table.query({ KeyConditionExpression: Attr('id').eq('u1') });
  // @ts-expect-error Limit is set with .limit(n) / .pageSize(n)
  table.query({ KeyConditionExpression: Key('id').eq('u1'), Limit: 5 });
  // @ts-expect-error a condition expression is a string or a condition
  await table.deleteItem({ Key: { id: 'u1' }, ConditionExpression: 42 });
  // @ts-expect-error itemCount is a number
  const count: string | undefined = await table.itemCount;
  // @ts-expect-error the table identifier is a string
  dynamodb.Table(1);
  // @ts-expect-error identifiers are readonly
  table.name = 'other';
  for await (const user of table.query<User>({ KeyConditionExpression: Key('id').eq('u1') })) {
    // @ts-expect-error items of a typed query are Users
    void user.name;
  }
  // @ts-expect-error the batch writer's putItem takes { Item }
  await table.batchWriter(async (w) => w.putItem({ id: 'u1' }));
  // @ts-expect-error overwriteByPkeys is a list of names
  table.batchWriter({ overwriteByPkeys: 'id' });
  // @ts-expect-error page() resolves to a page, not an array
  const items: User[] = await table.scan<User>().page();
  // @ts-expect-error transactWrite needs TransactItems
  await dynamodb.transactWrite({});
  return [count, items];
}

export async function rightCallsCompile(dynamodb: DynamoDB, table: Table) {
  const made: Table = await dynamodb.createTable({
    TableName: 'users',
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    BillingMode: 'PAY_PER_REQUEST',
  });
  const put: PutCommandOutput = await table.putItem({
    Item: {
      id: 'u1',
      age: 31,
      tags: new Set(['a']),
      big: 2n ** 60n,
      exact: NumberValue.from('0.1'),
    },
    ConditionExpression: Attr('id').notExists(),
  });
  const { Item } = await table.getItem<User>({ Key: { id: 'u1' } });
  const age: number | undefined = Item?.age;
  await table.updateItem({
    Key: { id: 'u1' },
    UpdateExpression: 'SET age = :a',
    ExpressionAttributeValues: { ':a': 32 },
    ConditionExpression: 'attribute_exists(id)',
  });
  const query: ItemCollection<User, object> = table
    .query<User>({ KeyConditionExpression: Key('id').eq('u1').and(Key('n').gt(1)) })
    .filter({ FilterExpression: Attr('age').gte(18).or(Attr('vip').eq(true)) })
    .limit(5);
  const page: ItemPage<User> = await query.page();
  const last: Record<string, unknown> | undefined = page.LastEvaluatedKey;
  for await (const user of query) {
    const id: string = user.id;
    void id;
  }
  const all: User[] = await table.scan<User>().pageSize(100).toArray();
  const writer: BatchWriter = table.batchWriter({ overwriteByPkeys: ['id'], concurrency: 2 });
  await writer.putItem({ Item: { id: 'u2' } });
  await writer.deleteItem({ Key: { id: 'u3' } });
  await writer.close();
  const n: number = await table.batchWriter(async (w) => {
    await w.putItem({ Item: { id: 'u4' } });
    return 1;
  });
  const tx: TransactWriteCommandOutput = await dynamodb.transactWrite({
    TransactItems: [
      {
        Put: {
          TableName: 'users',
          Item: { id: 'u5' },
          ConditionExpression: Attr('id').notExists(),
        },
      },
    ],
  });
  const error = new BatchWriteError('m', [], []);
  const unsent: Record<string, unknown[]> = error.unprocessedItems;
  for await (const t of dynamodb.tables.limit(3)) {
    const name: string = t.name;
    void name;
  }
  await table.waitUntilExists({ maxWaitTime: 60 });
  return [made, put, age, last, all, n, tx, unsent];
}
