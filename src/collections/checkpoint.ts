import { encodeValue, type ValueCodec } from './checkpoint-values.js';

/**
 * Where a restored collection starts: the input tokens of the request that fetched the page
 * in hand (`null` for a token not sent; `{}` before the first page) and how many of that
 * page's items were already handed out, or `'end'` once the listing is exhausted.
 *
 * @public
 */
export type CollectionPosition =
  { readonly tokens: Readonly<Record<string, unknown>>; readonly skip: number } | 'end';

/**
 * A collection, or an iteration of one, as plain JSON: what `service.restore` rebuilds it
 * from in any process. It never holds a client or credentials.
 *
 * Values JSON cannot hold are encoded as one-key objects: `{"$bytes": base64}`,
 * `{"$bigint": "12"}`, `{"$set": [...]}`, `{"$map": [[key, value], ...]}`, `{"$date": iso}`,
 * `{"$number": "1.5"}` (DynamoDB's `NumberValue`), and a plain object with a key starting
 * with `$` as `{"$object": {...}}`.
 *
 * @example
 * ```ts
 * const json: CollectionJSON = bucket.objects.filter({ Prefix: 'logs/' }).toJSON();
 * // { service: 's3', type: 'Bucket', identifiers: { name: 'b' }, collection: 'objects',
 * //   params: { Prefix: 'logs/' } }
 * ```
 *
 * @public
 */
export interface CollectionJSON {
  /** The service (`s3`). */
  readonly service: string;
  /** The type of the resource the collection hangs off; absent for the service's own. */
  readonly type?: string;
  /** That resource's identifiers, by property name. */
  readonly identifiers?: Readonly<Record<string, unknown>>;
  /** The collection member (`objects`, `scan`). */
  readonly collection: string;
  /** The listing's request params: every `filter` merged, encoded. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Items still to hand out, when limited. */
  readonly limit?: number;
  /** Items asked for per request. */
  readonly pageSize?: number;
  /** Where to go on from; absent: from the start. */
  readonly position?: CollectionPosition;
}

declare const COLLECTION_TYPE: unique symbol;

/**
 * A {@link CollectionJSON} that remembers, in its type only, the collection class it came
 * from: `service.restore(checkpoint)` is then typed as that class.
 *
 * @typeParam C - the collection class it restores to
 * @example
 * ```ts
 * const checkpoint: CollectionCheckpoint<ObjectSummaryCollection> = iterator.checkpoint();
 * const rest = s3.restore(checkpoint); // ObjectSummaryCollection
 * ```
 *
 * @public
 */
export type CollectionCheckpoint<C> = CollectionJSON & { readonly [COLLECTION_TYPE]?: C };

/**
 * An iteration that can say where it is: `checkpoint()` gives the JSON of a collection that
 * yields exactly the items not handed out yet.
 *
 * @typeParam C - the collection class a checkpoint restores to
 * @example
 * ```ts
 * const it = bucket.objects.all().iterate();
 * await it.next();
 * const saved = JSON.stringify(it.checkpoint());
 * ```
 *
 * @public
 */
export interface Checkpointable<C> {
  /**
   * The rest of this iteration, as JSON (see {@link CollectionJSON}).
   *
   * @example
   * ```ts
   * const saved = JSON.stringify(iterator.checkpoint());
   * ```
   */
  checkpoint(): CollectionCheckpoint<C>;
}

/**
 * The async iterator of a collection's items, with `checkpoint()`.
 *
 * @typeParam R - the items
 * @typeParam C - the collection class a checkpoint restores to
 * @example
 * ```ts
 * const it: CollectionIterator<ObjectSummary, ObjectSummaryCollection> = bucket.objects.all().iterate();
 * ```
 *
 * @public
 */
export type CollectionIterator<R, C> = AsyncIterableIterator<R> & Checkpointable<C>;

/**
 * The async generator of a collection's pages (`pages()`), with `checkpoint()`.
 *
 * @typeParam R - the items
 * @typeParam C - the collection class a checkpoint restores to
 * @example
 * ```ts
 * const pages: CollectionPages<ObjectSummary, ObjectSummaryCollection> = bucket.objects.all().pages();
 * ```
 *
 * @public
 */
export type CollectionPages<R, C> = AsyncGenerator<R[], void, undefined> & Checkpointable<C>;

/** The page in hand of an iteration, as the listing gave it. */
export interface CursorPage {
  /** The items handed on from it (after the limit and the skip). */
  readonly items: readonly unknown[];
  /** The tokens that fetched it. */
  readonly tokens: Readonly<Record<string, unknown>>;
  /** Its items dropped to skip what a restored checkpoint had handed out already. */
  readonly dropped: number;
  /** The limit count before it (skipped items included), if limited. */
  readonly before: number | undefined;
  /** The limit count after it. */
  readonly after: number | undefined;
  /** Items still to skip after it. */
  readonly skipAfter: number;
  /** The next page's tokens; undefined when it is the last. */
  readonly next: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Tracks where an iteration is, for `checkpoint()`. The listing sets the page in hand when its
 * response arrives; the consumer says how many items of which page it handed out.
 */
export class Cursor {
  page: CursorPage | undefined;
  #base: CollectionJSON | undefined;

  constructor(
    private readonly collectionJSON: () => CollectionJSON,
    private readonly codec: ValueCodec | undefined,
  ) {}

  /** The checkpoint, given the page the consumer holds and how many of its items it handed out. */
  checkpoint(held: readonly unknown[] | undefined, handed: number): CollectionJSON {
    // The collection's own JSON, taken once: the iteration's params do not change.
    const base = (this.#base ??= this.collectionJSON());
    const page = this.page;
    if (!page) return base;
    const count = held === page.items ? handed : 0;
    const { limit: _limit, position: _position, ...query } = base;
    if (count < page.items.length) {
      const skip = page.dropped + count;
      return this.#at(query, page.tokens, skip, sub(page.before, skip));
    }
    if (page.next === undefined) return { ...query, position: 'end' };
    return this.#at(query, page.next, page.skipAfter, sub(page.after, page.skipAfter));
  }

  #at(
    query: CollectionJSON,
    tokens: Readonly<Record<string, unknown>>,
    skip: number,
    limit: number | undefined,
  ): CollectionJSON {
    const encoded = encodeValue(tokens, this.codec, 'tokens') as Record<string, unknown>;
    return {
      ...query,
      ...(limit === undefined ? {} : { limit }),
      position: { tokens: encoded, skip },
    };
  }
}

function sub(count: number | undefined, less: number): number | undefined {
  return count === undefined ? undefined : count - less;
}
