import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  abortErrorOf,
  clientFor,
  collectionOf,
  runAction,
  ParamValidationError,
  type RequestOptions,
  withLibraryUserAgent,
} from '../../core/index.js';
import { BatchWriter, type BatchWriterOptions, type SendBatchWrite } from './batch-writer.js';
import { Attr, Key, type ConditionAttribute, type KeyAttribute } from './conditions/index.js';
import type { AttributeName, AttributePath, AttributeValueAt } from './conditions/item-types.js';
import {
  Table$deleteItem,
  Table$query,
  Table$scan,
  Table$getItem,
  Table$putItem,
  Table$updateItem,
  TableBase,
} from './generated/table.js';
import { dynamodbService } from './generated/spec.js';
import { ScanCollection } from './scan-collection.js';
import { ItemCollection } from './item-collection.js';
import type {
  DeleteItemOutput,
  DeleteItemParams,
  GetItemOutput,
  GetItemParams,
  ItemView,
  NativeItem,
  PutItemOutput,
  PutItemParams,
  QueryParams,
  ReturnValuesOption,
  ScanParams,
  UpdateItemOutput,
  UpdateItemParams,
} from './params.js';
import { prepareRequest } from './prepare.js';

/**
 * A DynamoDB table: its identifier `name`, attributes from DescribeTable (loaded once, on
 * first read), item actions in native JavaScript values with conditions (`Key`, `Attr`),
 * lazy `query` and `scan`, and a batch writer.
 *
 * Typed once with its item type (`dynamodb.Table<Order>('orders')`), it checks items, keys,
 * conditions and results against `Order`; with the key names too
 * (`dynamodb.Table<Order, 'pk' | 'sk'>('orders')`) keys must be exactly those attributes.
 * The types are compile-time only: nothing is checked against them at run time.
 *
 * @typeParam T - the item type (untyped by default: all native values)
 * @typeParam K - the key attribute names (by default a key is any of `T`'s attributes)
 * @example
 * ```ts
 * const table = new DynamoDB().Table('users');
 * await table.putItem({ Item: { id: 'u1', age: 31 } });
 * for await (const user of table.query({ KeyConditionExpression: Key('id').eq('u1') })) {}
 * ```
 *
 * @public
 */
export class Table<T extends object = NativeItem, K extends keyof T = never> extends TableBase {
  /**
   * A key attribute of this table's items, for `KeyConditionExpression`: on a typed table
   * the name must be one of `T`'s attributes and the values of its type. The same as
   * `Key(name)` otherwise.
   *
   * @param name - the attribute's name
   * @example
   * ```ts
   * const orders = dynamodb.Table<Order, 'pk' | 'sk'>('orders');
   * orders.query({ KeyConditionExpression: orders.key('pk').eq('customer#1') });
   * ```
   */
  key<N extends AttributeName<T>>(name: N): KeyAttribute<T, AttributeValueAt<T, N>> {
    return Key<T, N>(name);
  }

  /**
   * An attribute (or document path) of this table's items, for `ConditionExpression` and
   * `FilterExpression`: on a typed table the path must be one of `T`'s and the values of its
   * type. The same as `Attr(name)` otherwise.
   *
   * @param name - the attribute's name or document path (`'address.city'`, `'lines[0]'`)
   * @example
   * ```ts
   * orders.scan({ FilterExpression: orders.attr('total').gt(100) });
   * ```
   */
  attr<P extends AttributePath<T>>(name: P): ConditionAttribute<T, AttributeValueAt<T, P>> {
    return Attr<T, P>(name);
  }

  /**
   * Sends `PutItem` with the item in native values; `ConditionExpression` may be a condition.
   *
   * On a typed table `Item` is a `T`, and `Attributes` (with `ReturnValues: 'ALL_OLD'`) too.
   *
   * @typeParam R - the `ReturnValues` asked for (inferred)
   * @param params - the rest of the PutItem input (`Item`, `ConditionExpression`, `ReturnValues`, ...)
   * @param options - `abortSignal` cancels the request
   * @example
   * ```ts
   * await table.putItem({ Item: { id: 'u1', age: 31 }, ConditionExpression: Attr('id').notExists() });
   * ```
   */
  async putItem<R extends ReturnValuesOption | undefined = undefined>(
    params: PutItemParams<T> & { ReturnValues?: R },
    options?: RequestOptions,
  ): Promise<PutItemOutput<T, R>> {
    const prepared = prepareRequest(params, 'Table.putItem', ['Item']);
    return (await runAction(this, Table$putItem, prepared, options)) as PutItemOutput<T, R>;
  }

