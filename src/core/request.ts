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
 * Sends one operation through the v3 client. Service errors are the client's own, unchanged.
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
  return (model.clientFor(client, operation) as SendingClient).send(
    new Command(params),
    sendOptions,
  );
}
