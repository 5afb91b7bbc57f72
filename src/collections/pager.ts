import type { PagingSpec, RequestSpec, ServiceSpec } from '../core/descriptors.js';
import type { Params } from '../core/params.js';
import { sendRequest } from '../core/request.js';

/** One paged listing: the request, its params (owned and updated here) and its paging. */
export interface PageRequest {
  readonly service: ServiceSpec;
  readonly client: object;
  readonly request: RequestSpec;
  readonly params: Params;
  readonly paging?: PagingSpec;
  readonly abortSignal?: AbortSignal;
}

/**
 * Yields the raw response pages of a listing, one request at a time. Before each request the
 * page size is set to `pageSizeNow()`, so a limit shrinks the last request. Pages follow the
 * operation's tokens: the generator reads their names from the v3 paginator (or the
 * definition names them), so every listing pages the same way, and an operation without
 * tokens answers in one response.
 */
export async function* requestPages(
  request: PageRequest,
  pageSizeNow: () => number | undefined,
): AsyncGenerator<object> {
  const { paging = {}, params } = request;
  const inputTokens = paging.inputTokens ?? [];
  const outputTokens = paging.outputTokens ?? [];
  for (;;) {
    const size = pageSizeNow();
    if (paging.limitKey && size !== undefined) {
      params[paging.limitKey] = Math.max(size, paging.minPageSize ?? 0);
    }
    const page = (await sendRequest(
      request.service,
      request.client,
      request.request,
      params,
      request,
    )) as object;
    yield page;
    if (paging.moreResults && !paging.moreResults(page, {})) return;
    const tokens = outputTokens.map((path) => path(page, {}));
    if (tokens.every(isMissing)) return;
    inputTokens.forEach((name, i) => {
      const token = tokens[i];
      if (isMissing(token)) delete params[name];
      else params[name] = token;
    });
  }
}

/** A token that ends the listing: absent, or empty as some services send it. */
function isMissing(token: unknown): boolean {
  return token === undefined || token === null || token === '';
}
