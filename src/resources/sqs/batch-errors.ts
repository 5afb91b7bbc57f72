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
export class SendMessageBatchError extends BatchActionError<
  BatchResultErrorEntry,
  SendMessageBatchCommandOutput
> {
  constructor(
    message: string,
    failures: readonly BatchResultErrorEntry[],
    responses: readonly SendMessageBatchCommandOutput[],
    /** Every entry that was sent, in the order of the groups. */
    readonly successful: readonly SendMessageBatchResultEntry[],
  ) {
    super(message, failures, responses);
  }
}

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
export class DeleteMessageBatchError extends BatchActionError<
  BatchResultErrorEntry,
  DeleteMessageBatchCommandOutput
> {
  constructor(
    message: string,
    failures: readonly BatchResultErrorEntry[],
    responses: readonly DeleteMessageBatchCommandOutput[],
    /** Every entry that was deleted, in the order of the groups. */
    readonly successful: readonly DeleteMessageBatchResultEntry[],
  ) {
    super(message, failures, responses);
  }
}

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
export class ChangeMessageVisibilityBatchError extends BatchActionError<
  BatchResultErrorEntry,
  ChangeMessageVisibilityBatchCommandOutput
> {
  constructor(
    message: string,
    failures: readonly BatchResultErrorEntry[],
    responses: readonly ChangeMessageVisibilityBatchCommandOutput[],
    /** Every entry that was changed, in the order of the groups. */
    readonly successful: readonly ChangeMessageVisibilityBatchResultEntry[],
  ) {
    super(message, failures, responses);
  }
}
