/**
 * DynamoDB's service and Table resources against moto: createTable, Table(name), the tables
 * collection, lazy attributes, exists(), update, delete, waiters, and the raw v3 client.
 */
import { GetItemCommand, PutItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inspect } from 'node:util';
import { DynamoDB, Table } from '../../src/resources/dynamodb/index.js';
import { IdentifierError, ParamValidationError } from '../../src/index.js';
import { FAST_WAIT, useDynamoDBFixture } from '../support/dynamodb-fixture.js';
import { uniqueName } from '../support/emulator.js';

const { client, counter, dynamodb, newTable, track } = useDynamoDBFixture();

describe('DynamoDB service', () => {
  it('createTable sends CreateTable and returns the Table with its description as data', async () => {
    const name = uniqueName('create');
    track(name);
    const table = await dynamodb.createTable({
      TableName: name,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    expect(table).toBeInstanceOf(Table);
    expect(table.name).toBe(name);
    expect(table.data?.TableName).toBe(name);
    // The description from CreateTable is the data: no DescribeTable to read it.
    expect(await table.keySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    expect(counter.byOperation).toEqual({ CreateTable: 1 });
  });

  it('Table(name) sends nothing; identifiers are checked', () => {
    const table = dynamodb.Table('users');
    expect(table.name).toBe('users');
    expect(table.toJSON()).toEqual({
      service: 'dynamodb',
      type: 'Table',
      identifiers: { name: 'users' },
    });
    expect(inspect(table)).toBe("Table { name: 'users' }");
    expect(() => dynamodb.Table('')).toThrow(IdentifierError);
    expect(counter.total).toBe(0);
  });

  it('the tables collection lists tables as Table resources, limit(n) asks for n', async () => {
    const made = [await newTable('list-a'), await newTable('list-b'), await newTable('list-c')];
    const names = new Set<string>();
    for await (const table of dynamodb.tables.all()) {
      expect(table).toBeInstanceOf(Table);
      names.add(table.name);
    }
    for (const table of made) expect(names.has(table.name)).toBe(true);
    counter.reset();

    const two = await dynamodb.tables.limit(2).toArray();
    expect(two).toHaveLength(2);
    expect(counter.count('ListTables')).toBe(1);
    expect(counter.inputs[0]?.input).toMatchObject({ Limit: 2 });
    counter.reset();

    // Pages of 1 table each: one ListTables per page.
    const pages: number[] = [];
    for await (const page of dynamodb.tables.pageSize(1).limit(3).pages()) pages.push(page.length);
    expect(pages).toEqual([1, 1, 1]);
    expect(counter.count('ListTables')).toBe(3);
  });

  it('filter passes ListTables params (ExclusiveStartTableName)', async () => {
    const table = await newTable('zz-after');
    const after = await dynamodb.tables.filter({ ExclusiveStartTableName: table.name }).toArray();
    expect(after.every((t) => t.name > table.name)).toBe(true);
  });

  it('meta.client is the v3 client, raw: AttributeValues in and out', async () => {
    const table = await newTable('raw');
    expect(table.meta.client).toBe(client);
    expect(dynamodb.meta.client).toBe(client);
    await table.meta.client.send(
      new PutItemCommand({ TableName: table.name, Item: { id: { S: 'r1' }, n: { N: '5' } } }),
    );
    const raw = await table.meta.client.send(
      new GetItemCommand({ TableName: table.name, Key: { id: { S: 'r1' } } }),
    );
    expect(raw.Item).toEqual({ id: { S: 'r1' }, n: { N: '5' } });
    // Through the resource, the same item is native.
    expect((await table.getItem({ Key: { id: 'r1' } })).Item).toEqual({ id: 'r1', n: 5 });
    // Using the resource did not change the client's config or how it sends.
    const again = await client.send(
      new GetItemCommand({ TableName: table.name, Key: { id: { S: 'r1' } } }),
    );
    expect(again.Item).toEqual({ id: { S: 'r1' }, n: { N: '5' } });
    expect((client.config as { translateConfig?: unknown }).translateConfig).toBeUndefined();
  });

  it('new DynamoDB(config) makes its own DynamoDBClient', () => {
    const own = new DynamoDB({ region: 'eu-west-1' });
    expect(own.meta.client).toBeInstanceOf(DynamoDBClient);
    expect(JSON.stringify(own)).toBe('{"service":"dynamodb"}');
    own.meta.client.destroy();
  });
});

describe('Table', () => {
  it('reads attributes lazily: 12 reads = 1 DescribeTable; reload() sends another', async () => {
    const made = await newTable('lazy');
    const table = dynamodb.Table(made.name);
    expect(table.data).toBeUndefined();
    expect(counter.total).toBe(0);
    const reads = [
      await table.tableStatus,
      await table.keySchema,
      await table.attributeDefinitions,
      await table.itemCount,
      await table.tableArn,
      await table.creationDateTime,
      await table.billingModeSummary,
      await table.tableSizeBytes,
      await table.tableStatus,
      await table.keySchema,
      await table.tableId,
      await table.provisionedThroughput,
    ];
    expect(reads[0]).toBe('ACTIVE');
    expect(reads[1]).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    expect(reads[4]).toContain(made.name);
    expect(counter.byOperation).toEqual({ DescribeTable: 1 });
    expect(table.data?.TableName).toBe(made.name);
    await table.reload();
    expect(counter.byOperation).toEqual({ DescribeTable: 2 });
  });

  it('concurrent first reads share one DescribeTable', async () => {
    const made = await newTable('shared');
    const table = dynamodb.Table(made.name);
    const [status, count, arn] = await Promise.all([
      table.tableStatus,
      table.itemCount,
      table.tableArn,
    ]);
    expect([status, count, typeof arn]).toEqual(['ACTIVE', 0, 'string']);
    expect(counter.byOperation).toEqual({ DescribeTable: 1 });
  });

  it('exists() is true for a table, false for a missing one', async () => {
    const made = await newTable('exists');
    expect(await dynamodb.Table(made.name).exists()).toBe(true);
    expect(await dynamodb.Table(uniqueName('missing')).exists()).toBe(false);
    expect(counter.byOperation).toEqual({ DescribeTable: 2 });
  });

  it('a missing table loads with the v3 ResourceNotFoundException', async () => {
    await expect(dynamodb.Table(uniqueName('missing')).tableStatus).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('update() sends UpdateTable and returns the Table with the new description', async () => {
    const table = await newTable('update');
    const updated = await table.update({
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 3, WriteCapacityUnits: 4 },
    });
    expect(updated).toBeInstanceOf(Table);
    expect(updated.name).toBe(table.name);
    expect(updated.data?.ProvisionedThroughput).toMatchObject({
      ReadCapacityUnits: 3,
      WriteCapacityUnits: 4,
    });
    expect(counter.byOperation).toEqual({ UpdateTable: 1 });
    expect(await dynamodb.Table(table.name).provisionedThroughput).toMatchObject({
      ReadCapacityUnits: 3,
    });
  });

  it('update() refuses a TableName of its own', async () => {
    const table = dynamodb.Table('t');
    await expect(
      table.update({ TableName: 'other' } as unknown as Parameters<Table['update']>[0]),
    ).rejects.toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });

  it('waitUntilExists keeps the description as data; delete + waitUntilNotExists', async () => {
    const made = await newTable('wait');
    const table = dynamodb.Table(made.name);
    await table.waitUntilExists(FAST_WAIT);
    expect(table.data?.TableStatus).toBe('ACTIVE');
    expect(counter.byOperation).toEqual({ DescribeTable: 1 });
    await table.tableStatus; // no new request: the waiter's response is the data
    expect(counter.byOperation).toEqual({ DescribeTable: 1 });

    const output = await table.delete();
    expect(output.TableDescription?.TableName).toBe(made.name);
    await table.waitUntilNotExists(FAST_WAIT);
    expect(await table.exists()).toBe(false);
    expect(counter.count('DeleteTable')).toBe(1);
  });

  it('waitUntilExists gives up on a table that never appears', async () => {
    const table = dynamodb.Table(uniqueName('never'));
    await expect(
      table.waitUntilExists({ minDelay: 0.05, maxDelay: 0.1, maxWaitTime: 1 }),
    ).rejects.toThrow();
    expect(counter.count('DescribeTable')).toBeGreaterThan(1);
  });
});
