import type {
  BatchGetCommandOutput,
  BatchGetKeysAndAttributes,
  BatchWriteCommandOutput,
  BatchWriteWriteRequest,
  TransactWriteCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import { runAction, ParamValidationError, type RequestOptions } from '../../core/index.js';
import { prepareExpressions } from './conditions/index.js';
import { BatchGetError, BatchWriteError } from './errors.js';
import {
  DynamoDB$batchGetItem,
  DynamoDB$batchWriteItem,
  DynamoDB$transactWrite,
  DynamoDBBase,
} from './generated/service.js';
import type {
  BatchGetItemParams,
  BatchWriteItemParams,
  NativeItem,
  TransactWriteParams,
} from './params.js';
import { prepareRequest } from './prepare.js';
import { retryPolicy, sendUntilProcessed, type RetryOptions } from './retry.js';
import type { Table } from './table.js';
import { checkNativeValues } from './values.js';

type RequestItems<T> = Record<string, T>;

/** The tables with something left in an `UnprocessedKeys` / `UnprocessedItems` map. */
function leftover<T>(
  map: RequestItems<T> | undefined,
  size: (entry: T) => number,
): RequestItems<T> | undefined {
  const left = Object.entries(map ?? {}).filter(([, entry]) => size(entry) > 0);
  return left.length > 0 ? Object.fromEntries(left) : undefined;
}

const keyCount = (entry: BatchGetKeysAndAttributes): number => entry.Keys?.length ?? 0;
const writeCount = (entry: BatchWriteWriteRequest[]): number => entry.length;

/**
 * The entry to DynamoDB: tables (`dynamodb.Table(name)`, `dynamodb.tables`, `createTable`),
 * batch reads and writes that re-send what DynamoDB leaves unprocessed, and transactions,
 * all in native JavaScript values. `meta.client` is the plain v3 `DynamoDBClient`.
 *
 * @example
 * ```ts
 * const dynamodb = new DynamoDB({ region: 'us-east-1' }); // or new DynamoDB({ client })
 * const users = dynamodb.Table('users');
 * ```
 *
 * @public
 */
export class DynamoDB extends DynamoDBBase {
  /**
   * The Table with the given `name`. Sends no request. Give it the items' type
   * (`Table<Order>('orders')`), and the key attribute names too (`Table<Order, 'pk' | 'sk'>`),
   * to have items, keys, conditions and results checked against it.
   *
   * @typeParam T - the item type (untyped by default)
   * @typeParam K - the key attribute names (by default a key is any of `T`'s attributes)
   * @param name - the table's name
   * @example
   * ```ts
   * interface Order { pk: string; sk: string; total: number }
   * const orders = dynamodb.Table<Order, 'pk' | 'sk'>('orders');
   * const { Item } = await orders.getItem({ Key: { pk: 'customer#1', sk: 'order#1' } }); // Item?: Order
   * ```
   */
  override Table<T extends object = NativeItem, K extends keyof T = never>(
    name: string,
  ): Table<T, K>;
  override Table(...args: unknown[]): Table {
    // Every argument goes on, so the generated factory still rejects extra ones.
    return (super.Table as (...inputs: unknown[]) => Table).apply(this, args);
  }

  /**
   * Sends `BatchGetItem`, then re-requests `UnprocessedKeys` with exponential backoff and
   * jitter until every key is read; the responses come back merged. Keys still unread after
   * `maxAttempts` requests raise a `BatchGetError` with them (and what was read) attached.
   *
   * @param params - the BatchGetItem input, keys in native values
   * @param options - `maxAttempts` (default 8), `baseDelayMs` (50), `maxDelayMs` (5000), `abortSignal`
   * @example
   * ```ts
   * const { Responses } = await dynamodb.batchGetItem({
   *   RequestItems: { users: { Keys: [{ id: 'u1' }, { id: 'u2' }] } },
   * });
   * ```
   */
  async batchGetItem(
    params: BatchGetItemParams,
    options?: RetryOptions,
  ): Promise<BatchGetCommandOutput> {
    const label = 'DynamoDB.batchGetItem';
    const policy = retryPolicy(options, label, (m) => new ParamValidationError(m));
    const input = this.#checkRequestItems(params, label);
    const outcome = await sendUntilProcessed(
      input.RequestItems as RequestItems<BatchGetKeysAndAttributes>,
      async (RequestItems) =>
        (await runAction(
          this,
          DynamoDB$batchGetItem,
          { ...input, RequestItems },
          policy,
        )) as BatchGetCommandOutput,
      (response) => leftover(response.UnprocessedKeys, keyCount),
      policy,
    );
    const merged = mergeGets(outcome.responses);
    if (outcome.unprocessed === undefined) return merged;
    if (outcome.error !== undefined && outcome.responses.length === 0) throw outcome.error;
    const unread = Object.values(outcome.unprocessed).reduce((n, e) => n + keyCount(e), 0);
    throw new BatchGetError(
      `${label}: ${unread} key(s) were not read: ${why(outcome.error, policy.maxAttempts)}`,
      outcome.unprocessed,
      merged,
      outcome.responses,
      outcome.error,
    );
  }

  /**
   * Sends `BatchWriteItem` (at most 25 writes), then re-sends `UnprocessedItems` with
   * exponential backoff and jitter until every write is made. Writes still unprocessed after
   * `maxAttempts` requests raise a `BatchWriteError` with them attached. For many writes to
   * one table, `table.batchWriter()` batches them for you.
   *
   * @param params - the BatchWriteItem input, items and keys in native values
   * @param options - `maxAttempts` (default 8), `baseDelayMs` (50), `maxDelayMs` (5000), `abortSignal`
   * @example
   * ```ts
   * await dynamodb.batchWriteItem({
   *   RequestItems: { users: [{ PutRequest: { Item: { id: 'u3' } } }, { DeleteRequest: { Key: { id: 'u1' } } }] },
   * });
   * ```
   */
  async batchWriteItem(
    params: BatchWriteItemParams,
    options?: RetryOptions,
  ): Promise<BatchWriteCommandOutput> {
    const label = 'DynamoDB.batchWriteItem';
    const policy = retryPolicy(options, label, (m) => new ParamValidationError(m));
    const input = this.#checkRequestItems(params, label);
    const outcome = await sendUntilProcessed(
      input.RequestItems as RequestItems<BatchWriteWriteRequest[]>,
      async (RequestItems) =>
        (await runAction(
          this,
          DynamoDB$batchWriteItem,
          { ...input, RequestItems },
          policy,
        )) as BatchWriteCommandOutput,
      (response) => leftover(response.UnprocessedItems, writeCount),
      policy,
    );
    if (outcome.unprocessed === undefined) return mergeWrites(outcome.responses);
    if (outcome.error !== undefined && outcome.responses.length === 0) throw outcome.error;
    const failures = Object.entries(outcome.unprocessed).flatMap(([tableName, requests]) =>
      requests.map((request) => ({ tableName, request })),
    );
    throw new BatchWriteError(
      `${label}: ${failures.length} write(s) were not made: ${why(outcome.error, policy.maxAttempts)}`,
      failures,
      outcome.responses,
      outcome.error,
    );
  }

  /**
   * Sends `TransactWriteItems`: all of `TransactItems` (Put, Update, Delete, ConditionCheck)
   * succeed or none do. Values are native; every `ConditionExpression` may be a condition.
   * A cancelled transaction rejects with the v3 `TransactionCanceledException`, whose
   * `CancellationReasons` give one `{ Code, Message }` per item, in order (`Code: 'None'`
   * for items that did not cause it).
   *
   * @param params - the TransactWriteItems input
   * @param options - `abortSignal` cancels the request
   * @example
   * ```ts
   * await dynamodb.transactWrite({
   *   TransactItems: [
   *     { Put: { TableName: 'users', Item: { id: 'u9' }, ConditionExpression: Attr('id').notExists() } },
   *     { Update: { TableName: 'stats', Key: { id: 'users' }, UpdateExpression: 'ADD n :one',
   *                 ExpressionAttributeValues: { ':one': 1 } } },
   *   ],
   * });
   * ```
   */
  async transactWrite(
    params: TransactWriteParams,
    options?: RequestOptions,
  ): Promise<TransactWriteCommandOutput> {
    const label = 'DynamoDB.transactWrite';
    // The document client checks each item's values (naming the path) before sending.
    const prepared = prepareRequest(params, label, []);
    return (await runAction(
      this,
      DynamoDB$transactWrite,
      prepared,
      options,
    )) as TransactWriteCommandOutput;
  }

  #checkRequestItems<P extends { RequestItems?: object | undefined }>(params: P, label: string): P {
    if (typeof params !== 'object' || params === null || Array.isArray(params))
      throw new ParamValidationError(`${label}: params must be an object`);
    const { RequestItems } = params;
    if (
      typeof RequestItems !== 'object' ||
      RequestItems === null ||
      Object.keys(RequestItems).length === 0
    )
      throw new ParamValidationError(`${label}: RequestItems must name at least one table`);
    // Only the items and keys: other members (ProjectionExpression, ...) are not values.
    for (const [table, entry] of Object.entries(RequestItems)) {
      const at = `${label}: RequestItems[${JSON.stringify(table)}]`;
      if (Array.isArray(entry)) {
        entry.forEach((request: BatchWriteWriteRequest, i) => {
          if (request?.PutRequest)
            checkNativeValues(request.PutRequest.Item, `${at}[${i}].PutRequest.Item`);
          if (request?.DeleteRequest)
            checkNativeValues(request.DeleteRequest.Key, `${at}[${i}].DeleteRequest.Key`);
        });
      } else if (typeof entry === 'object' && entry !== null) {
        checkNativeValues((entry as BatchGetKeysAndAttributes).Keys, `${at}.Keys`);
      }
    }
    // BatchGetItem's per-table ProjectionExpression may be a list of attribute paths.
    return prepareExpressions(params, label) as P;
  }
}

