import {
  NumberValue,
  type BatchWriteCommandOutput,
  type BatchWriteWriteRequest,
} from '@aws-sdk/lib-dynamodb';
import { AwsResourcesError, ParamValidationError } from '../../core/index.js';
import { BatchWriteError, type UnsentWrite } from './errors.js';
import { retryPolicy, sendUntilProcessed, type RetryOptions } from './retry.js';
import type { AttributeName } from './conditions/item-types.js';
import type { NativeItem, TableKey } from './params.js';
import { checkNativeValues } from './values.js';

/** BatchWriteItem takes at most this many requests. */
const BATCH_SIZE = 25;

/**
 * Options of `table.batchWriter`.
 *
 * @typeParam T - the table's item type (untyped by default)
 * @example
 * ```ts
 * const options: BatchWriterOptions = { overwriteByPkeys: ['pk', 'sk'], concurrency: 2 };
 * ```
 *
 * @public
 */
export interface BatchWriterOptions<T extends object = NativeItem> extends RetryOptions {
  /**
   * Key attribute names (`['pk', 'sk']`): a put or delete of a key already in the buffer
   * replaces the earlier one (BatchWriteItem refuses a batch with one key twice), as boto3's
   * `overwrite_by_pkeys`.
   */
  readonly overwriteByPkeys?: readonly AttributeName<T>[];
  /** BatchWriteItem requests in flight at once (default 1, which keeps writes in order). */
  readonly concurrency?: number;
}

/** Sends one BatchWriteItem (through the document client: native values). */
export type SendBatchWrite = (
  requestItems: Record<string, BatchWriteWriteRequest[]>,
  abortSignal: AbortSignal | undefined,
) => Promise<BatchWriteCommandOutput>;

/**
 * Buffers puts and deletes for one table and sends them 25 at a time with BatchWriteItem,
 * re-sending `UnprocessedItems` with exponential backoff and jitter. Writes that still fail
 * are raised as a {@link BatchWriteError} carrying every unsent write, from the next call
 * to the writer (or from `close()`); the writer is closed then. A typed table's writer takes
 * its items (`T`) and keys ({@link TableKey}).
 *
 * @typeParam T - the table's item type (untyped by default)
 * @typeParam K - the table's key attribute names, if given
 *
 * @example
 * ```ts
 * const w = table.batchWriter({ overwriteByPkeys: ['id'] });
 * await w.putItem({ Item: { id: 'u1', age: 31 } });
 * await w.deleteItem({ Key: { id: 'u2' } });
 * await w.close(); // sends what is buffered
 * ```
 *
 * @public
 */
export class BatchWriter<T extends object = NativeItem, K extends keyof T = never> {
  readonly #tableName: string;
  readonly #send: SendBatchWrite;
  readonly #label: string;
  readonly #policy: ReturnType<typeof retryPolicy>;
  readonly #pkeys: readonly string[] | undefined;
  readonly #concurrency: number;
  #buffer: BatchWriteWriteRequest[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  readonly #responses: BatchWriteCommandOutput[] = [];
  readonly #unsent: BatchWriteWriteRequest[] = [];
  readonly #causes: unknown[] = [];
  #closed = false;

  /** @internal Made by `table.batchWriter()`. */
  constructor(
    tableName: string,
    send: SendBatchWrite,
    options: BatchWriterOptions<T> | undefined,
    label: string,
  ) {
    if (options !== undefined && (typeof options !== 'object' || options === null))
      throw new ParamValidationError(`${label}: options must be an object`);
    this.#tableName = tableName;
    this.#send = send;
    this.#label = label;
    const fail = (message: string) => new ParamValidationError(message);
    this.#policy = retryPolicy(options, label, fail);
    const { overwriteByPkeys, concurrency = 1 } = options ?? {};
    if (
      overwriteByPkeys !== undefined &&
      (!Array.isArray(overwriteByPkeys) ||
        overwriteByPkeys.length === 0 ||
        !overwriteByPkeys.every((name) => typeof name === 'string' && name.length > 0))
    ) {
      throw fail(`${label}: overwriteByPkeys must be a non-empty list of attribute names`);
    }
    if (!Number.isSafeInteger(concurrency) || concurrency < 1)
      throw fail(`${label}: concurrency must be an integer ≥ 1, got ${String(concurrency)}`);
    this.#pkeys = overwriteByPkeys;
    this.#concurrency = concurrency;
  }

  /**
   * Buffers a put; waits only when a full batch has to wait for room to be sent.
   *
   * @example
   * ```ts
   * await w.putItem({ Item: { id: 'u1', tags: new Set(['a']) } });
   * ```
   */
  async putItem(params: { readonly Item: T }): Promise<void> {
    const item = this.#member(params, 'Item', 'putItem');
    await this.#add({ PutRequest: { Item: item } }, item);
  }

  /**
   * Buffers a delete; waits only when a full batch has to wait for room to be sent.
   *
   * @example
   * ```ts
   * await w.deleteItem({ Key: { id: 'u2' } });
   * ```
   */
  async deleteItem(params: { readonly Key: TableKey<T, K> }): Promise<void> {
    const key = this.#member(params, 'Key', 'deleteItem');
    await this.#add({ DeleteRequest: { Key: key } }, key);
  }