  /**
   * Sends `GetItem`; the item comes back in native values (numbers beyond JavaScript's exact
   * range as `NumberValue`). On a typed table `Key` is the table's key and `Item` a `T`.
   *
   * @typeParam I - the item's type: the table's, unless you say otherwise (an untyped table's
   *   items; on a typed table, a projection's, which must fit `Partial<T>`)
   * @param params - the rest of the GetItem input (`Key`, `ConsistentRead`, `ProjectionExpression`, ...)
   * @param options - `abortSignal` cancels the request
   * @example
   * ```ts
   * const { Item } = await table.getItem<{ id: string; age: number }>({ Key: { id: 'u1' } });
   * ```
   */
  async getItem<I extends ItemView<T> = T>(
    params: GetItemParams<T, K>,
    options?: RequestOptions,
  ): Promise<GetItemOutput<I>> {
    const prepared = prepareRequest(params, 'Table.getItem', ['Key']);
    return (await runAction(this, Table$getItem, prepared, options)) as GetItemOutput<I>;
  }

  /**
   * Sends `UpdateItem`; `ConditionExpression` may be a condition, values are native. On a
   * typed table `Key` is the table's key and `Attributes` is typed by `ReturnValues`: a `T`
   * for `ALL_NEW` / `ALL_OLD`, a `Partial<T>` for `UPDATED_NEW` / `UPDATED_OLD`.
   *
   * @typeParam R - the `ReturnValues` asked for (inferred)
   * @param params - the rest of the UpdateItem input (`Key`, `UpdateExpression`, ...)
   * @param options - `abortSignal` cancels the request
   * @example
   * ```ts
   * await table.updateItem({
   *   Key: { id: 'u1' },
   *   UpdateExpression: 'SET age = age + :one',
   *   ExpressionAttributeValues: { ':one': 1 },
   *   ConditionExpression: Attr('age').lt(150),
   * });
   * ```
   */
  async updateItem<R extends ReturnValuesOption | undefined = undefined>(
    params: UpdateItemParams<T, K> & { ReturnValues?: R },
    options?: RequestOptions,
  ): Promise<UpdateItemOutput<T, R>> {
    const prepared = prepareRequest(params, 'Table.updateItem', ['Key']);
    return (await runAction(this, Table$updateItem, prepared, options)) as UpdateItemOutput<T, R>;
  }

  /**
   * Sends `DeleteItem`; `ConditionExpression` may be a condition. On a typed table `Key` is
   * the table's key, and `Attributes` (with `ReturnValues: 'ALL_OLD'`) a `T`.
   *
   * @typeParam R - the `ReturnValues` asked for (inferred)
   * @param params - the rest of the DeleteItem input (`Key`, `ConditionExpression`, `ReturnValues`, ...)
   * @param options - `abortSignal` cancels the request
   * @example
   * ```ts
   * await table.deleteItem({ Key: { id: 'u1' }, ConditionExpression: Attr('age').gt(100) });
   * ```
   */
  async deleteItem<R extends ReturnValuesOption | undefined = undefined>(
    params: DeleteItemParams<T, K> & { ReturnValues?: R },
    options?: RequestOptions,
  ): Promise<DeleteItemOutput<T, R>> {
    const prepared = prepareRequest(params, 'Table.deleteItem', ['Key']);
    return (await runAction(this, Table$deleteItem, prepared, options)) as DeleteItemOutput<T, R>;
  }

  /**
   * The items a `Query` selects, as a lazy collection: nothing is sent until it is iterated.
   * `for await` goes over items across pages; `.limit(n)` asks for no more than `n`;
   * `.pageSize(n)`, `.pages()`, `.toArray()`, and `.page()` for one raw page with
   * `LastEvaluatedKey`. `KeyConditionExpression` may be a `Key` condition and
   * `FilterExpression` an `Attr` condition (on a typed table, conditions on `T`).
   *
   * @typeParam I - the items' type: the table's, unless you say otherwise (on a typed table,
   *   a projection's, which must fit `Partial<T>`)
   * @param params - the rest of the Query input (without `Limit`: use `.limit(n)` or `.pageSize(n)`)
   * @example
   * ```ts
   * const recent = await table
   *   .query({ KeyConditionExpression: Key('id').eq('u1').and(Key('at').gte(1700000000)) })
   *   .limit(5)
   *   .toArray(); // one Query, Limit=5
   * ```
   */
  query<I extends ItemView<T> = T>(params: QueryParams<T>): ItemCollection<I, QueryParams<T>> {
    return this.#items<I, QueryParams<T>>(params);
  }

