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

/** One response of a listing, with the tokens that asked for it and those of the next page. */
export interface ListedPage {
  readonly response: object;
  /** Every input token's value in the request that fetched this page (null: not sent). */
  readonly sent: Readonly<Record<string, unknown>>;
  /** The input tokens of the next page, or undefined when this page is the last. */
  readonly next: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Yields the raw response pages of a listing, one request at a time. Before each request the
 * page size is set to `pageSizeNow()`, so a limit shrinks the last request. Pages follow the
 * operation's tokens: the generator reads their names from the v3 paginator (or the
 * definition names them), so every listing pages the same way, and an operation without
 * tokens answers in one response. Each page says which tokens fetched it and which fetch the
 * next, so an iteration can be checkpointed at any page.
 */
export async function* requestPages(
  request: PageRequest,
  pageSizeNow: () => number | undefined,
): AsyncGenerator<ListedPage> {
  const { paging = {}, params } = request;
  const inputTokens = paging.inputTokens ?? [];
  const outputTokens = paging.outputTokens ?? [];
  const tokensOf = (values: readonly unknown[]): Record<string, unknown> =>
    Object.fromEntries(
      inputTokens.map((name, i) => [name, isMissing(values[i]) ? null : values[i]]),
    );
  for (;;) {
    const size = pageSizeNow();
    if (paging.limitKey && size !== undefined) {
      params[paging.limitKey] = Math.max(size, paging.minPageSize ?? 0);
    }
    const sent = tokensOf(inputTokens.map((name) => params[name]));
    const response = (await sendRequest(
      request.service,
      request.client,
      request.request,
      params,
      request,
    )) as object;
    const tokens = outputTokens.map((path) => path(response, {}));
    const last =
      (paging.moreResults !== undefined && !paging.moreResults(response, {})) ||
      tokens.every(isMissing);
    yield { response, sent, next: last ? undefined : tokensOf(tokens) };
    if (last) return;
    inputTokens.forEach((name, i) => {
      const token = tokens[i];
      if (isMissing(token)) delete params[name];
      else params[name] = token;
    });
  }
}

/** Sets the input tokens of a checkpoint on the params (null: the token is not sent). */
export function applyTokens(
  params: Record<string, unknown>,
  tokens: Readonly<Record<string, unknown>>,
): void {
  for (const [name, value] of Object.entries(tokens)) {
    if (value === null) delete params[name];
    else params[name] = value;
  }
}

/** A token that ends the listing: absent, or empty as some services send it. */
function isMissing(token: unknown): boolean {
  return token === undefined || token === null || token === '';
}
