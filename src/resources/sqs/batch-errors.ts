import type {
  BatchResultErrorEntry,
  ChangeMessageVisibilityBatchCommandOutput,
  ChangeMessageVisibilityBatchResultEntry,
  DeleteMessageBatchCommandOutput,
  DeleteMessageBatchResultEntry,
  SendMessageBatchCommandOutput,
  SendMessageBatchResultEntry,
} from '@aws-sdk/client-sqs';
import { BatchActionError } from '../../core/index.js';

/**
 * Entries of an SQS batch call that SQS refused, raised after every group of 10 was sent:
 * `failures` holds every failed entry (with its `Id`, `Code`, `SenderFault`), `successful`
 * every entry that went through, `responses` every output. The errors of `sendMessages`,
 * `deleteMessages` and `changeMessageVisibilityBatch` extend it; catch one of those to get
 * its entry types, or this class for any of them.
 *
 * @typeParam TSuccess - one entry that went through (`SendMessageBatchResultEntry`)
 * @typeParam TResponse - one output of the batch operation
 * @example
 * ```ts
 * try {
 *   await queue.deleteMessages(messages);
 * } catch (error) {
 *   if (error instanceof SQSBatchError) console.error(error.failures.map((f) => f.Code));
 * }
 * ```
 *
 * @public
 */
export class SQSBatchError<TSuccess = unknown, TResponse = unknown> extends BatchActionError<
  BatchResultErrorEntry,
  TResponse
> {
  constructor(
    message: string,
    failures: readonly BatchResultErrorEntry[],
    responses: readonly TResponse[],
    /** Every entry that went through, in the order of the groups. */
    readonly successful: readonly TSuccess[],
  ) {
    super(message, failures, responses);
  }
}

/**
 * Entries of a `sendMessages` call that SQS refused (`Failed`), raised after every group of
 * 10 was sent: `failures` holds every failed entry (with its `Id`, `Code`, `SenderFault`),
 * `successful` every entry that was sent, `responses` every `SendMessageBatch` output.
 *
 * @example
 * ```ts
 * try {
 *   await queue.sendMessages({ Entries: entries });
 * } catch (error) {
 *   if (error instanceof SendMessageBatchError) {
 *     console.error(error.failures.map((f) => `${f.Id}: ${f.Code}`));
 *     console.log(`${error.successful.length} sent`);
 *   }
 * }
 * ```
 *
 * @public
 */
export class SendMessageBatchError extends SQSBatchError<
  SendMessageBatchResultEntry,
  SendMessageBatchCommandOutput
> {}

/**
 * Entries of a `deleteMessages` call (or of `Message.delete(messages)`) that SQS could not
 * delete, raised after every group of 10 was sent: `failures` holds every failed entry,
 * `successful` every deleted one, `responses` every `DeleteMessageBatch` output.
 *
 * @example
 * ```ts
 * try {
 *   await queue.deleteMessages(messages);
 * } catch (error) {
 *   if (error instanceof DeleteMessageBatchError) console.error(error.failures.map((f) => f.Code));
 * }
 * ```
 *
 * @public
 */
export class DeleteMessageBatchError extends SQSBatchError<
  DeleteMessageBatchResultEntry,
  DeleteMessageBatchCommandOutput
> {}

/**
 * Entries of a `changeMessageVisibilityBatch` call that SQS refused, raised after every group
 * of 10 was sent: `failures` holds every failed entry, `successful` every changed one,
 * `responses` every `ChangeMessageVisibilityBatch` output.
 *
 * @example
 * ```ts
 * try {
 *   await queue.changeMessageVisibilityBatch({ Entries: entries });
 * } catch (error) {
 *   if (error instanceof ChangeMessageVisibilityBatchError) console.error(error.failures);
 * }
 * ```
 *
 * @public
 */
export class ChangeMessageVisibilityBatchError extends SQSBatchError<
  ChangeMessageVisibilityBatchResultEntry,
  ChangeMessageVisibilityBatchCommandOutput
> {}
