import { AbortError, ParamValidationError } from './errors.js';
import type { Params } from './params.js';
import type { ServiceModel } from './service-model.js';

/** Options every request-sending method takes. */
export interface RequestOptions {
  /** Cancels the request (and, for collections and waiters, every later one). */
  readonly abortSignal?: AbortSignal;
}

/** The shape of a v3 client's `send`, as the engine calls it. */
interface SendingClient {
  send(command: object, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

/** Checks a method's options before any request. */
export function checkRequestOptions(options: unknown, label: string): RequestOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) {
    throw new ParamValidationError(`${label}: options must be an object`);
  }
  const { abortSignal } = options as { abortSignal?: unknown };
  if (abortSignal !== undefined && !isAbortSignal(abortSignal)) {
    throw new ParamValidationError(`${label}: options.abortSignal must be an AbortSignal`);
  }
  return options as RequestOptions;
}

function isAbortSignal(value: unknown): value is AbortSignal {
  return (
    typeof value === 'object' && value !== null && 'aborted' in value && 'addEventListener' in value
  );
}

/** Throws when the signal is already aborted, so no request is sent. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

/**
 * The library's {@link AbortError} for an error a request (or a paginator, or a stream) ended
 * with, when that end was an abort: the signal had fired by then, or the error is an abort
 * (the v3 clients throw one named `AbortError`). Any other error comes back unchanged.
 */
export function abortErrorOf(
  error: unknown,
  signal: AbortSignal | undefined,
  message?: string,
): unknown {
  if (error instanceof AbortError) return error;
  const named = error instanceof Error && error.name === 'AbortError';
  return signal?.aborted || named ? new AbortError(message, { cause: error }) : error;
}

/**
 * Sends one operation through the v3 client. Service errors are the client's own, unchanged;
 * an aborted request rejects with {@link AbortError} (the client's error as `cause`).
 */
export async function sendOperation(
  model: ServiceModel,
  client: object,
  operation: string,
  params: Params,
  options: RequestOptions = {},
): Promise<unknown> {
  throwIfAborted(options.abortSignal);
  const Command = model.command(operation) as unknown as new (input: Params) => object;
  const sendOptions = options.abortSignal ? { abortSignal: options.abortSignal } : undefined;
  try {
    return await (model.clientFor(client, operation) as SendingClient).send(
      new Command(params),
      sendOptions,
    );
  } catch (error) {
    throw abortErrorOf(error, options.abortSignal);
  }
}
