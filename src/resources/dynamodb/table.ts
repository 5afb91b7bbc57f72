import {
  BatchWriteCommand,
  type DeleteCommandOutput,
  type DynamoDBDocumentClient,
  type PutCommandOutput,
  type UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import {
  abortErrorOf,
  clientFor,
  collectionOf,
  runAction,
  ParamValidationError,
  type RequestOptions,
} from '../../core/index.js';
import { BatchWriter, type BatchWriterOptions, type SendBatchWrite } from './batch-writer.js';
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
import { ItemCollection } from './item-collection.js';
import type {
  DeleteItemParams,
  GetItemOutput,
  GetItemParams,
  NativeItem,
  PutItemParams,
  QueryParams,
  ScanParams,
  UpdateItemParams,
} from './params.js';
import { prepareRequest } from './prepare.js';

/**
 * A DynamoDB table: its identifier `name`, attributes from DescribeTable (loaded once, on
 * first read), item actions in native JavaScript values with conditions (`Key`, `Attr`),
 * lazy `query` and `scan`, and a batch writer.
 *
 * @example
 * ```ts
 * const table = new DynamoDB().Table('users');
 * await table.putItem({ Item: { id: 'u1', age: 31 } });
 * for await (const user of table.query({ KeyConditionExpression: Key('id').eq('u1') })) {}
 * ```
 *
 * @public
 */
export class Table extends TableBase {
  /**
   * Sends `PutItem` with the item in native values; `ConditionExpression` may be a condition.
   *
   * @param params - the rest of the PutItem input (`Item`, `ConditionExpression`, `ReturnValues`, ...)
   * @param options - `abortSignal` cancels the request
   * @example
   * ```ts
   * await table.putItem({ Item: { id: 'u1', age: 31 }, ConditionExpression: Attr('id').notExists() });
   * ```
   */
  async putItem(params: PutItemParams, options?: RequestOptions): Promise<PutCommandOutput> {
    const prepared = prepareRequest(params, 'Table.putItem', ['Item']);
    return (await runAction(this, Table$putItem, prepared, options)) as PutCommandOutput;
  }

  /**
   * Sends `GetItem`; the item comes back in native values (numbers beyond JavaScript's exact
   * range as `NumberValue`).
   *
   * @typeParam T - the item's type, if you know it
   * @param params - the rest of the GetItem input (`Key`, `ConsistentRead`, `ProjectionExpression`, ...)
   * @param options - `abortSignal` cancels the request
   * @example
   * ```ts
   * const { Item } = await table.getItem<{ id: string; age: number }>({ Key: { id: 'u1' } });
   * ```
   */
  async getItem<T extends object = NativeItem>(
    params: GetItemParams,
    options?: RequestOptions,
  ): Promise<GetItemOutput<T>> {
    const prepared = prepareRequest(params, 'Table.getItem', ['Key']);
    return (await runAction(this, Table$getItem, prepared, options)) as GetItemOutput<T>;
  }

  /**
   * Sends `UpdateItem`; `ConditionExpression` may be a condition, values are native.
   *
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
  async updateItem(
    params: UpdateItemParams,
    options?: RequestOptions,
  ): Promise<UpdateCommandOutput> {
    const prepared = prepareRequest(params, 'Table.updateItem', ['Key']);
    return (await runAction(this, Table$updateItem, prepared, options)) as UpdateCommandOutput;
  }

  /**
   * Sends `DeleteItem`; `ConditionExpression` may be a condition.
   *
   * @param params - the rest of the DeleteItem input (`Key`, `ConditionExpression`, `ReturnValues`, ...)
   * @param options - `abortSignal` cancels the request
   * @example
   * ```ts
   * await table.deleteItem({ Key: { id: 'u1' }, ConditionExpression: Attr('age').gt(100) });
   * ```
   */
  async deleteItem(
    params: DeleteItemParams,
    options?: RequestOptions,
  ): Promise<DeleteCommandOutput> {
    const prepared = prepareRequest(params, 'Table.deleteItem', ['Key']);
    return (await runAction(this, Table$deleteItem, prepared, options)) as DeleteCommandOutput;
  }

  /**
   * The items a `Query` selects, as a lazy collection: nothing is sent until it is iterated.
   * `for await` goes over items across pages; `.limit(n)` asks for no more than `n`;
   * `.pageSize(n)`, `.pages()`, `.toArray()`, and `.page()` for one raw page with
   * `LastEvaluatedKey`. `KeyConditionExpression` may be a `Key` condition and
   * `FilterExpression` an `Attr` condition.
   *
   * @typeParam T - the items' type, if you know it
   * @param params - the rest of the Query input (without `Limit`: use `.limit(n)` or `.pageSize(n)`)
   * @example
   * ```ts
   * const recent = await table
   *   .query({ KeyConditionExpression: Key('id').eq('u1').and(Key('at').gte(1700000000)) })
   *   .limit(5)
   *   .toArray(); // one Query, Limit=5
   * ```
   */
  query<T extends object = NativeItem>(params: QueryParams): ItemCollection<T, QueryParams> {
    return this.#items<T, QueryParams>('Query', params);
  }

  /**
   * Every item of the table (or of an index), as a lazy collection like {@link Table.query};
   * `FilterExpression` may be an `Attr` condition.
   *
   * @typeParam T - the items' type, if you know it
   * @param params - the rest of the Scan input (without `Limit`: use `.limit(n)` or `.pageSize(n)`)
   * @example
   * ```ts
   * for await (const item of table.scan({ FilterExpression: Attr('age').gte(18) })) console.log(item);
   * ```
   */
  scan<T extends object = NativeItem>(params?: ScanParams): ItemCollection<T, ScanParams> {
    return this.#items<T, ScanParams>('Scan', params);
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
    write: (writer: BatchWriter) => Promise<R> | R,
    options?: BatchWriterOptions,
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
  batchWriter(options?: BatchWriterOptions): BatchWriter;
  batchWriter<R>(
    writeOrOptions?: ((writer: BatchWriter) => Promise<R> | R) | BatchWriterOptions,
    options?: BatchWriterOptions,
  ): BatchWriter | Promise<R> {
    const label = 'Table.batchWriter';
    if (typeof writeOrOptions !== 'function') {
      if (options !== undefined)
        throw new ParamValidationError(`${label}: options come first when no function is given`);
      return new BatchWriter(this.name, this.#sendBatchWrite(), writeOrOptions, label);
    }
    const writer = new BatchWriter(this.name, this.#sendBatchWrite(), options, label);
    return runWriter(writer, writeOrOptions, label);
  }

  #items<T extends object, P extends object>(
    name: 'Query' | 'Scan',
    params: P | undefined,
  ): ItemCollection<T, P> {
    const spec = name === 'Query' ? Table$query : Table$scan;
    const all = collectionOf<ItemCollection<T, P>>(this, spec, ItemCollection).all();
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
        .send(new BatchWriteCommand({ RequestItems }), abortSignal ? { abortSignal } : {})
        .catch((error: unknown) => {
          throw abortErrorOf(error, abortSignal);
        });
  }
}

/** Runs the writer's function, then flushes, also when the function throws. */
async function runWriter<R>(
  writer: BatchWriter,
  write: (writer: BatchWriter) => Promise<R> | R,
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
