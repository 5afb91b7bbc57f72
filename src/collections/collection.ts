import { whole } from '../core/accessors.js';
import type { BatchActionSpec } from '../core/descriptors.js';
import { BatchActionError, ParamValidationError } from '../core/errors.js';
import { OWNER, type HasOwner } from '../core/owner.js';
import { checkBatchParams } from '../core/param-checks.js';
import {
  buildParams,
  mergeCallerParams,
  overlayParams,
  type ParamContext,
  type Params,
} from '../core/params.js';
import {
  checkRequestOptions,
  isAbortSignal,
  sendRequest,
  throwIfAborted,
  type RequestOptions,
} from '../core/request.js';
import { buildResources } from '../core/resource-builder.js';
import {
  Cursor,
  type CollectionCheckpoint,
  type CollectionIterator,
  type CollectionJSON,
  type CollectionPages,
  type CollectionPosition,
} from './checkpoint.js';
import { encodeValue, type ValueCodec } from './checkpoint-values.js';
import type { CollectionSource } from './collection-source.js';
import { ItemIterator } from './item-iterator.js';
import { applyTokens, requestPages } from './pager.js';

/** The immutable query a collection stands for. */
export interface CollectionState {
  readonly filters: readonly object[];
  readonly limit?: number;
  readonly pageSize?: number;
  /** Where a restored collection goes on from (see `CollectionPosition`). */
  readonly start?: CollectionPosition;
}

/**
 * Options of a batch action (`bucket.objects.all().delete(params, options)`).
 *
 * @public
 */
export interface BatchActionOptions extends RequestOptions {
  /** Requests in flight at once (default 1); later pages are listed while earlier ones send. */
  readonly concurrency?: number;
}

/** A constructor of a collection class, as managers and chains call it. */
export type CollectionClass<C> = new (source: CollectionSource, state?: CollectionState) => C;

/** The symbol of a collection's raw-response stream (see `responsesOf`). */
const RESPONSES = Symbol('aws-resources.responses');
/** The symbol of a collection's batch-action runner (see `runBatch`). */
const BATCH = Symbol('aws-resources.batch');
/** The symbol of a collection's query, read without listing (see `queryOf`). */
const QUERY = Symbol('aws-resources.query');

/**
 * What a collection would list, read without listing (see `queryOf`).
 *
 * @example
 * ```ts
 * const { filters, limit }: CollectionQuery = queryOf(bucket.objects.filter({ Prefix: 'a/' }));
 * ```
 *
 * @public
 */
export interface CollectionQuery {
  /** `Bucket.objects`, for messages. */
  readonly label: string;
  /** The owner's identifiers by definition name (`{ Name: 'b' }` for a bucket). */
  readonly identifiers: Readonly<Record<string, unknown>>;
  /** The owner's v3 client (what a hand-off to another service takes its config from). */
  readonly client: object;
  /** The caller's `filter()` params, combined as the listing combines them. */
  readonly filters: Readonly<Params>;
  readonly limit?: number;
  readonly pageSize?: number;
}
/** The symbol of the method that makes a collection with a restored state (see `resume`). */
const RESUME = Symbol('aws-resources.resume');
/** The symbol of a collection class's codec for param values beyond JSON (see `codecOf`). */
export const CODEC = Symbol('aws-resources.codec');

/**
 * A lazy, immutable, chainable query over a listing. Nothing is sent until it is iterated;
 * every chained call returns a new collection. Iteration streams page by page and never asks
 * the service for more items than `limit` allows.
 *
 * @typeParam R - the resources it yields
 * @typeParam P - the listing's request params the caller may pass to `filter`
 *
 * @public
 */
export class Collection<R extends object, P extends object = object> implements AsyncIterable<R> {
  readonly #source: CollectionSource;
  readonly #state: CollectionState;

