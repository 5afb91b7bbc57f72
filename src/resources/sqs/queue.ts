import type {
  BatchResultErrorEntry,
  ChangeMessageVisibilityBatchCommandInput,
  ChangeMessageVisibilityBatchCommandOutput,
  ChangeMessageVisibilityBatchResultEntry,
  DeleteMessageBatchCommandInput,
  DeleteMessageBatchCommandOutput,
  DeleteMessageBatchResultEntry,
  ReceiveMessageCommandInput,
  SendMessageBatchCommandInput,
  SendMessageBatchCommandOutput,
  SendMessageBatchResultEntry,
} from '@aws-sdk/client-sqs';
import { ParamValidationError, type ActionParams, type RequestOptions } from '../../core/index.js';
import {
  ChangeMessageVisibilityBatchError,
  DeleteMessageBatchError,
  SendMessageBatchError,
} from './batch-errors.js';
import { checkEntries, sendInGroups } from './batches.js';
import {
  Queue$changeMessageVisibilityBatch,
  Queue$deleteMessages,
  Queue$sendMessages,
  QueueBase,
} from './generated/queue.js';
import { Message } from './message.js';
import { messageStream, type MessagesOptions } from './message-stream.js';

/**
 * The params of `sendMessages`: the SendMessageBatch input without `QueueUrl`; `Entries` may
 * hold any number of entries (sent 10 to a request).
 *
 * @public
 */
export type SendMessagesParams = ActionParams<SendMessageBatchCommandInput, 'QueueUrl'>;

/**
 * What `sendMessages` resolves to: every sent entry (`Successful`), an empty `Failed` (failures
 * are raised), and every `SendMessageBatch` output.
 *
 * @public
 */
export type SendMessagesResult = {
  readonly Successful: SendMessageBatchResultEntry[];
  readonly Failed: BatchResultErrorEntry[];
  readonly responses: SendMessageBatchCommandOutput[];
};

/**
 * The params of `deleteMessages`: the DeleteMessageBatch input without `QueueUrl` (any number
 * of `Entries`), or the received messages themselves.
 *
 * @public
 */
export type DeleteMessagesParams =
  ActionParams<DeleteMessageBatchCommandInput, 'QueueUrl'> | readonly Message[];

/**
 * What `deleteMessages` resolves to: every deleted entry, an empty `Failed`, every output.
 *
 * @public
 */
export type DeleteMessagesResult = {
  readonly Successful: DeleteMessageBatchResultEntry[];
  readonly Failed: BatchResultErrorEntry[];
  readonly responses: DeleteMessageBatchCommandOutput[];
};

/**
 * The params of `changeMessageVisibilityBatch`: the input without `QueueUrl`, with any number of
 * `Entries`.
 *
 * @public
 */
export type ChangeVisibilityBatchParams = ActionParams<
  ChangeMessageVisibilityBatchCommandInput,
  'QueueUrl'
>;

/**
 * What `changeMessageVisibilityBatch` resolves to: every changed entry, an empty `Failed`,
 * every output.
 *
 * @public
 */
export type ChangeVisibilityBatchResult = {
  readonly Successful: ChangeMessageVisibilityBatchResultEntry[];
  readonly Failed: BatchResultErrorEntry[];
  readonly responses: ChangeMessageVisibilityBatchCommandOutput[];
};

/**
 * The params of `messages()`: the ReceiveMessage input without `QueueUrl`. `WaitTimeSeconds`
 * defaults to 20 (long polling).
 *
 * @public
 */
export type ReceiveMessagesParams = ActionParams<ReceiveMessageCommandInput, 'QueueUrl'>;

/**
 * An SQS queue (identifier `url`): its attributes (one GetQueueAttributes, all of them, on
 * first read), messages received as {@link Message} resources, a long-polling iterator, and
 * batch calls that take any number of entries.
 *
 * @example
 * ```ts
 * const queue = await new SQS().getQueueByName({ QueueName: 'jobs' });
 * await queue.sendMessages({ Entries: [{ Id: '1', MessageBody: 'a' }, { Id: '2', MessageBody: 'b' }] });
 * for (const message of await queue.receiveMessages({ MaxNumberOfMessages: 10 })) {
 *   console.log(await message.body);
 * }
 * ```
 *
 * @public
 */
export class Queue extends QueueBase {
  /**
   * Sends `params.Entries` with SendMessageBatch, 10 to a request, one request after another.
   * Entries SQS refuses are raised after the last group as a {@link SendMessageBatchError}
   * with the failed and the successful entries; a request that fails as a whole stops the
   * call with its error (the groups before it were sent). Ids must be distinct over the call.
   * No entries, no request.
   *
   * @param params - the SendMessageBatch input without `QueueUrl`
   * @param options - `abortSignal` cancels the request in flight and stops the groups
   * @returns every sent entry and every output
   * @throws {@link SendMessageBatchError} when some entries failed
   * @example
   * ```ts
   * const entries = Array.from({ length: 25 }, (_, i) => ({ Id: `m${i}`, MessageBody: `job ${i}` }));
   * const { Successful } = await queue.sendMessages({ Entries: entries }); // 3 requests
   * ```
   */
  async sendMessages(
    params: SendMessagesParams,
    options?: RequestOptions,
  ): Promise<SendMessagesResult> {
    const label = 'Queue.sendMessages';
    checkEntries(paramsObject(params, label).Entries, label);
    const result = await sendInGroups(this, Queue$sendMessages, params, options);
    if (result.Failed.length > 0) {
      throw new SendMessageBatchError(
        `${label}: ${result.Failed.length} of ${result.Failed.length + result.Successful.length} message(s) failed`,
        result.Failed,
        result.responses,
        result.Successful,
      );
    }
    return result;
  }

