/**
 * Amazon SQS resources, boto3's `sqs` model on the v3 client: `new SQS()`, `Queue`
 * (`sqs.Queue(url)`, `sqs.getQueueByName()`), `Message` (from `queue.receiveMessages()`), the
 * queue collections, a long-polling `queue.messages()` iterator and batch calls that take any
 * number of entries.
 *
 * @example
 * ```ts
 * import { SQS } from 'aws-resources/sqs';
 * const queue = await new SQS().createQueue({ QueueName: 'jobs' });
 * await queue.sendMessage({ MessageBody: 'hello' });
 * const [message] = await queue.receiveMessages({ WaitTimeSeconds: 5 });
 * ```
 *
 * @module aws-resources/sqs
 * @packageDocumentation
 */
export * from './generated/index.js';
export {
  ChangeMessageVisibilityBatchError,
  DeleteMessageBatchError,
  SendMessageBatchError,
  SQSBatchError,
} from './batch-errors.js';
export type {
  ChangeVisibilityBatchParams,
  ChangeVisibilityBatchResult,
  DeleteMessagesParams,
  DeleteMessagesResult,
  ReceiveMessagesParams,
  SendMessagesParams,
  SendMessagesResult,
} from './queue.js';
export type { MessagesOptions } from './message-stream.js';
export type { BatchActionOptions, RequestOptions } from '../../core/index.js';
