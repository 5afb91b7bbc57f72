/**
 * Counts the HTTP requests a v3 client really sends, per operation.
 *
 * The middleware sits in the `finalizeRequest` step at low priority, i.e. after the retry
 * middleware and signing: it runs once per HTTP attempt (a retried call counts twice), for
 * every page a paginator fetches and every poll of a waiter, and not for presigned URLs
 * (presigning stops the stack before it).
 */
import type {
  FinalizeHandlerArguments,
  FinalizeRequestMiddleware,
  HandlerExecutionContext,
  MiddlewareStack,
} from '@smithy/types';

export const REQUEST_COUNTER_MIDDLEWARE = 'awsResourcesRequestCounter';

export interface CountedRequest {
  /** Command name without the `Command` suffix, e.g. `ListObjectsV2`. */
  operation: string;
  method: string;
  hostname: string;
  path: string;
}

export interface RequestCounter {
  /** HTTP requests sent since creation or the last `reset()`. */
  readonly total: number;
  /** Requests per operation (`{ CreateBucket: 1, ListBuckets: 1 }`). */
  readonly byOperation: Record<string, number>;
  /** Each request's operation and a shallow copy of its command input, in order. */
  readonly inputs: Array<{ operation: string; input: object }>;
  /** Each request's operation, method, hostname and path, in order. */
  readonly requests: CountedRequest[];
  /** Requests for one operation; `'ListObjectsV2'` and `'ListObjectsV2Command'` both work. */
  count(operation: string): number;
  /** Forgets everything counted so far (keeps counting). */
  reset(): void;
  /** Takes the middleware off the client; counting stops. */
  remove(): void;
}

/** Any v3 client: only its middleware stack is used. */
export interface CountableClient<Input extends object = object, Output extends object = object> {
  middlewareStack: Pick<MiddlewareStack<Input, Output>, 'add' | 'remove'>;
}

function operationName(context: HandlerExecutionContext): string {
  const name = context.commandName ?? 'Unknown';
  return name.endsWith('Command') ? name.slice(0, -'Command'.length) : name;
}

/**
 * Adds the counting middleware to `client` and returns the live counter. One counter per
 * client at a time (adding a second to the same client throws); any number of clients.
 */
export function countRequests<Input extends object, Output extends object>(
  client: CountableClient<Input, Output>,
): RequestCounter {
  const byOperation: Record<string, number> = {};
  const inputs: Array<{ operation: string; input: object }> = [];
  const requests: CountedRequest[] = [];
  let total = 0;

  const middleware: FinalizeRequestMiddleware<Input, Output> =
    (next, context) => async (args: FinalizeHandlerArguments<Input>) => {
      const operation = operationName(context);
      total += 1;
      byOperation[operation] = (byOperation[operation] ?? 0) + 1;
      // Paginators mutate the input they are given: keep a snapshot of this request's.
      inputs.push({ operation, input: { ...args.input } });
      const request = args.request as { method?: string; hostname?: string; path?: string };
      requests.push({
        operation,
        method: request.method ?? '',
        hostname: request.hostname ?? '',
        path: request.path ?? '',
      });
      return next(args);
    };

  try {
    client.middlewareStack.add(middleware, {
      step: 'finalizeRequest',
      priority: 'low',
      name: REQUEST_COUNTER_MIDDLEWARE,
    });
  } catch (e) {
    throw new Error('countRequests: this client already has a request counter; remove() it first', {
      cause: e,
    });
  }

  let removed = false;
  return {
    get total() {
      return total;
    },
    get byOperation() {
      return byOperation;
    },
    get inputs() {
      return inputs;
    },
    get requests() {
      return requests;
    },
    count(operation: string): number {
      const name = operation.endsWith('Command')
        ? operation.slice(0, -'Command'.length)
        : operation;
      return byOperation[name] ?? 0;
    },
    reset(): void {
      total = 0;
      for (const key of Object.keys(byOperation)) delete byOperation[key];
      inputs.length = 0;
      requests.length = 0;
    },
    remove(): void {
      if (removed) return;
      removed = true;
      client.middlewareStack.remove(middleware);
    },
  };
}