  /** @internal Collections come from a resource's collection property (`bucket.objects`). */
  constructor(source: CollectionSource, state: CollectionState = { filters: [] }) {
    this.#source = source;
    this.#state = state;
  }

  /**
   * The same query, as a new collection; batch actions are offered from here on.
   *
   * @example
   * ```ts
   * await bucket.objects.all().delete(); // deletes every object
   * ```
   */
  all(): this {
    return this.#with({});
  }

  /**
   * Adds request params to the listing; params of successive calls merge (lists append).
   *
   * @example
   * ```ts
   * const logs = bucket.objects.filter({ Prefix: 'logs/' });
   * ```
   */
  filter(params: P): this {
    if (typeof params !== 'object' || params === null || Array.isArray(params)) {
      throw new ParamValidationError(`${this.#source.label}.filter: params must be an object`);
    }
    // A copy: changing the caller's object later must not change this immutable query.
    const copy = mergeCallerParams({}, params, `${this.#source.label}.filter`);
    return this.#with({ filters: [...this.#state.filters, copy] });
  }

  /**
   * Yields at most `count` items in total; the requests ask for no more than that.
   *
   * @example
   * ```ts
   * for await (const o of bucket.objects.limit(10)) console.log(o.key); // one request, MaxKeys=10
   * ```
   */
  limit(count: number): this {
    return this.#with({ limit: checkCount(count, 0, `${this.#source.label}.limit`) });
  }

  /**
   * Asks for `count` items per request.
   *
   * @example
   * ```ts
   * for await (const page of bucket.objects.pageSize(100).pages()) console.log(page.length);
   * ```
   */
  pageSize(count: number): this {
    return this.#with({ pageSize: checkCount(count, 1, `${this.#source.label}.pageSize`) });
  }

  /**
   * Yields the items page by page, one request per page.
   *
   * @example
   * ```ts
   * for await (const page of bucket.objects.all().pages()) console.log(page.map((o) => o.key));
   * ```
   */
  pages(options?: RequestOptions): CollectionPages<R, this> {
    const cursor = this.#cursor();
    let held: R[] | undefined;
    const pages = this.#pages(options, cursor, (page) => (held = page));
    return Object.assign(pages, {
      checkpoint: () => cursor.checkpoint(held, held?.length ?? 0) as CollectionCheckpoint<this>,
    });
  }

