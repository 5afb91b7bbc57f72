import type { RequestSpec, ServiceSpec } from './descriptors.js';
import { AbortError, ParamValidationError } from './errors.js';
import type { Params } from './params.js';
import { withLibraryUserAgent } from './user-agent.js';

/**
 * Options every request-sending method takes.
 *
 * @public
 */
export interface RequestOptions {
  /** Cancels the request (and, for collections and waiters, every later one). */
  readonly abortSignal?: AbortSignal;
  /** Same as `abortSignal`, under the name `fetch` and the DOM APIs give it. */
  readonly signal?: AbortSignal;
}

/** The shape of a v3 client's `send`, as the engine calls it. */
interface SendingClient {
  send(command: object, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

/**
 * Checks a method's options before any request. The copy it returns holds the caller's
 * signal (given as `abortSignal` or `signal`) as `abortSignal` only.
 */
export function checkRequestOptions(options: unknown, label: string): RequestOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) {
    throw new ParamValidationError(`${label}: options must be an object`);
  }
  const abortSignal = signalOf(options, label);
  if (!('signal' in options) && (options as RequestOptions).abortSignal === abortSignal) {
    return options as RequestOptions;
  }
  const { signal: _given, ...rest } = options as RequestOptions;
  return { ...rest, abortSignal };
}

/**
 * The signal of a method's options, given as `abortSignal` (the v3 clients' name) or `signal`
 * (`fetch`'s): every option object of the library reads it through here. Throws a
 * {@link ParamValidationError} before any request when either is not an `AbortSignal`, or
 * when both are given and differ.
 *
 * @example
 * ```ts
 * const abortSignal = signalOf(options, 'Queue.messages'); // options.abortSignal ?? options.signal
 * ```
 */
export function signalOf(options: unknown, label: string): AbortSignal | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const { abortSignal, signal } = options as { abortSignal?: unknown; signal?: unknown };
  for (const [name, value] of [
    ['abortSignal', abortSignal],
    ['signal', signal],
  ] as const) {
    if (value !== undefined && !isAbortSignal(value)) {
      throw new ParamValidationError(
        `${label}: options.${name} must be an AbortSignal, got ${describeValue(value)}`,
      );
    }
  }
  if (abortSignal !== undefined && signal !== undefined && abortSignal !== signal) {
    throw new ParamValidationError(
      `${label}: options.abortSignal and options.signal are two different signals: pass one of them`,
    );
  }
  return (abortSignal ?? signal) as AbortSignal | undefined;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'object' ? 'an object' : String(value);
}

/** True for an `AbortSignal` (or anything shaped like one). */
export function isAbortSignal(value: unknown): value is AbortSignal {
  return (
    typeof value === 'object' && value !== null && 'aborted' in value && 'addEventListener' in value
  );
}

/** Throws when the signal is already aborted, so no request is sent. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });
}

/**
 * The library's {@link AbortError} for an error a request (or a stream) ended with, when that
 * end was an abort: the signal had fired by then, or the error is an abort (the v3 clients
 * throw one named `AbortError`). Any other error comes back unchanged.
 *
 * @example
 * ```ts
 * try { await client.send(command, { abortSignal }); } catch (error) { throw abortErrorOf(error, abortSignal); }
 * ```
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

/** Clients made by a service's adapter, per user client and package: made once each. */
const adapted = new WeakMap<object, Map<string, object>>();

/** The client that sends `request`: the service's own, or the adapter's for another package. */
export function clientFor(service: ServiceSpec, client: object, request: RequestSpec): object {
  const packageName = request.package;
  if (!packageName || !service.clientAdapter) return client;
  let byPackage = adapted.get(client);
  if (!byPackage) adapted.set(client, (byPackage = new Map()));
  let sending = byPackage.get(packageName);
  if (!sending) {
    sending = (service.clientAdapter as (c: object, p: string) => object)(client, packageName);
    byPackage.set(packageName, sending);
  }
  return sending;
}

/**
 * Sends one request through the v3 client, naming the library in its User-Agent. Service
 * errors are the client's own, unchanged; an aborted request rejects with {@link AbortError}
 * (the client's error as `cause`).
 */
export async function sendRequest(
  service: ServiceSpec,
  client: object,
  request: RequestSpec,
  params: Params,
  options: RequestOptions = {},
): Promise<unknown> {
  const abortSignal = signalOf(options, request.command.name);
  throwIfAborted(abortSignal);
  // The one place a command meets its params: built from the definition and the caller's.
  const Command = request.command as unknown as new (input: Params) => object;
  const sendOptions = abortSignal ? { abortSignal } : undefined;
  try {
    return await (clientFor(service, client, request) as SendingClient).send(
      withLibraryUserAgent(new Command(params)),
      sendOptions,
    );
  } catch (error) {
    throw abortErrorOf(error, abortSignal);
  }
}
