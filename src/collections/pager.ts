import type { PagingDefinition } from '../core/definition-types.js';
import type { Params } from '../core/params.js';
import { searchPath } from '../core/path.js';
import { abortErrorOf, sendOperation, throwIfAborted } from '../core/request.js';
import type { ServiceModel } from '../core/service-model.js';

/** One paged listing: the operation, its params (owned and mutated here) and its paging. */
export interface PageRequest {
  readonly model: ServiceModel;
  readonly client: object;
  readonly operation: string;
  readonly params: Params;
  readonly paging?: PagingDefinition;
  readonly abortSignal?: AbortSignal;
}

/**
 * Yields the raw response pages of a listing, one request at a time. Before each request the
 * page size is set to `pageSizeNow()`, so a limit shrinks the last request. Operations with
 * a v3 paginator go through it; others page on the definition's tokens.
 */
export function requestPages(
  request: PageRequest,
  pageSizeNow: () => number | undefined,
): AsyncGenerator<object> {
  const paginate = request.paging?.inputTokens
    ? undefined
    : request.model.paginator(request.operation);
  return paginate ? viaPaginator(request, pageSizeNow) : viaTokens(request, pageSizeNow);
}

function applyPageSize(request: PageRequest, pageSizeNow: () => number | undefined): void {
  const key = request.paging?.limitKey;
  const size = pageSizeNow();
  if (key && size !== undefined)
    request.params[key] = Math.max(size, request.paging?.minPageSize ?? 0);
}

async function* viaPaginator(
  request: PageRequest,
  pageSizeNow: () => number | undefined,
): AsyncGenerator<object> {
  const paginate = request.model.paginator(request.operation) as unknown as (
    config: { client: object },
    input: Params,
    ...rest: object[]
  ) => AsyncIterable<object>;
  const { abortSignal } = request;
  throwIfAborted(abortSignal);
  applyPageSize(request, pageSizeNow);
  // The v3 paginator reads the page size from this same input object before each request
  // (a size in the input wins over its config), so updating it between pages is enough.
  const pages = paginate(
    { client: request.model.clientFor(request.client, request.operation) },
    request.params,
    ...(abortSignal ? [{ abortSignal }] : []),
  );
  try {
    for await (const page of pages) {
      yield page;
      throwIfAborted(abortSignal);
      applyPageSize(request, pageSizeNow);
    }
  } catch (error) {
    // The paginator sends on its own: an aborted request surfaces as the SDK's error.
    throw abortErrorOf(error, abortSignal);
  }
}

async function* viaTokens(
  request: PageRequest,
  pageSizeNow: () => number | undefined,
): AsyncGenerator<object> {
  const { paging = {}, params } = request;
  const inputTokens = paging.inputTokens ?? [];
  const outputTokens = paging.outputTokens ?? [];
  for (;;) {
    applyPageSize(request, pageSizeNow);
    const page = (await sendOperation(
      request.model,
      request.client,
      request.operation,
      params,
      request,
    )) as object;
    yield page;
    if (paging.moreResults && !searchPath(page, paging.moreResults)) return;
    const tokens = outputTokens.map((path) => searchPath(page, path));
    if (tokens.every((token) => token === undefined || token === null)) return;
    inputTokens.forEach((name, i) => {
      const token = tokens[i];
      if (token === undefined || token === null) delete params[name];
      else params[name] = token;
    });
  }
}
