/**
 * Compile-time tests of typed tables (`dynamodb.Table<Order>('orders')`), checked by
 * `npm run typecheck` and test/unit/type-tests.test.ts. Nothing here runs.
 * Each `@ts-expect-error` line must stay an error; the rest must compile.
 */
import {
  and,
  Attr,
  Key,
  not,
  or,
  type Condition,
  type DynamoDB,
  type ItemCollection,
  type ItemPage,
  type KeyCondition,
  type Table,
  type TableKey,
} from '../../src/resources/dynamodb/index.js';

interface Order {
  pk: string;
  sk: string;
  total: number;
  status: 'new' | 'paid';
  tags?: Set<string>;
  lines: { sku: string; qty: number }[];
  address: { city: string; zip?: string };
  note?: string;
}

declare const order: Order;

export async function typedTablesCheckItemsAndKeys(dynamodb: DynamoDB) {
  const orders = dynamodb.Table<Order, 'pk' | 'sk'>('orders');
  const loose = dynamodb.Table<Order>('orders');

  await orders.putItem({ Item: order });
  const { total: _, ...noTotal } = order;
  // @ts-expect-error the item must be an Order (total is missing)
  await orders.putItem({ Item: noTotal });
  // @ts-expect-error an Order's total is a number
  await orders.putItem({ Item: { ...order, total: '12' } });
  // @ts-expect-error an Order has no attribute `color`
  await orders.putItem({ Item: { ...order, color: 'red' } });

  const { Item } = await orders.getItem({ Key: { pk: 'c#1', sk: 'o#1' } });
  const total: number | undefined = Item?.total;
  // @ts-expect-error the key needs sk too
  await orders.getItem({ Key: { pk: 'c#1' } });
  // @ts-expect-error the key is exactly pk and sk
  await orders.getItem({ Key: { pk: 'c#1', sk: 'o#1', total: 1 } });
  // @ts-expect-error pk is a string
  await orders.getItem({ Key: { pk: 1, sk: 'o#1' } });
  // @ts-expect-error the key needs sk too
  await orders.deleteItem({ Key: { pk: 'c#1' } });
  // @ts-expect-error the key is exactly pk and sk
  await orders.deleteItem({ Key: { pk: 'c#1', sk: 'o#1', note: 'x' } });
  // @ts-expect-error the key needs pk and sk
  await orders.updateItem({ Key: { sk: 'o#1' }, UpdateExpression: 'SET #t = :t' });

  // Without key names, a key is any of Order's attributes with their types.
  await loose.getItem({ Key: { pk: 'c#1', sk: 'o#1' } });
  // @ts-expect-error an Order has no attribute `id`
  await loose.getItem({ Key: { id: 'c#1' } });
  // @ts-expect-error sk is a string
  await loose.deleteItem({ Key: { pk: 'c#1', sk: 2 } });
  const key: TableKey<Order> = { pk: 'c#1' };

  // ProjectionExpression lists Order's paths.
  await orders.getItem({
    Key: { pk: 'c#1', sk: 'o#1' },
    ProjectionExpression: ['total', 'address.city'],
  });
  // @ts-expect-error an Order has no attribute `color`
  await orders.getItem({ Key: { pk: 'c#1', sk: 'o#1' }, ProjectionExpression: ['color'] });

  return [total, key];
}

export function typedConditionsCheckNamesAndValues(orders: Table<Order, 'pk' | 'sk'>) {
  orders.query({ KeyConditionExpression: orders.key('pk').eq('c#1') });
  orders.query({
    KeyConditionExpression: orders.key('pk').eq('c#1').and(orders.key('sk').beginsWith('o#')),
    FilterExpression: orders.attr('total').gt(10).and(orders.attr('address.city').eq('Paris')),
  });
  // @ts-expect-error pk is a string
  orders.key('pk').eq(1);
  // @ts-expect-error total is a number: no begins_with
  orders.key('total').beginsWith('1');
  // @ts-expect-error an Order has no attribute `id`
  orders.key('id');
  // @ts-expect-error total is a number
  orders.attr('total').gt('10');
  // @ts-expect-error status is 'new' or 'paid'
  orders.attr('status').in(['new', 'shipped']);
  // @ts-expect-error an Order's address has no `street`
  orders.attr('address.street');
  // @ts-expect-error each line's qty is a number
  orders.attr('lines[0].qty').eq('2');
  // @ts-expect-error tags hold strings
  orders.attr('tags').contains(1);
  orders.attr('tags').contains('vip');
  orders.attr('lines').size().gt(2);
  // @ts-expect-error a size is a number
  orders.attr('lines').size().gt('2');

  // The free builders take the item type; name and value checked with the name given.
  Key<Order>('pk').eq('c#1');
  Attr<Order>('address.zip').exists();
  // @ts-expect-error an Order has no attribute `id`
  Key<Order>('id');
  // @ts-expect-error an Order has no attribute `color`
  Attr<Order>('color');
  // @ts-expect-error pk is a string
  Key<Order, 'pk'>('pk').eq(1);
  // @ts-expect-error an Order holds no booleans at all
  Attr<Order>('note').eq(true);

  // A typed table takes only conditions on its item type.
  // @ts-expect-error an untyped Key condition could name anything
  orders.query({ KeyConditionExpression: Key('pk').eq('c#1') });
  // @ts-expect-error an untyped Attr condition could name anything
  orders.scan({ FilterExpression: Attr('total').gt(1) });
  // @ts-expect-error a condition on another item type
  orders.scan({ FilterExpression: Attr<{ other: number }>('other').gt(1) });
  // @ts-expect-error a key condition is made with key(), not attr()
  orders.query({ KeyConditionExpression: orders.attr('pk').eq('c#1') });
  // @ts-expect-error combining with an untyped condition
  orders.attr('total').gt(1).and(Attr('x').eq(1));

  const both: KeyCondition<Order> = and(Key<Order>('pk').eq('c#1'), orders.key('sk').gt('o#'));
  const either: Condition<Order> = or(
    orders.attr('total').lt(5),
    not(orders.attr('note').exists()),
  );
  orders.scan({ FilterExpression: either, ConditionalOperator: undefined });
  return both;
}