  async *#pages(
    options: RequestOptions | undefined,
    cursor: Cursor | undefined,
    handing?: (page: R[]) => void,
  ): AsyncGenerator<R[], void, undefined> {
    const signal = uncheckedSignalOf(options);
    for await (const { items } of this[RESPONSES](options, cursor)) {
      // An abort while the page was on its way: hand out nothing more.
      throwIfAborted(signal);
      if (items.length > 0) {
        handing?.(items);
        yield items;
      }
    }
  }

  /**
   * The collection as JSON, before any iteration: the service, the resource it hangs off,
   * its name and its query. `service.restore(json)` rebuilds it in any process.
   *
   * @example
   * ```ts
   * const text = JSON.stringify(bucket.objects.filter({ Prefix: 'logs/' }));
   * const logs = new S3({ session }).restore(JSON.parse(text) as unknown, ObjectSummaryCollection);
   * ```
   */
  toJSON(): CollectionCheckpoint<this> {
    const { owner, spec, label } = this.#source;
    const of = this.#source.json?.();
    if (!of) {
      throw new ParamValidationError(`${label}: this collection does not come from a resource`);
    }
    const { limit, pageSize, start } = this.#state;
    const codec = codecOf(this);
    const json: CollectionJSON = {
      ...of,
      service: owner.service.name,
      collection: spec.name,
      params: encodeValue(this.#merged(), codec, `${label}.params`) as Record<string, unknown>,
      ...(limit === undefined ? {} : { limit }),
      ...(pageSize === undefined ? {} : { pageSize }),
      ...(start === undefined
        ? {}
        : {
            position:
              start === 'end'
                ? 'end'
                : {
                    tokens: encodeValue(start.tokens, codec, `${label}.tokens`) as Record<
                      string,
                      unknown
                    >,
                    skip: start.skip,
                  },
          }),
    };
    return json as CollectionCheckpoint<this>;
  }

  /** @internal A collection of this class with a restored state (see `resume`). */
  [RESUME](state: CollectionState): this {
    const Class = this.constructor as CollectionClass<this>;
    return new Class(this.#source, state);
  }

  #cursor(): Cursor {
    return new Cursor(() => this.toJSON(), codecOf(this));
  }

  /** Every filter merged, as boto3 merges them (later values win, lists append). */
  #merged(): Params {
    return this.#state.filters.reduce<Params>((all, filter) => overlayParams(all, filter), {});
  }

  /** @internal Each raw response with the items it gives after the limit (see `responsesOf`). */
  async *[RESPONSES](
    options?: RequestOptions,
    cursor?: Cursor,
  ): AsyncGenerator<{ readonly response: object; readonly items: R[] }, void, undefined> {
    const { spec, owner, label } = this.#source;
    const checked = checkRequestOptions(options, `${label}.pages`);
    const { limit, pageSize, start } = this.#state;
    if (start === 'end') return;
    const context = await this.#source.context(checked);
    // Successive filters combine as boto3's do (later values win, lists append); only then
    // may they not touch what the resource fills.
    const params = mergeCallerParams(
      buildParams(spec.request.params, context),
      this.#merged(),
      `${label}.filter`,
    );
    // A restored position: re-request the page in hand and drop what was handed out of it.
    let skip = start?.skip ?? 0;
    if (start) applyTokens(params, start.tokens);
    let remaining = limit === undefined ? undefined : limit + skip;
    if (remaining === 0) return;
    const pageSizeNow = (): number | undefined =>
      remaining === undefined ? pageSize : Math.min(pageSize ?? remaining, remaining);
    const responses = requestPages(
      {
        service: owner.service,
        client: owner.client,
        request: spec.request,
        params,
        paging: spec.paging,
        ...checked,
      },
      pageSizeNow,
    );
    for await (const { response, sent, next } of responses) {
      const before = remaining;
      let items = this.#itemsOf(response, context, params);
      if (remaining !== undefined) {
        if (items.length > remaining) items = items.slice(0, remaining);
        remaining -= items.length;
      }
      const dropped = Math.min(skip, items.length);
      if (dropped > 0) {
        items = items.slice(dropped);
        skip -= dropped;
      }
      if (cursor) {
        const last = next === undefined || remaining === 0;
        cursor.page = {
          items,
          tokens: sent,
          dropped,
          before,
          after: remaining,
          skipAfter: skip,
          next: last ? undefined : next,
        };
      }
      yield { response, items };
      if (remaining === 0) return;
    }
  }

  /**
   * Yields the items one by one, with options such as an abort signal.
   *
   * @example
   * ```ts
   * const controller = new AbortController();
   * for await (const o of bucket.objects.all().iterate({ abortSignal: controller.signal })) {}
   * ```
   */
  iterate(options?: RequestOptions): CollectionIterator<R, this> {
    const cursor = this.#cursor();
    return new ItemIterator(
      this.#pages(options, cursor),
      uncheckedSignalOf(options),
      (held, handed) => cursor.checkpoint(held, handed),
    ) as unknown as CollectionIterator<R, this>;
  }

  /**
   * `for await (const item of collection)`.
   *
   * @example
   * ```ts
   * for await (const o of bucket.objects.filter({ Prefix: 'a/' })) console.log(o.key);
   * ```
   */
  [Symbol.asyncIterator](): CollectionIterator<R, this> {
    return this.iterate();
  }

  /**
   * Collects every item into an array (mind the size of the listing; `limit` bounds it).
   *
   * @example
   * ```ts
   * const first10 = await bucket.objects.limit(10).toArray();
   * ```
   */
  async toArray(options?: RequestOptions): Promise<R[]> {
    const items: R[] = [];
    for await (const page of this.#pages(options, undefined)) items.push(...page);
    return items;
  }

  /**
   * The first item, if any, with a request for just one.
   *
   * @example
   * ```ts
   * const newest = await bucket.objects.filter({ Prefix: 'logs/' }).first();
   * ```
   */
  async first(options?: RequestOptions): Promise<R | undefined> {
    // limit(1), unless a smaller limit (0) is already set.
    const [item] = await this.limit(Math.min(this.#state.limit ?? 1, 1)).toArray(options);
    return item;
  }

  /** @internal Runs a batch action (see `runBatch`). */
  async [BATCH](
    spec: BatchActionSpec<unknown, unknown>,
    callerParams: object | undefined,
    options: unknown,
  ): Promise<unknown[]> {
    const label = `${this.#source.label}.${spec.name}`;
    const { owner } = this.#source;
    checkBatchParams(spec.allowedParams, callerParams, label);
    const checked = checkRequestOptions(options, label);
    const concurrency = checkConcurrency(options, label);
    const responses: unknown[] = [];
    const failuresByPage: unknown[][] = [];
    const inFlight = new Set<Promise<void>>();
    let failed: { readonly error: unknown } | undefined;
    try {
      for await (const page of this.#pages(checked, undefined)) {
        const params: Params = {};
        page.forEach((item, index) => {
          const { identifiers, data } = (item as unknown as HasOwner)[OWNER]();
          buildParams(spec.request.params, { identifiers, data }, params, index);
        });
        const merged = mergeCallerParams(params, callerParams, label);
        const at = responses.length;
        responses.push(undefined);
        const sending: Promise<void> = sendRequest(
          owner.service,
          owner.client,
          spec.request,
          merged,
          checked,
        )
          .then((response) => {
            responses[at] = response;
            const pageFailures = spec.errors?.(response, {});
            failuresByPage[at] = Array.isArray(pageFailures) ? (pageFailures as unknown[]) : [];
          })
          .catch((error: unknown) => {
            failed ??= { error };
          })
          .finally(() => inFlight.delete(sending));
        inFlight.add(sending);
        while (inFlight.size >= concurrency) await Promise.race(inFlight);
        if (failed) break;
      }
    } finally {
      // Never leave a request running behind the caller's back, whatever stopped the listing.
      await Promise.all(inFlight);
    }
    if (failed) throw failed.error;
    const failures = failuresByPage.flat();
    if (failures.length > 0) {
      // The descriptor's own class, so the failures keep their v3 type for `instanceof`.
      const Raised = spec.error ?? BatchActionError;
      throw new Raised(`${label}: ${failures.length} item(s) failed`, failures, responses);
    }
    return responses;
  }

  /** @internal The query, without listing (see `queryOf`). */
  [QUERY](): CollectionQuery {
    const { owner, label } = this.#source;
    const { filters, limit, pageSize } = this.#state;
    return {
      label,
      identifiers: owner.identifiers,
      client: owner.client,
      filters: filters.reduce<Params>((all, filter) => overlayParams(all, filter), {}),
      ...(limit === undefined ? {} : { limit }),
      ...(pageSize === undefined ? {} : { pageSize }),
    };
  }

  /** The items of one response: resources built from it, or its plain items. */
  #itemsOf(response: object, context: ParamContext, params: Params): R[] {
    const { spec, owner } = this.#source;
    if (!spec.resource) {
      const items = (spec.items ?? whole)(response, context.identifiers);
      return (Array.isArray(items) ? items : []) as R[];
    }
    const built = buildResources(spec.resource, {
      client: owner.client,
      identifiers: context.identifiers,
      data: context.data,
      params,
      response,
    });
    return (Array.isArray(built) ? built : built ? [built] : []) as R[];
  }

  #with(change: Partial<CollectionState>): this {
    const Class = this.constructor as CollectionClass<this>;
    return new Class(this.#source, { ...this.#state, ...change });
  }
}

/**
 * The signal of options not yet checked (they are checked, and a bad signal refused, when the
 * first page is asked for): `abortSignal` or `signal`, whichever is an `AbortSignal`.
 */
function uncheckedSignalOf(options: unknown): AbortSignal | undefined {
  const given = options as { abortSignal?: unknown; signal?: unknown } | null | undefined;
  if (isAbortSignal(given?.abortSignal)) return given.abortSignal;
  return isAbortSignal(given?.signal) ? given.signal : undefined;
}

/** A batch action's `concurrency` option: requests in flight at once (default 1). */
function checkConcurrency(options: unknown, label: string): number {
  const { concurrency = 1 } = (options ?? {}) as { concurrency?: unknown };
  if (typeof concurrency !== 'number' || !Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new ParamValidationError(
      `${label}: options.concurrency must be an integer ≥ 1, got ${String(concurrency)}`,
    );
  }
  return concurrency;
}

function checkCount(count: number, least: number, label: string): number {
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < least) {
    throw new ParamValidationError(
      `${label}: expected an integer ≥ ${least}, got ${typeof count === 'string' ? JSON.stringify(count) : String(count)}`,
    );
  }
  return count;
}