  /**
   * Every item of the table (or of an index), as a lazy collection like {@link Table.query};
   * `FilterExpression` may be an `Attr` condition.
   *
   * @typeParam I - the items' type: the table's, unless you say otherwise (on a typed table,
   *   a projection's, which must fit `Partial<T>`)
   * @param params - the rest of the Scan input (without `Limit`: use `.limit(n)` or `.pageSize(n)`)
   * @example
   * ```ts
   * for await (const item of table.scan({ FilterExpression: Attr('age').gte(18) })) console.log(item);
   * ```
   */
  scan<I extends ItemView<T> = T>(params?: ScanParams<T>): ScanCollection<I, ScanParams<T>> {
    const spec = Table$scan;
    const all = collectionOf<ScanCollection<I, ScanParams<T>>>(this, spec, ScanCollection).all();
    return params === undefined ? all : all.filter(params);
  }

  /**
   * A batch writer for this table: puts and deletes are buffered and sent 25 at a time with
   * `BatchWriteItem`, `UnprocessedItems` re-sent with exponential backoff and jitter.
   * Given a function, runs it with the writer and then sends what is left, even when it
   * throws (its error is then re-thrown). Without one, returns the writer: call `close()`.
   * Writes that cannot be made raise a `BatchWriteError` carrying every unsent write.
   *
   * @param write - what to write, given the writer
   * @param options - `overwriteByPkeys`, `concurrency`, `maxAttempts`, `baseDelayMs`, `maxDelayMs`, `abortSignal`
   * @example
   * ```ts
   * await table.batchWriter(async (w) => {
   *   for (const user of users) await w.putItem({ Item: user });
   * });
   * ```
   */
  batchWriter<R>(
    write: (writer: BatchWriter<T, K>) => Promise<R> | R,
    options?: BatchWriterOptions<T>,
  ): Promise<R>;
  /**
   * A batch writer for this table, to `close()` when done.
   *
   * @param options - `overwriteByPkeys`, `concurrency`, `maxAttempts`, `baseDelayMs`, `maxDelayMs`, `abortSignal`
   * @example
   * ```ts
   * const w = table.batchWriter({ overwriteByPkeys: ['id'] });
   * await w.putItem({ Item: { id: 'u1' } });
   * await w.close();
   * ```
   */
  batchWriter(options?: BatchWriterOptions<T>): BatchWriter<T, K>;
  batchWriter<R>(
    writeOrOptions?: ((writer: BatchWriter<T, K>) => Promise<R> | R) | BatchWriterOptions<T>,
    options?: BatchWriterOptions<T>,
  ): BatchWriter<T, K> | Promise<R> {
    const label = 'Table.batchWriter';
    if (typeof writeOrOptions !== 'function') {
      if (options !== undefined)
        throw new ParamValidationError(`${label}: options come first when no function is given`);
      return new BatchWriter<T, K>(this.name, this.#sendBatchWrite(), writeOrOptions, label);
    }
    const writer = new BatchWriter<T, K>(this.name, this.#sendBatchWrite(), options, label);
    return runWriter(writer, writeOrOptions, label);
  }

  #items<I extends object, P extends object>(params: P | undefined): ItemCollection<I, P> {
    const all = collectionOf<ItemCollection<I, P>>(this, Table$query, ItemCollection).all();
    return params === undefined ? all : all.filter(params);
  }

  #sendBatchWrite(): SendBatchWrite {
    // The document client the engine made for this client (shares its middleware): the one
    // that sends the item actions.
    const client = clientFor(
      dynamodbService,
      this.meta.client,
      Table$putItem.request,
    ) as DynamoDBDocumentClient;
    return (RequestItems, abortSignal) =>
      client
        .send(
          withLibraryUserAgent(new BatchWriteCommand({ RequestItems })),
          abortSignal ? { abortSignal } : {},
        )
        .catch((error: unknown) => {
          throw abortErrorOf(error, abortSignal);
        });
  }
}

/** Runs the writer's function, then flushes, also when the function throws. */
async function runWriter<W extends { close(): Promise<void> }, R>(
  writer: W,
  write: (writer: W) => Promise<R> | R,
  label: string,
): Promise<R> {
  let result: R;
  try {
    result = await write(writer);
  } catch (error) {
    try {
      await writer.close();
    } catch (flushError) {
      // Both failed: neither error may be lost.
      throw new AggregateError(
        [error, flushError],
        `${label}: the function threw, and flushing its buffered writes failed too`,
        { cause: flushError },
      );
    }
    throw error;
  }
  await writer.close();
  return result;
}