export async function typedResults(orders: Table<Order, 'pk' | 'sk'>, untyped: Table) {
  const query: ItemCollection<Order, object> = orders.query({
    KeyConditionExpression: orders.key('pk').eq('c#1'),
  });
  for await (const o of query) {
    const city: string = o.address.city;
    // @ts-expect-error query results are Orders
    void o.color;
    void city;
  }
  const page: ItemPage<Order> = await orders.scan().limit(5).page();
  const all: Order[] = await orders
    .scan({ FilterExpression: orders.attr('total').gt(1) })
    .toArray();
  // A projection's items may be typed as part of an Order, never as something else.
  const projected: Pick<Order, 'pk' | 'total'>[] = await orders
    .query<Pick<Order, 'pk' | 'total'>>({
      KeyConditionExpression: orders.key('pk').eq('c#1'),
      ProjectionExpression: ['pk', 'total'],
    })
    .toArray();
  // @ts-expect-error an Order has no attribute `color`
  await orders.getItem<{ color: string }>({ Key: { pk: 'c#1', sk: 'o#1' } });
  // @ts-expect-error an Order's total is a number
  orders.scan<{ total: string }>();
  // @ts-expect-error scan results are Orders, not strings
  const wrong: string[] = await orders.scan().toArray();

  const updated = await orders.updateItem({
    Key: { pk: 'c#1', sk: 'o#1' },
    UpdateExpression: 'SET #t = :t',
    ExpressionAttributeValues: { ':t': 12 },
    ReturnValues: 'ALL_NEW',
  });
  const newTotal: number | undefined = updated.Attributes?.total;
  const changed = await orders.updateItem({
    Key: { pk: 'c#1', sk: 'o#1' },
    UpdateExpression: 'SET #t = :t',
    ReturnValues: 'UPDATED_NEW',
  });
  // @ts-expect-error UPDATED_NEW returns only the changed attributes
  const whole: Order | undefined = changed.Attributes;
  const part: Partial<Order> | undefined = changed.Attributes;
  const none = await orders.updateItem({
    Key: { pk: 'c#1', sk: 'o#1' },
    UpdateExpression: 'SET #t = :t',
  });
  // @ts-expect-error nothing is returned without ReturnValues
  const nothing: Order = none.Attributes;
  const old = await orders.deleteItem({ Key: { pk: 'c#1', sk: 'o#1' }, ReturnValues: 'ALL_OLD' });
  const oldOrder: Order | undefined = old.Attributes;
  const replaced = await orders.putItem({ Item: order, ReturnValues: 'ALL_OLD' });
  // @ts-expect-error the old item is an Order
  const oldStatus: number | undefined = replaced.Attributes?.status;

  // Untyped tables keep lib-dynamodb's loose types.
  const loose = await untyped.updateItem({ Key: { id: 1 }, UpdateExpression: 'SET a = :a' });
  const anything: Record<string, unknown> | undefined = loose.Attributes;
  untyped.query({ KeyConditionExpression: Key<Order>('pk').eq('x') });

  return [
    page,
    all,
    projected,
    wrong,
    newTotal,
    whole,
    part,
    nothing,
    oldOrder,
    oldStatus,
    anything,
  ];
}

export async function typedBatchWriter(orders: Table<Order, 'pk' | 'sk'>) {
  await orders.batchWriter(async (w) => {
    await w.putItem({ Item: order });
    await w.deleteItem({ Key: { pk: 'c#1', sk: 'o#1' } });
    // @ts-expect-error the batch writer's items are Orders
    await w.putItem({ Item: { pk: 'c#1' } });
    // @ts-expect-error the batch writer's keys are pk and sk
    await w.deleteItem({ Key: { pk: 'c#1' } });
  });
  // @ts-expect-error overwriteByPkeys names Order's attributes
  orders.batchWriter({ overwriteByPkeys: ['id'] });
}
