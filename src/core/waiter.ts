import { AbortError, ParamValidationError } from './errors.js';
import type { Params } from './params.js';
import { checkRequestOptions, signalOf, throwIfAborted } from './request.js';
import type { WaiterFunction } from './descriptors.js';
import { libraryClient } from './user-agent.js';

/**
 * Options of every `waitUntil...` method.
 *
 * @public
 */
export interface WaiterOptions {
  /** Gives up after this many seconds (default 300). */
  readonly maxWaitTime?: number;
  /** Seconds before the first retry and the least between polls (the v3 waiter's default otherwise). */
  readonly minDelay?: number;
  /** Most seconds between polls (the v3 waiter's default otherwise). */
  readonly maxDelay?: number;
  /** Stops waiting; no request is sent after the signal fires. */
  readonly abortSignal?: AbortSignal;
  /** Same as `abortSignal`, under the name `fetch` and the DOM APIs give it. */
  readonly signal?: AbortSignal;
}

/** The wait used when `maxWaitTime` is not given, in seconds. */
export const DEFAULT_MAX_WAIT_TIME = 300;

/** Checks waiter options before any request, naming the bad one. */
export function checkWaiterOptions(
  options: WaiterOptions | undefined,
  label: string,
): WaiterOptions {
  const checked = checkRequestOptions(options, label) as WaiterOptions;
  for (const key of ['maxWaitTime', 'minDelay', 'maxDelay'] as const) {
    const value = checked[key];
    if (
      value !== undefined &&
      (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    ) {
      throw new ParamValidationError(
        `${label}: ${key} must be a positive number of seconds, got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`,
      );
    }
  }
  const { minDelay, maxDelay, maxWaitTime = DEFAULT_MAX_WAIT_TIME } = checked;
  if (minDelay !== undefined && maxDelay !== undefined && minDelay > maxDelay) {
    throw new ParamValidationError(
      `${label}: minDelay (${minDelay}) must not exceed maxDelay (${maxDelay})`,
    );
  }
  // The v3 waiter refuses maxWaitTime <= minDelay (with a plain Error).
  if (minDelay !== undefined && minDelay >= maxWaitTime) {
    throw new ParamValidationError(
      `${label}: minDelay (${minDelay}) must be less than maxWaitTime (${maxWaitTime})`,
    );
  }
  return checked;
}

/**
 * Runs a v3 waiter. Its checks name the library in their User-Agent. The v3 poller may still
 * send one check after its abort signal fires, so the client it gets refuses to send once the
 * signal is aborted.
 */
export async function runWaiter(
  client: object,
  waiterFunction: WaiterFunction,
  waiterName: string,
  params: Params,
  options: WaiterOptions,
): Promise<object> {
  const abortSignal = signalOf(options, waiterName);
  throwIfAborted(abortSignal);
  const { maxWaitTime = DEFAULT_MAX_WAIT_TIME, minDelay, maxDelay } = options;
  const sending = libraryClient(client);
  const waiterClient = abortSignal ? guardedClient(sending, abortSignal) : sending;
  const config: Record<string, unknown> = { client: waiterClient, maxWaitTime };
  if (minDelay !== undefined) config.minDelay = minDelay;
  if (maxDelay !== undefined) config.maxDelay = maxDelay;
  else if (minDelay !== undefined && minDelay > 120) config.maxDelay = minDelay;
  if (abortSignal) config.abortSignal = abortSignal;
  const waiter = waiterFunction as unknown as (c: object, i: Params) => Promise<object>;
  try {
    try {
      return await waiter(config, params);
    } catch (error) {
      // Each v3 waiter has its own default minDelay (5 s for S3, 15 s for EC2 instances) and
      // rejects, before any request, a maxWaitTime or maxDelay that does not exceed it. When
      // the caller left minDelay to the default, poll sooner instead of failing.
      if (minDelay !== undefined || !isWaiterConfigError(error)) throw error;
      return await waiter(
        { ...config, minDelay: Math.min(maxWaitTime / 2, maxDelay ?? Infinity) },
        params,
      );
    }
  } catch (error) {
    if (abortSignal?.aborted)
      throw new AbortError(`${waiterName} wait was aborted`, { cause: error });
    throw error;
  }
}

function isWaiterConfigError(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('WaiterConfiguration.');
}

function guardedClient(client: object, abortSignal: AbortSignal): object {
  const target = client as { send(command: object, options?: object): Promise<unknown> };
  const guarded = Object.create(client) as typeof target;
  guarded.send = (command: object, sendOptions?: object) => {
    if (abortSignal.aborted) return Promise.reject(new AbortError());
    return target.send(command, { ...sendOptions, abortSignal });
  };
  return guarded;
}
