import type { ReceiveMessageCommandInput } from '@aws-sdk/client-sqs';
import { ItemIterator } from '../../collections/item-iterator.js';
import { ParamValidationError, type ActionParams, type RequestOptions } from '../../core/index.js';
import { checkRequestOptions } from '../../core/request.js';
import type { Message } from './message.js';

/**
 * Options of `queue.messages()`.
 *
 * @public
 */
export interface MessagesOptions extends RequestOptions {
  /** End the iteration at the first receive that returns no message (drain a queue). */
  readonly stopWhenEmpty?: boolean;
}

/** What the stream needs of a queue: its receive (the generated action). */
interface Receiver {
  receiveMessages(
    params: ActionParams<ReceiveMessageCommandInput, 'QueueUrl'>,
    options?: RequestOptions,
  ): Promise<Message[]>;
}

/** Long polling unless the caller says otherwise: SQS's longest wait. */
const DEFAULT_WAIT_SECONDS = 20;

/**
 * The iterator of `queue.messages()`: receives until aborted (or, with `stopWhenEmpty`, until
 * a receive returns nothing). Bad params or options are refused here, before any request.
 */
export function messageStream(
  queue: Receiver,
  params: ActionParams<ReceiveMessageCommandInput, 'QueueUrl'> | undefined,
  options: MessagesOptions | undefined,
): AsyncIterableIterator<Message> {
  const label = 'Queue.messages';
  if (params !== undefined && (typeof params !== 'object' || params === null)) {
    throw new ParamValidationError(`${label}: params must be an object`);
  }
  const checked = checkRequestOptions(options, label) as MessagesOptions;
  const { stopWhenEmpty = false, abortSignal } = checked;
  if (typeof stopWhenEmpty !== 'boolean') {
    throw new ParamValidationError(`${label}: options.stopWhenEmpty must be a boolean`);
  }
  const receive = { WaitTimeSeconds: DEFAULT_WAIT_SECONDS, ...params };
  async function* receiving(): AsyncGenerator<Message[], void, undefined> {
    for (;;) {
      const messages = await queue.receiveMessages(receive, abortSignal ? { abortSignal } : {});
      if (messages.length === 0 && stopWhenEmpty) return;
      yield messages;
    }
  }
  return new ItemIterator(receiving(), abortSignal);
}
