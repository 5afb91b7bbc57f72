import { signalOf, sleep, type RequestOptions } from '../../core/index.js';

/**
 * How unprocessed items and keys of a batch are sent again.
 *
 * @public
 */
export interface RetryOptions extends RequestOptions {
  /** Requests in all, the first included, before the rest is raised (default 8). */
  readonly maxAttempts?: number;
  /** The first backoff's upper bound, in ms; it doubles each time (default 50). */
  readonly baseDelayMs?: number;
  /** The longest any backoff waits, in ms (default 5000). */
  readonly maxDelayMs?: number;
}

/** What a run of a batch request and its re-sends came to. */
export interface RetryOutcome<Req, Res> {
  readonly responses: Res[];
  /** What was still unprocessed (or in flight when a request failed); undefined when done. */
  readonly unprocessed?: Req;
  /** The error of the request that failed, if one did. */
  readonly error?: unknown;
}

/** Checked retry settings, with their defaults. */
export function retryPolicy(
  options: RetryOptions | undefined,
  label: string,
  fail: (message: string) => Error,
): Required<Omit<RetryOptions, keyof RequestOptions>> & { readonly abortSignal?: AbortSignal } {
  const { maxAttempts = 8, baseDelayMs = 50, maxDelayMs = 5000 } = options ?? ({} as RetryOptions);
  const abortSignal = signalOf(options, label);
  const check = (name: string, value: number, least: number): void => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < least)
      throw fail(`${label}: ${name} must be a number ≥ ${least}, got ${String(value)}`);
  };
  check('maxAttempts', maxAttempts, 1);
  if (!Number.isInteger(maxAttempts))
    throw fail(`${label}: maxAttempts must be an integer, got ${maxAttempts}`);
  check('baseDelayMs', baseDelayMs, 0);
  check('maxDelayMs', maxDelayMs, 0);
  return { maxAttempts, baseDelayMs, maxDelayMs, ...(abortSignal ? { abortSignal } : {}) };
}

/**
 * Exponential backoff with full jitter (a random wait up to `base · 2^(attempt-1)`, capped),
 * which spreads the re-sends of many writers instead of bunching them.
 */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number): number {
  return Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
}

/**
 * Sends `first`, then whatever each response leaves unprocessed, backing off between
 * attempts, until nothing is left or the attempts run out. Never throws: a failed request
 * ends the run with its error and what it was sending.
 */
export async function sendUntilProcessed<Req, Res>(
  first: Req,
  send: (request: Req) => Promise<Res>,
  leftover: (response: Res) => Req | undefined,
  policy: ReturnType<typeof retryPolicy>,
): Promise<RetryOutcome<Req, Res>> {
  const responses: Res[] = [];
  let pending = first;
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await send(pending);
      responses.push(response);
      const left = leftover(response);
      if (left === undefined) return { responses };
      if (attempt >= policy.maxAttempts) return { responses, unprocessed: left };
      pending = left;
      await sleep(backoffDelay(attempt, policy.baseDelayMs, policy.maxDelayMs), policy.abortSignal);
    } catch (error) {
      return { responses, unprocessed: pending, error };
    }
  }
}
