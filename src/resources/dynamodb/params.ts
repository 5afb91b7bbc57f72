/**
 * The params of the hand-written DynamoDB methods: lib-dynamodb's inputs (native values)
 * minus what the resource fills, with expressions that may be conditions (`Key`, `Attr`) and
 * projections that may be lists of attribute paths. On a typed table (`Table<T, K>`) the item
 * is a `T`, the key a {@link TableKey}, conditions `T`'s and returned attributes `T`s; an
 * untyped table (`T` with a string index signature) keeps lib-dynamodb's types unchanged.
 */
import type {
  BatchGetCommandInput,
  BatchGetKeysAndAttributes,
  BatchWriteCommandInput,
  DeleteCommandInput,
  DeleteCommandOutput,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  PutCommandOutput,
  QueryCommandInput,
  ScanCommandInput,
  TransactWriteCommandInput,
  UpdateCommandInput,
  UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import type { WithConditions } from './conditions/index.js';
import type { IsUntyped } from './conditions/item-types.js';

/**
 * An item or key in native JavaScript values.
 *
 * @public
 */
export type NativeItem = Record<string, NativeAttributeValue>;

/**
 * The key of a table of `T` items whose key attributes are `K` (`Table<Order, 'pk' | 'sk'>`):
 * exactly those attributes, with their types. Without `K` (`Table<Order>`), each of `T`'s
 * attributes with their types: the key schema is not in the type, so every real key fits,
 * and a name or value that `T` does not have is still an error. Untyped: all native values.
 *
 * @typeParam T - the item type
 * @typeParam K - the key attribute names, if given
 * @example
 * ```ts
 * const key: TableKey<Order, 'pk' | 'sk'> = { pk: 'customer#1', sk: 'order#1' };
 * ```
 *
 * @public
 */
export type TableKey<T extends object, K extends keyof T = never> =
  IsUntyped<T> extends true ? NativeItem : [K] extends [never] ? Partial<T> : Required<Pick<T, K>>;

/**
 * What a table's reads may be said to return (`getItem<I>`, `query<I>`, `scan<I>`): anything on
 * an untyped table; on a `Table<T>`, only a part of `T` (a projection's items), so that a
 * type argument cannot claim attributes the table's items do not have.
 *
 * @typeParam T - the table's item type
 * @example
 * ```ts
 * const view: ItemView<Order> = { pk: 'customer#1', total: 12 }; // Partial<Order>
 * ```
 *
 * @public
 */
export type ItemView<T extends object> = IsUntyped<T> extends true ? object : Partial<T>;

/** lib-dynamodb's type `P` for untyped tables; `P` with `Typed`'s members for typed ones. */
type Typed<T extends object, P, Members> =
  IsUntyped<T> extends true ? P : Omit<P, keyof Members> & Members;

/**
 * What `ReturnValues: R` gives back on a typed table: the whole item for `ALL_OLD` / `ALL_NEW`,
 * the changed attributes for `UPDATED_OLD` / `UPDATED_NEW`, nothing for `NONE` or none.
 *
 * @typeParam T - the item type
 * @typeParam R - the request's `ReturnValues`
 * @example
 * ```ts
 * const updated: ReturnedAttributes<Order, 'UPDATED_NEW'> = { total: 12 }; // Partial<Order>
 * ```
 *
 * @public
 */
export type ReturnedAttributes<T, R> = [R] extends ['ALL_OLD' | 'ALL_NEW']
  ? T
  : [R] extends ['NONE' | undefined]
    ? undefined
    : Partial<T>;

/**
 * The `ReturnValues` a request may ask for (v3's `ReturnValue`).
 *
 * @example
 * ```ts
 * const r: ReturnValuesOption = 'ALL_NEW';
 * ```
 *
 * @public
 */
export type ReturnValuesOption = NonNullable<UpdateCommandInput['ReturnValues']>;

/**
 * `table.putItem` params: PutItem's input minus `TableName`; on a `Table<T>`, `Item` is a `T`.
 *
 * @typeParam T - the table's item type (untyped by default)
 * @example
 * ```ts
 * const params: PutItemParams<Order> = { Item: order, ConditionExpression: Attr<Order>('pk').notExists() };
 * ```
 *
 * @public
 */
export type PutItemParams<T extends object = NativeItem> = WithConditions<
  Typed<T, Omit<PutCommandInput, 'TableName'>, { Item: T }>,
  T
>;
/**
 * `table.putItem`'s result; on a `Table<T>`, `Attributes` (with `ReturnValues: 'ALL_OLD'`) is a `T`.
 *
 * @typeParam T - the table's item type (untyped by default)
 * @typeParam R - the request's `ReturnValues`
 * @example
 * ```ts
 * const { Attributes }: PutItemOutput<Order, 'ALL_OLD'> = await orders.putItem({ Item: order, ReturnValues: 'ALL_OLD' });
 * ```
 *
 * @public
 */
export type PutItemOutput<T extends object = NativeItem, R = undefined> = Typed<
  T,
  PutCommandOutput,
  { Attributes?: ReturnedAttributes<T, R> }
>;
/**
 * `table.getItem` params: GetItem's input minus `TableName`; on a `Table<T, K>`, `Key` is a
 * {@link TableKey} and `ProjectionExpression` may list `T`'s paths.
 *
 * @typeParam T - the table's item type (untyped by default)
 * @typeParam K - the table's key attribute names, if given
 * @example
 * ```ts
 * const params: GetItemParams<Order, 'pk' | 'sk'> = { Key: { pk: 'customer#1', sk: 'order#1' } };
 * ```
 *
 * @public
 */
export type GetItemParams<
  T extends object = NativeItem,
  K extends keyof T = never,
> = WithConditions<Typed<T, Omit<GetCommandInput, 'TableName'>, { Key: TableKey<T, K> }>, T>;
/**
 * `table.getItem`'s result: `Item` typed as the table (or the caller) says.
 *
 * @typeParam T - the item's type
 * @example
 * ```ts
 * const { Item }: GetItemOutput<Order> = await orders.getItem({ Key: { pk: 'customer#1', sk: 'order#1' } });
 * ```
 *
 * @public
 */
export type GetItemOutput<T> = Omit<GetCommandOutput, 'Item'> & { Item?: T };
/**
 * `table.updateItem` params: UpdateItem's input minus `TableName`; on a `Table<T, K>`, `Key`
 * is a {@link TableKey}.
 *
 * @typeParam T - the table's item type (untyped by default)
 * @typeParam K - the table's key attribute names, if given
 * @example
 * ```ts
 * const params: UpdateItemParams<Order, 'pk' | 'sk'> = {
 *   Key: { pk: 'customer#1', sk: 'order#1' },
 *   UpdateExpression: 'SET #t = :t',
 *   ExpressionAttributeNames: { '#t': 'total' },
 *   ExpressionAttributeValues: { ':t': 12 },
 * };
 * ```
 *
 * @public
 */
export type UpdateItemParams<
  T extends object = NativeItem,
  K extends keyof T = never,
> = WithConditions<Typed<T, Omit<UpdateCommandInput, 'TableName'>, { Key: TableKey<T, K> }>, T>;
/**
 * `table.updateItem`'s result; on a `Table<T>`, `Attributes` is typed by `ReturnValues`
 * ({@link ReturnedAttributes}).
 *
 * @typeParam T - the table's item type (untyped by default)
 * @typeParam R - the request's `ReturnValues`
 * @example
 * ```ts
 * const { Attributes }: UpdateItemOutput<Order, 'ALL_NEW'> = await orders.updateItem({ ...params, ReturnValues: 'ALL_NEW' });
 * ```
 *
 * @public
 */
export type UpdateItemOutput<T extends object = NativeItem, R = undefined> = Typed<
  T,
  UpdateCommandOutput,
  { Attributes?: ReturnedAttributes<T, R> }
>;
/**
 * `table.deleteItem` params: DeleteItem's input minus `TableName`; on a `Table<T, K>`, `Key`
 * is a {@link TableKey}.
 *
 * @typeParam T - the table's item type (untyped by default)
 * @typeParam K - the table's key attribute names, if given
 * @example
 * ```ts
 * const params: DeleteItemParams<Order, 'pk' | 'sk'> = { Key: { pk: 'customer#1', sk: 'order#1' } };
 * ```
 *
 * @public
 */
export type DeleteItemParams<
  T extends object = NativeItem,
  K extends keyof T = never,
> = WithConditions<Typed<T, Omit<DeleteCommandInput, 'TableName'>, { Key: TableKey<T, K> }>, T>;
/**
 * `table.deleteItem`'s result; on a `Table<T>`, `Attributes` (with `ReturnValues: 'ALL_OLD'`) is a `T`.
 *
 * @typeParam T - the table's item type (untyped by default)
 * @typeParam R - the request's `ReturnValues`
 * @example
 * ```ts
 * const { Attributes }: DeleteItemOutput<Order, 'ALL_OLD'> = await orders.deleteItem({ Key: key, ReturnValues: 'ALL_OLD' });
 * ```
 *
 * @public
 */
export type DeleteItemOutput<T extends object = NativeItem, R = undefined> = Typed<
  T,
  DeleteCommandOutput,
  { Attributes?: ReturnedAttributes<T, R> }
>;
/**
 * `table.query` params: Query's input minus `TableName` and `Limit` (use `.limit(n)` / `.pageSize(n)`);
 * on a `Table<T>`, conditions are `T`'s.
 *
 * @typeParam T - the table's item type (untyped by default)
 * @example
 * ```ts
 * const params: QueryParams<Order> = { KeyConditionExpression: orders.key('pk').eq('customer#1') };
 * ```
 *
 * @public
 */
export type QueryParams<T extends object = NativeItem> = WithConditions<
  Omit<QueryCommandInput, 'TableName' | 'Limit'>,
  T
>;
/**
 * `table.scan` params: Scan's input minus `TableName` and `Limit` (use `.limit(n)` / `.pageSize(n)`);
 * on a `Table<T>`, conditions are `T`'s.
 *
 * @typeParam T - the table's item type (untyped by default)
 * @example
 * ```ts
 * const params: ScanParams<Order> = { FilterExpression: orders.attr('total').gt(100) };
 * ```
 *
 * @public
 */
export type ScanParams<T extends object = NativeItem> = WithConditions<
  Omit<ScanCommandInput, 'TableName' | 'Limit'>,
  T
>;

/**
 * `dynamodb.batchGetItem` params: native keys, each table's projection may be a list of paths.
 *
 * @public
 */
export type BatchGetItemParams = Omit<BatchGetCommandInput, 'RequestItems'> & {
  RequestItems: Record<string, WithConditions<BatchGetKeysAndAttributes>> | undefined;
};
/**
 * `dynamodb.batchWriteItem` params (native values).
 *
 * @public
 */
export type BatchWriteItemParams = BatchWriteCommandInput;

/**
 * `dynamodb.transactWrite` params: native values, conditions in every `TransactItems` entry.
 *
 * @public
 */
export type TransactWriteParams = WithConditions<TransactWriteCommandInput>;
