/**
 * Measures how many HTTP requests a v3 client has in flight at once: a middleware after the
 * retry step (so each attempt counts) raises a counter while a request is out.
 */
import type { FinalizeRequestMiddleware, MiddlewareStack } from '@smithy/types';

export interface InFlight {
  /** Requests out right now. */
  readonly current: number;
  /** The most that were out at once since creation or `reset()`. */
  readonly max: number;
  /** Requests sent in all. */
  readonly total: number;
  reset(): void;
  remove(): void;
}

/** Starts measuring `client`'s requests in flight. */
export function trackInFlight(client: { middlewareStack: unknown }): InFlight {
  let current = 0;
  let max = 0;
  let total = 0;
  const middleware: FinalizeRequestMiddleware<object, object> = (next) => async (args) => {
    current += 1;
    total += 1;
    max = Math.max(max, current);
    try {
      return await next(args);
    } finally {
      current -= 1;
    }
  };
  const stack = client.middlewareStack as MiddlewareStack<object, object>;
  stack.add(middleware, { step: 'finalizeRequest', priority: 'low', name: 'inFlightTracker' });
  return {
    get current() {
      return current;
    },
    get max() {
      return max;
    },
    get total() {
      return total;
    },
    reset() {
      max = current;
      total = 0;
    },
    remove() {
      stack.remove(middleware);
    },
  };
}
