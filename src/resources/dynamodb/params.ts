/**
 * The params of the hand-written DynamoDB methods: lib-dynamodb's inputs (native values)
 * minus what the resource fills, with expressions that may be conditions (`Key`, `Attr`) and
 * projections that may be lists of attribute paths.
 */
import type {
  BatchGetCommandInput,
  BatchGetKeysAndAttributes,
  BatchWriteCommandInput,
  DeleteCommandInput,
  GetCommandInput,
  GetCommandOutput,
  PutCommandInput,
  QueryCommandInput,
  ScanCommandInput,
  TransactWriteCommandInput,
  UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import type { WithConditions } from './conditions/index.js';

/**
 * An item or key in native JavaScript values.
 *
 * @public
 */
export type NativeItem = Record<string, NativeAttributeValue>;

/**
 * `table.putItem` params: PutItem's input minus `TableName`.
 *
 * @public
 */
export type PutItemParams = WithConditions<Omit<PutCommandInput, 'TableName'>>;
/**
 * `table.getItem` params: GetItem's input minus `TableName`.
 *
 * @public
 */
export type GetItemParams = WithConditions<Omit<GetCommandInput, 'TableName'>>;
/**
 * `table.getItem`'s result: `Item` typed as the caller says.
 *
 * @public
 */
export type GetItemOutput<T> = Omit<GetCommandOutput, 'Item'> & { Item?: T };
/**
 * `table.updateItem` params: UpdateItem's input minus `TableName`.
 *
 * @public
 */
export type UpdateItemParams = WithConditions<Omit<UpdateCommandInput, 'TableName'>>;
/**
 * `table.deleteItem` params: DeleteItem's input minus `TableName`.
 *
 * @public
 */
export type DeleteItemParams = WithConditions<Omit<DeleteCommandInput, 'TableName'>>;
/**
 * `table.query` params: Query's input minus `TableName` and `Limit` (use `.limit(n)` / `.pageSize(n)`).
 *
 * @public
 */
export type QueryParams = WithConditions<Omit<QueryCommandInput, 'TableName' | 'Limit'>>;
/**
 * `table.scan` params: Scan's input minus `TableName` and `Limit` (use `.limit(n)` / `.pageSize(n)`).
 *
 * @public
 */
export type ScanParams = WithConditions<Omit<ScanCommandInput, 'TableName' | 'Limit'>>;

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
