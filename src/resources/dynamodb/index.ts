/**
 * Amazon DynamoDB resources: `new DynamoDB()`, `Table`, items in native JavaScript values,
 * condition builders (`Key`, `Attr`), lazy `query`/`scan`, a batch writer, batch reads and
 * writes that re-send what is unprocessed, and transactions.
 *
 * @example
 * ```ts
 * import { DynamoDB, Key } from 'aws-resources/dynamodb';
 * const table = new DynamoDB().Table('users');
 * await table.putItem({ Item: { id: 'u1', age: 31 } });
 * for await (const item of table.query({ KeyConditionExpression: Key('id').eq('u1') })) {}
 * ```
 *
 * @module aws-resources/dynamodb
 * @packageDocumentation
 */
export * from './generated/index.js';
export * from './conditions/index.js';
export { NumberValue } from '@aws-sdk/lib-dynamodb';
export type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
export { BatchWriter, type BatchWriterOptions } from './batch-writer.js';
export { ItemCollection, type ItemPage } from './item-collection.js';
export { ScanCollection } from './scan-collection.js';
export type { ParallelOptions } from '../../core/index.js';
export { BatchGetError, BatchWriteError, type UnreadKey, type UnsentWrite } from './errors.js';
export type { RetryOptions } from './retry.js';
export type * from './params.js';
export type { BatchActionOptions, RequestOptions, WaiterOptions } from '../../core/index.js';