  /**
   * Deletes messages with DeleteMessageBatch, 10 to a request: give the received
   * {@link Message} resources (their `Id`s in the request are their positions in the list,
   * `'0'`, `'1'`, ...) or the input's `Entries`. Failures are raised after the last group as
   * a {@link DeleteMessageBatchError}. No messages, no request.
   *
   * @param params - the messages, or the DeleteMessageBatch input without `QueueUrl`
   * @param options - `abortSignal` cancels the request in flight and stops the groups
   * @returns every deleted entry and every output
   * @throws {@link DeleteMessageBatchError} when some messages could not be deleted
   * @example
   * ```ts
   * const messages = await queue.receiveMessages({ MaxNumberOfMessages: 10 });
   * await queue.deleteMessages(messages);
   * ```
   */
  async deleteMessages(
    params: DeleteMessagesParams,
    options?: RequestOptions,
  ): Promise<DeleteMessagesResult> {
    const label = 'Queue.deleteMessages';
    const input = Array.isArray(params)
      ? { Entries: this.#entriesOf(params as readonly Message[], label) }
      : paramsObject(params, label);
    checkEntries(input.Entries, label);
    const result = await sendInGroups(this, Queue$deleteMessages, input, options);
    if (result.Failed.length > 0) {
      throw new DeleteMessageBatchError(
        `${label}: ${result.Failed.length} of ${result.Failed.length + result.Successful.length} message(s) failed`,
        result.Failed,
        result.responses,
        result.Successful,
      );
    }
    return result;
  }

  /**
   * Changes the visibility timeout of messages with ChangeMessageVisibilityBatch, 10 to a
   * request. Failures are raised after the last group as a
   * {@link ChangeMessageVisibilityBatchError}. No entries, no request.
   *
   * @param params - the ChangeMessageVisibilityBatch input without `QueueUrl`
   * @param options - `abortSignal` cancels the request in flight and stops the groups
   * @returns every changed entry and every output
   * @throws {@link ChangeMessageVisibilityBatchError} when some entries failed
   * @example
   * ```ts
   * await queue.changeMessageVisibilityBatch({
   *   Entries: [{ Id: '0', ReceiptHandle: handle, VisibilityTimeout: 60 }],
   * });
   * ```
   */
  async changeMessageVisibilityBatch(
    params: ChangeVisibilityBatchParams,
    options?: RequestOptions,
  ): Promise<ChangeVisibilityBatchResult> {
    const label = 'Queue.changeMessageVisibilityBatch';
    checkEntries(paramsObject(params, label).Entries, label);
    const result = await sendInGroups(this, Queue$changeMessageVisibilityBatch, params, options);
    if (result.Failed.length > 0) {
      throw new ChangeMessageVisibilityBatchError(
        `${label}: ${result.Failed.length} of ${result.Failed.length + result.Successful.length} entry(ies) failed`,
        result.Failed,
        result.responses,
        result.Successful,
      );
    }
    return result;
  }

  /**
   * Receives messages again and again (long polling, `WaitTimeSeconds` 20 unless given) and
   * yields each as a {@link Message}. It never deletes: delete each message once handled.
   * When `options.abortSignal` fires, the request in flight is cancelled and the next item
   * rejects with `AbortError`; messages received but not yet yielded are dropped unseen and
   * become visible again when their visibility timeout ends. With `stopWhenEmpty`, the
   * iteration ends at the first receive that returns no message.
   *
   * @param params - the ReceiveMessage input without `QueueUrl`
   * @param options - `abortSignal` stops the iteration; `stopWhenEmpty` ends it on an empty receive
   * @returns an async iterator of messages
   * @example
   * ```ts
   * const stop = new AbortController();
   * for await (const message of queue.messages({ MaxNumberOfMessages: 10 }, { abortSignal: stop.signal })) {
   *   await handle(await message.body);
   *   await message.delete();
   * }
   * ```
   */
  messages(
    params?: ReceiveMessagesParams,
    options?: MessagesOptions,
  ): AsyncIterableIterator<Message> {
    return messageStream(this, params, options);
  }

  #entriesOf(messages: readonly Message[], label: string): { Id: string; ReceiptHandle: string }[] {
    return messages.map((message, index) => {
      if (!(message instanceof Message)) {
        throw new ParamValidationError(`${label}: item ${index} is not a Message`);
      }
      if (message.queueUrl !== this.url) {
        throw new ParamValidationError(
          `${label}: message ${index} belongs to ${message.queueUrl}, not to ${this.url}`,
        );
      }
      return { Id: String(index), ReceiptHandle: message.receiptHandle };
    });
  }
}

/** The caller's params as an object, or a clear error before any request. */
function paramsObject(params: unknown, label: string): { Entries?: unknown } {
  if (typeof params !== 'object' || params === null) {
    throw new ParamValidationError(`${label}: params must be an object with Entries`);
  }
  if ('QueueUrl' in params) {
    // Checked here too: with no entries no request is built, where the engine would say it.
    throw new ParamValidationError(`${label}: QueueUrl is filled by the queue; do not pass it`);
  }
  return params as { Entries?: unknown };
}
