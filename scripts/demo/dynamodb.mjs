/** The DynamoDB part of the demo: a table, native values, conditions, query, batch writer. */
import { randomBytes } from 'node:crypto';
import { code, part, show, step } from './print.mjs';

export async function tourDynamoDB({ lib, target, counter }) {
  const { DynamoDB, Key, Attr, NumberValue } = lib.dynamodb;
  part('Amazon DynamoDB — aws-resources/dynamodb');
  const dynamodb = new DynamoDB(target.config('dynamodb'));
  counter.watch(dynamodb.meta.client);
  let table;
  try {
    step('Create a table and wait until it is active');
    const name = `aws-resources-demo-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    code(
      `const table = await dynamodb.createTable({ TableName: '${name}', KeySchema: [id HASH, at RANGE], ... });`,
    );
    table = await dynamodb.createTable({
      TableName: name,
      KeySchema: [
        { AttributeName: 'id', KeyType: 'HASH' },
        { AttributeName: 'at', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'id', AttributeType: 'S' },
        { AttributeName: 'at', AttributeType: 'N' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    });
    code('await table.waitUntilExists({ minDelay: 1, maxWaitTime: 120 });');
    await table.waitUntilExists({ minDelay: 1, maxWaitTime: 120 });
    code('await table.tableStatus;   // kept from the waiter: no request');
    show('', await table.tableStatus);
    counter.print();

    step('Items in plain JavaScript values, numbers never rounded');
    code(
      "await table.putItem({ Item: { id: 'ada', at: 1, tags: new Set(['math']), big: 2n ** 64n, ratio: 0.1 } });",
    );
    await table.putItem({
      Item: { id: 'ada', at: 1, tags: new Set(['math']), big: 2n ** 64n, ratio: 0.1 },
    });
    code("(await table.getItem({ Key: { id: 'ada', at: 1 } })).Item;");
    const { Item } = await table.getItem({ Key: { id: 'ada', at: 1 } });
    show('', Item);
    show('big is a NumberValue:', `${Item.big instanceof NumberValue} (${Item.big})`);
    counter.print();

    step('Conditions with Key and Attr instead of expression strings');
    code(
      "await table.putItem({ Item: { id: 'ada', at: 1 }, ConditionExpression: Attr('id').notExists() });",
    );
    await table
      .putItem({ Item: { id: 'ada', at: 1 }, ConditionExpression: Attr('id').notExists() })
      .catch((error) => show(`${error.name}:`, error.message));
    code(
      "await table.updateItem({ Key, UpdateExpression: 'ADD visits :one', ..., ReturnValues: 'UPDATED_NEW' });",
    );
    const { Attributes } = await table.updateItem({
      Key: { id: 'ada', at: 1 },
      UpdateExpression: 'ADD visits :one',
      ExpressionAttributeValues: { ':one': 1 },
      ConditionExpression: Attr('tags').contains('math'),
      ReturnValues: 'UPDATED_NEW',
    });
    show('', Attributes);
    counter.print();

    step('A batch writer: 100 puts in 4 requests');
    code(
      'await table.batchWriter(async (w) => { for (let at = 1; at <= 100; at++) await w.putItem(...) });',
    );
    await table.batchWriter(async (w) => {
      for (let at = 1; at <= 100; at++) {
        await w.putItem({ Item: { id: 'log', at, level: at % 10 === 0 ? 'error' : 'info' } });
      }
    });
    counter.print();

    step('Query and scan: lazy collections that page for you');
    code(
      "await table.query({ KeyConditionExpression: Key('id').eq('log').and(Key('at').gt(95)) }).toArray();",
    );
    const recent = await table
      .query({ KeyConditionExpression: Key('id').eq('log').and(Key('at').gt(95)) })
      .toArray();
    show(
      '',
      recent.map((item) => item.at),
    );
    code("await table.query({ KeyConditionExpression: Key('id').eq('log') }).limit(3).toArray();");
    const three = await table
      .query({ KeyConditionExpression: Key('id').eq('log') })
      .limit(3)
      .toArray();
    show(
      '',
      three.map((item) => item.at),
    );
    code("for await (const item of table.scan({ FilterExpression: Attr('level').eq('error') }))");
    const errors = [];
    for await (const item of table.scan({ FilterExpression: Attr('level').eq('error') })) {
      errors.push(item.at);
    }
    show(
      '',
      errors.sort((a, b) => a - b),
    );
    counter.print();
  } finally {
    if (table) {
      step('Clean up');
      code('await table.delete();');
      await table.delete();
      counter.print();
    }
    dynamodb.meta.client.destroy();
  }
}