/**
 * Runs a batch action over a collection: one request per page, failures raised after the last
 * page as the descriptor's `error` class (a {@link BatchActionError}). With `concurrency` > 1, the next pages are listed while up to that many requests are
 * in flight; responses and failures keep page order, and the first error stops the listing
 * and is thrown once the requests in flight have settled.
 *
 * @example
 * ```ts
 * delete(params, options) { return runBatch(this, ObjectSummary$delete, params, options); }
 * ```
 */
export function runBatch<Output, Failure = never>(
  collection: Collection<object, object>,
  spec: BatchActionSpec<Output, Failure>,
  callerParams: object | undefined,
  options: unknown,
): Promise<Output[]> {
  // The responses are the v3 outputs of the spec's command; its error class takes what its
  // `errors` path reads from them.
  return collection[BATCH](
    spec as unknown as BatchActionSpec<unknown, unknown>,
    callerParams,
    options,
  ) as Promise<Output[]>;
}

/**
 * Each raw response of a collection with the items it gives after the limit, one request at
 * a time: for customisations that expose a raw page (DynamoDB's `query().page()`).
 *
 * @example
 * ```ts
 * for await (const { response, items } of responsesOf(this, options)) return { ...response, items };
 * ```
 */
export function responsesOf<R extends object>(
  collection: Collection<R, object>,
  options?: RequestOptions,
): AsyncGenerator<{ readonly response: object; readonly items: R[] }, void, undefined> {
  return collection[RESPONSES](options);
}

/**
 * What a collection would list (its owner's identifiers, its filters, limit and page size),
 * read without sending anything: for customisations that hand the query to another engine
 * instead of listing (S3's `toBatchJob`).
 *
 * @example
 * ```ts
 * const { identifiers, filters, limit } = queryOf(bucket.objects.filter({ Prefix: 'logs/' }));
 * ```
 */
export function queryOf(collection: Collection<object, object>): CollectionQuery {
  return collection[QUERY]();
}

/**
 * A collection of the same class and source as `collection`, with a restored state.
 *
 * @example
 * ```ts
 * const rest = resume(table.scan(), { filters: [params], start: { tokens, skip: 2 } });
 * ```
 */
export function resume<C extends Collection<object, object>>(
  collection: C,
  state: CollectionState,
): C {
  return collection[RESUME](state) as C;
}

/** The codec of a collection's class for param values beyond JSON, if it has one. */
export function codecOf(collection: object): ValueCodec | undefined {
  return (collection.constructor as { readonly [CODEC]?: ValueCodec })[CODEC];
}
