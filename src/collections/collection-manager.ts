import type { RequestOptions } from '../core/request.js';
import type { CollectionCheckpoint, CollectionIterator, CollectionPages } from './checkpoint.js';
import type { Collection, CollectionClass } from './collection.js';
import type { CollectionSource } from './collection-source.js';

export type { CollectionClass } from './collection.js';
export type { CollectionSource } from './collection-source.js';

/**
 * The filter params a collection type accepts.
 *
 * @public
 */
export type CollectionParams<C> = C extends Collection<object, infer P> ? P : never;

/**
 * The items a collection type yields.
 *
 * @public
 */
export type CollectionItem<C> = C extends Collection<infer R, object> ? R : never;

/**
 * A resource's collection property (`bucket.objects`, `s3.buckets`): the starting point of
 * queries. It starts collections and can be iterated, but offers no batch actions, so that
 * "act on everything" is always written out as `.all()`.
 *
 * @public
 */
export class CollectionManager<C extends Collection<object, object>> implements AsyncIterable<
  CollectionItem<C>
> {
  readonly #source: CollectionSource;
  readonly #collectionClass: CollectionClass<C>;

  /** @internal */
  constructor(source: CollectionSource, collectionClass: CollectionClass<C>) {
    this.#source = source;
    this.#collectionClass = collectionClass;
  }

  /**
   * Every item, as a collection (with batch actions).
   *
   * @example
   * ```ts
   * for await (const b of s3.buckets.all()) console.log(b.name);
   * ```
   */
  all(): C {
    return new this.#collectionClass(this.#source);
  }

  /**
   * A collection of the items the listing params select.
   *
   * @example
   * ```ts
   * await bucket.objects.filter({ Prefix: 'tmp/' }).delete();
   * ```
   */
  filter(params: CollectionParams<C>): C {
    return this.all().filter(params as object) as C;
  }

  /**
   * A collection of at most `count` items; no request asks for more.
   *
   * @example
   * ```ts
   * const ten = await bucket.objects.limit(10).toArray();
   * ```
   */
  limit(count: number): C {
    return this.all().limit(count) as C;
  }

  /**
   * A collection that asks for `count` items per request.
   *
   * @example
   * ```ts
   * for await (const page of bucket.objects.pageSize(500).pages()) console.log(page.length);
   * ```
   */
  pageSize(count: number): C {
    return this.all().pageSize(count) as C;
  }

  /**
   * Every item, page by page.
   *
   * @example
   * ```ts
   * for await (const page of bucket.objects.pages()) console.log(page.length);
   * ```
   */
  pages(options?: RequestOptions): CollectionPages<CollectionItem<C>, C> {
    return this.all().pages(options) as CollectionPages<CollectionItem<C>, C>;
  }

  /**
   * Every item, in an array.
   *
   * @example
   * ```ts
   * const buckets = await s3.buckets.toArray();
   * ```
   */
  toArray(options?: RequestOptions): Promise<CollectionItem<C>[]> {
    return this.all().toArray(options) as Promise<CollectionItem<C>[]>;
  }

  /**
   * The first item, if any, with a request for just one.
   *
   * @example
   * ```ts
   * const any = await bucket.objects.first();
   * ```
   */
  first(options?: RequestOptions): Promise<CollectionItem<C> | undefined> {
    return this.all().first(options) as Promise<CollectionItem<C> | undefined>;
  }

  /**
   * `for await (const item of bucket.objects)`.
   *
   * @example
   * ```ts
   * for await (const o of bucket.objects) console.log(o.key);
   * ```
   */
  [Symbol.asyncIterator](): CollectionIterator<CollectionItem<C>, C> {
    return this.all()[Symbol.asyncIterator]() as CollectionIterator<CollectionItem<C>, C>;
  }

  /**
   * The collection of every item, as JSON (see `Collection.toJSON`).
   *
   * @example
   * ```ts
   * const json = bucket.objects.toJSON(); // { service: 's3', type: 'Bucket', ..., collection: 'objects' }
   * ```
   */
  toJSON(): CollectionCheckpoint<C> {
    return this.all().toJSON() as CollectionCheckpoint<C>;
  }
}