  /**
   * Sends everything buffered and waits for every batch in flight.
   *
   * @example
   * ```ts
   * await w.flush();
   * ```
   */
  async flush(): Promise<void> {
    this.#checkOpen('flush');
    while (this.#buffer.length > 0 && !this.#failed)
      await this.#startBatch(this.#buffer.splice(0, BATCH_SIZE));
    await this.#settle();
    if (this.#failed) await this.#raise([]);
  }

  /**
   * Sends everything buffered and closes the writer. Rejects with a {@link BatchWriteError}
   * when writes could not be made. Closing a closed writer does nothing.
   *
   * @example
   * ```ts
   * await w.close();
   * ```
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      await this.flush();
    } finally {
      this.#closed = true;
    }
  }

  #member(params: unknown, name: 'Item' | 'Key', method: string): NativeItem {
    const label = `${this.#label}.${method}`;
    this.#checkOpen(method);
    const value =
      typeof params === 'object' && params !== null
        ? (params as Record<string, unknown>)[name]
        : undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new ParamValidationError(`${label}: ${name} must be an object of attribute values`);
    checkNativeValues(value, `${label}: ${name}`);
    return value as NativeItem;
  }

  async #add(request: BatchWriteWriteRequest, key: NativeItem): Promise<void> {
    if (this.#failed) await this.#raise([request]);
    if (this.#pkeys) {
      const id = keyId(key, this.#pkeys);
      const index = this.#buffer.findIndex((queued) => keyId(keyOf(queued), this.#pkeys!) === id);
      if (index >= 0) this.#buffer.splice(index, 1);
    }
    this.#buffer.push(request);
    if (this.#buffer.length >= BATCH_SIZE)
      await this.#startBatch(this.#buffer.splice(0, BATCH_SIZE));
    if (this.#failed) await this.#raise([]);
  }

  /** Starts one batch once fewer than `concurrency` are in flight. */
  async #startBatch(requests: BatchWriteWriteRequest[]): Promise<void> {
    while (this.#inFlight.size >= this.#concurrency) await Promise.race(this.#inFlight);
    const running: Promise<void> = this.#run(requests).finally(() =>
      this.#inFlight.delete(running),
    );
    this.#inFlight.add(running);
    // With one batch at a time, a full buffer waits for its batch: writes stay in order.
    if (this.#concurrency === 1) await running;
  }

  /** Sends one batch and its re-sends; never rejects, failures are kept for later. */
  async #run(requests: BatchWriteWriteRequest[]): Promise<void> {
    const table = this.#tableName;
    const outcome = await sendUntilProcessed(
      requests,
      (pending) => this.#send({ [table]: pending }, this.#policy.abortSignal),
      (response) => {
        const left = response.UnprocessedItems?.[table];
        return left && left.length > 0 ? left : undefined;
      },
      this.#policy,
    );
    this.#responses.push(...outcome.responses);
    if (outcome.unprocessed) this.#unsent.push(...outcome.unprocessed);
    if (outcome.error !== undefined) this.#causes.push(outcome.error);
  }

  get #failed(): boolean {
    return this.#unsent.length > 0 || this.#causes.length > 0;
  }

  async #settle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all(this.#inFlight);
  }

  /**
   * After a failure: closes the writer, waits for the batches in flight, and throws with
   * every write not made (the failed ones, the buffer, and `also`).
   */
  async #raise(also: readonly BatchWriteWriteRequest[]): Promise<never> {
    this.#closed = true;
    await this.#settle();
    if (!this.#failed) throw new AwsResourcesError(`${this.#label}: the batch writer is closed`);
    const unsent = [...this.#unsent.splice(0), ...this.#buffer.splice(0), ...also];
    const causes = this.#causes.splice(0);
    const failures: UnsentWrite[] = unsent.map((request) => ({
      tableName: this.#tableName,
      request,
    }));
    const why =
      causes.length > 0
        ? `a request failed (${describe(causes[0])})`
        : `still unprocessed after ${this.#policy.maxAttempts} attempt(s)`;
    throw new BatchWriteError(
      `${this.#label}: ${unsent.length} write(s) to ${this.#tableName} were not made: ${why}`,
      failures,
      this.#responses,
      causes.length > 1 ? new AggregateError(causes, 'requests failed') : causes[0],
    );
  }

  #checkOpen(method: string): void {
    if (this.#closed)
      throw new AwsResourcesError(`${this.#label}.${method}: the batch writer is closed`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function keyOf(request: BatchWriteWriteRequest): NativeItem {
  return (request.PutRequest?.Item ?? request.DeleteRequest?.Key ?? {}) as NativeItem;
}

/** The identity of an item's primary key, for overwriteByPkeys. */
function keyId(item: NativeItem, pkeys: readonly string[]): string {
  return pkeys.map((name) => keyPart(item[name])).join('\u0000');
}

function keyPart(value: unknown): string {
  if (typeof value === 'string') return `S${value}`;
  if (typeof value === 'number' || typeof value === 'bigint') return `N${String(value)}`;
  if (value instanceof NumberValue) return `N${value.toString()}`;
  if (value instanceof Uint8Array) return `B${Buffer.from(value).toString('base64')}`;
  return `?${String(value)}`;
}
