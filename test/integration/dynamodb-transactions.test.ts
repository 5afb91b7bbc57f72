/**
 * Transactions against moto (beyond boto3's resources): transactWrite with native values and
 * conditions, transactGet, and a cancelled transaction's CancellationReasons.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { Attr, NumberValue, type Table } from '../../src/resources/dynamodb/index.js';
import { ParamValidationError } from '../../src/index.js';
import { useDynamoDBFixture } from '../support/dynamodb-fixture.js';

const { counter, dynamodb, newTable } = useDynamoDBFixture();

let users: Table;
let stats: Table;
beforeAll(async () => {
  users = await newTable('tx-users');
  stats = await newTable('tx-stats');
  await stats.putItem({ Item: { id: 'users', n: 0 } });
  await stats.putItem({ Item: { id: 'open', yes: true } });
});

describe('transactions', () => {
  it('transactWrite: every item succeeds together; conditions and native values', async () => {
    await dynamodb.transactWrite({
      TransactItems: [
        {
          Put: {
            TableName: users.name,
            Item: { id: 'u1', tags: new Set(['a']), big: 2n ** 55n },
            ConditionExpression: Attr('id').notExists(),
          },
        },
        {
          Update: {
            TableName: stats.name,
            Key: { id: 'users' },
            UpdateExpression: 'ADD n :one',
            ExpressionAttributeValues: { ':one': 1 },
            ConditionExpression: Attr('n').gte(0),
          },
        },
        {
          ConditionCheck: {
            TableName: stats.name,
            Key: { id: 'open' },
            ConditionExpression: Attr('yes').eq(true),
          },
        },
      ],
    });
    expect(counter.byOperation).toEqual({ TransactWriteItems: 1 });
    const sent = counter.inputs[0]?.input as {
      TransactItems: Array<Record<string, Record<string, unknown>>>;
    };
    expect(sent.TransactItems[0]?.Put?.ConditionExpression).toBe('attribute_not_exists(#n0)');
    expect(sent.TransactItems[1]?.Update?.ExpressionAttributeValues).toEqual({
      ':one': { N: '1' },
      ':v0': { N: '0' },
    });

    const got = await dynamodb.transactGet({
      TransactItems: [
        { Get: { TableName: users.name, Key: { id: 'u1' } } },
        { Get: { TableName: stats.name, Key: { id: 'users' } } },
      ],
    });
    expect(got.Responses?.map((r) => r.Item)).toEqual([
      { id: 'u1', tags: new Set(['a']), big: expect.any(NumberValue) },
      { id: 'users', n: 1 },
    ]);
    expect(String(got.Responses?.[0]?.Item?.big)).toBe(String(2n ** 55n));
  });

  it('a cancelled transaction raises with its CancellationReasons; nothing is written', async () => {
    await users.putItem({ Item: { id: 'taken' } });
    const error = await dynamodb
      .transactWrite({
        TransactItems: [
          { Put: { TableName: users.name, Item: { id: 'new-one' } } },
          {
            Put: {
              TableName: users.name,
              Item: { id: 'taken', v: 2 },
              ConditionExpression: Attr('id').notExists(),
            },
          },
        ],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    const reasons = (error as TransactionCanceledException).CancellationReasons;
    expect(reasons?.map((r) => r.Code)).toEqual(['None', 'ConditionalCheckFailed']);
    expect((await users.getItem({ Key: { id: 'new-one' } })).Item).toBeUndefined();
    expect((await users.getItem({ Key: { id: 'taken' } })).Item).toEqual({ id: 'taken' });
  });

  it('a bad value in a transaction fails before any request', async () => {
    await expect(
      dynamodb.transactWrite({
        TransactItems: [{ Put: { TableName: users.name, Item: { id: 'x', s: new Set() } } }],
      }),
    ).rejects.toThrow(ParamValidationError);
    await expect(
      dynamodb.transactWrite({
        TransactItems: [
          {
            Update: {
              TableName: users.name,
              Key: { id: 'x' },
              UpdateExpression: 'SET a = :a',
              ExpressionAttributeValues: { ':a': Number.NaN },
            },
          },
        ],
      }),
    ).rejects.toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });
});
