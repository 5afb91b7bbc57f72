import type {
  BatchGetCommandOutput,
  BatchGetKeysAndAttributes,
  BatchWriteCommandOutput,
  BatchWriteWriteRequest,
} from '@aws-sdk/lib-dynamodb';
import { BatchActionError } from '../../core/index.js';

/**
 * One write a batch could not make: its table and its `PutRequest` or `DeleteRequest`.
 *
 * @public
 */
export interface UnsentWrite {
  readonly tableName: string;
  readonly request: BatchWriteWriteRequest;
}

/**
 * One key a batch get could not read: its table and the key (native values).
 *
 * @public
 */
export interface UnreadKey {
  readonly tableName: string;
  readonly key: Record<string, unknown>;
}

/** Keeps the error that stopped a batch as the standard `cause`. */
function withCause(error: Error, cause: unknown): void {
  if (cause === undefined) return;
  Object.defineProperty(error, 'cause', {
    value: cause,
    enumerable: false,
    writable: true,
    configurable: true,
  });
}

/**
 * Writes of a BatchWriteItem (`dynamodb.batchWriteItem`, `table.batchWriter`) that were never
 * made: DynamoDB kept returning them as `UnprocessedItems` until the attempts ran out, or a
 * request failed (then `cause` is that error). Nothing is dropped: `failures` lists every
 * unsent write and `unprocessedItems` holds them as `RequestItems`, ready to send again.
 *
 * @public
 */
export class BatchWriteError extends BatchActionError<UnsentWrite, BatchWriteCommandOutput> {
  /** The unsent writes, by table, in the shape of BatchWriteItem's `RequestItems`. */
  readonly unprocessedItems: Record<string, BatchWriteWriteRequest[]>;

  constructor(
    message: string,
    failures: readonly UnsentWrite[],
    responses: readonly BatchWriteCommandOutput[],
    cause?: unknown,
  ) {
    super(message, failures, responses);
    const byTable: Record<string, BatchWriteWriteRequest[]> = {};
    for (const { tableName, request } of failures) (byTable[tableName] ??= []).push(request);
    this.unprocessedItems = byTable;
    withCause(this, cause);
  }
}

/**
 * Keys of a BatchGetItem that were never read: DynamoDB kept returning them as
 * `UnprocessedKeys` until the attempts ran out, or a later request failed (`cause`). The
 * items that were read are in `result`.
 *
 * @public
 */
export class BatchGetError extends BatchActionError<UnreadKey, BatchGetCommandOutput> {
  /** The unread keys, by table, in the shape of BatchGetItem's `RequestItems`. */
  readonly unprocessedKeys: Record<string, BatchGetKeysAndAttributes>;
  /** What was read: every response's `Responses`, merged by table. */
  readonly result: BatchGetCommandOutput;

  constructor(
    message: string,
    unprocessedKeys: Record<string, BatchGetKeysAndAttributes>,
    result: BatchGetCommandOutput,
    responses: readonly BatchGetCommandOutput[],
    cause?: unknown,
  ) {
    const failures = Object.entries(unprocessedKeys).flatMap(([tableName, keys]) =>
      (keys.Keys ?? []).map((key) => ({ tableName, key })),
    );
    super(message, failures, responses);
    this.unprocessedKeys = unprocessedKeys;
    this.result = result;
    withCause(this, cause);
  }
}
