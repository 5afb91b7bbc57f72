import type { DeleteMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import { ParamValidationError, type RequestOptions } from '../../core/index.js';
import { DeleteMessageBatchError } from './batch-errors.js';
import type { DeleteMessagesResult, Queue } from './queue.js';
import { MessageBase } from './generated/message.js';

/**
 * A message received from a queue (identifiers `queueUrl` and `receiptHandle`). A message
 * from `receiveMessages()` or `messages()` carries the receive response's data, so `body`,
 * `messageId`, `attributes` and `messageAttributes` cost no request; SQS has no request
 * that reads a message again, so a message made from a receipt handle alone has no data.
 *
 * @example
 * ```ts
 * const [message] = await queue.receiveMessages({ WaitTimeSeconds: 1 });
 * if (message) {
 *   console.log(await message.body);
 *   await message.delete();
 * }
 * ```
 *
 * @public
 */
export class Message extends MessageBase {
  /**
   * The model's batch action `Delete` (boto3 declares it, but no collection of messages
   * offers it): deletes the messages with DeleteMessageBatch, 10 to a request, grouped by
   * queue. Each request's entry `Id` is the message's position in `messages`; failures of
   * every group are raised together as a {@link DeleteMessageBatchError}.
   *
   * @param messages - received messages, of one queue or several
   * @param options - `abortSignal` cancels the request in flight and stops the groups
   * @returns the merged result, entry Ids being positions in `messages`
   * @throws {@link DeleteMessageBatchError} when some messages could not be deleted
   * @example
   * ```ts
   * const messages = await queue.receiveMessages({ MaxNumberOfMessages: 10 });
   * await Message.delete(messages);
   * ```
   */
  static async delete(
    messages: readonly Message[],
    options?: RequestOptions,
  ): Promise<DeleteMessagesResult> {
    const label = 'Message.delete';
    if (!Array.isArray(messages)) {
      throw new ParamValidationError(`${label}: messages must be an array of Message`);
    }
    const byQueue = new Map<string, { queue: Queue; Entries: DeleteMessageBatchRequestEntry[] }>();
    messages.forEach((message: unknown, index) => {
      if (!(message instanceof Message)) {
        throw new ParamValidationError(`${label}: item ${index} is not a Message`);
      }
      const group = byQueue.get(message.queueUrl) ?? { queue: message.Queue(), Entries: [] };
      group.Entries.push({ Id: String(index), ReceiptHandle: message.receiptHandle });
      byQueue.set(message.queueUrl, group);
    });
    const merged: DeleteMessagesResult = { Successful: [], Failed: [], responses: [] };
    for (const { queue, Entries } of byQueue.values()) {
      try {
        const result = await queue.deleteMessages({ Entries }, options);
        merged.Successful.push(...result.Successful);
        merged.responses.push(...result.responses);
      } catch (error) {
        // Per-entry failures of one queue do not stop the others; they are raised together.
        if (!(error instanceof DeleteMessageBatchError)) throw error;
        merged.Successful.push(...error.successful);
        merged.Failed.push(...error.failures);
        merged.responses.push(...error.responses);
      }
    }
    if (merged.Failed.length > 0) {
      throw new DeleteMessageBatchError(
        `${label}: ${merged.Failed.length} of ${messages.length} message(s) failed`,
        merged.Failed,
        merged.responses,
        merged.Successful,
      );
    }
    return merged;
  }
}