function why(error: unknown, maxAttempts: number): string {
  if (error === undefined) return `still unprocessed after ${maxAttempts} attempt(s)`;
  return `a request failed (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`;
}

/** One BatchGetItem output from several: `Responses` and `ConsumedCapacity` concatenated. */
function mergeGets(responses: readonly BatchGetCommandOutput[]): BatchGetCommandOutput {
  const merged: Record<string, Record<string, unknown>[]> = {};
  const consumed: NonNullable<BatchGetCommandOutput['ConsumedCapacity']> = [];
  for (const response of responses) {
    for (const [table, items] of Object.entries(response.Responses ?? {}))
      (merged[table] ??= []).push(...items);
    consumed.push(...(response.ConsumedCapacity ?? []));
  }
  const last = responses[responses.length - 1];
  return {
    $metadata: last?.$metadata ?? {},
    Responses: merged,
    UnprocessedKeys: {},
    ...(consumed.length > 0 ? { ConsumedCapacity: consumed } : {}),
  };
}

/** One BatchWriteItem output from several: `ConsumedCapacity` and `ItemCollectionMetrics` concatenated. */
function mergeWrites(responses: readonly BatchWriteCommandOutput[]): BatchWriteCommandOutput {
  const consumed: NonNullable<BatchWriteCommandOutput['ConsumedCapacity']> = [];
  const metrics: NonNullable<BatchWriteCommandOutput['ItemCollectionMetrics']> = {};
  for (const response of responses) {
    consumed.push(...(response.ConsumedCapacity ?? []));
    for (const [table, list] of Object.entries(response.ItemCollectionMetrics ?? {}))
      (metrics[table] ??= []).push(...list);
  }
  return {
    $metadata: responses[responses.length - 1]?.$metadata ?? {},
    UnprocessedItems: {},
    ...(consumed.length > 0 ? { ConsumedCapacity: consumed } : {}),
    ...(Object.keys(metrics).length > 0 ? { ItemCollectionMetrics: metrics } : {}),
  };
}
