import type { ReceiveMessageCommandInput } from '@aws-sdk/client-sqs';
import {
  AbortError,
  ParamValidationError,
  signalOf,
  type ActionParams,
  type RequestOptions,
} from '../../core/index.js';
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
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new ParamValidationError(`${label}: options must be an object`);
  }
  const { stopWhenEmpty = false } = options ?? {};
  const abortSignal = signalOf(options, label);
  if (typeof stopWhenEmpty !== 'boolean') {
    throw new ParamValidationError(`${label}: options.stopWhenEmpty must be a boolean`);
  }
  const receive = { WaitTimeSeconds: DEFAULT_WAIT_SECONDS, ...params };
  const requestOptions = abortSignal ? { abortSignal } : {};
  async function* receiving(): AsyncGenerator<Message, void, undefined> {
    for (;;) {
      // An abort during the receive rejects it with AbortError (the engine's request).
      const messages = await queue.receiveMessages(receive, requestOptions);
      if (messages.length === 0 && stopWhenEmpty) return;
      for (const message of messages) {
        // Checked as each item is asked for: after an abort, nothing more comes out, and
        // the rest of this receive is dropped undeleted (visible again after its timeout).
        if (abortSignal?.aborted) throw new AbortError(undefined, { cause: abortSignal.reason });
        yield message;
      }
      if (abortSignal?.aborted) throw new AbortError(undefined, { cause: abortSignal.reason });
    }
  }
  return receiving();
}
