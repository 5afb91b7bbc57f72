import { AbortError } from '../core/errors.js';

/**
 * Iterates the items of a stream of pages. Once `signal` fires, the next call rejects with
 * {@link AbortError} and the pages are closed: no further item of the page in hand comes out.
 * Items of a page already in hand come back as resolved promises, one microtask each: a
 * nested async generator (`yield*` over pages) costs several ticks per item, which shows over
 * hundreds of thousands of keys.
 */
export class ItemIterator<T> implements AsyncIterableIterator<T> {
  #page: readonly T[] = [];
  #index = 0;
  /** The last page taken, and how many of its items were handed out (for `checkpoint`). */
  #held: readonly T[] | undefined;
  #handed = 0;
  #done = false;
  #waiting: Promise<void> | undefined;

  constructor(
    private readonly pages: AsyncGenerator<T[], void, undefined>,
    private readonly signal?: AbortSignal,
    private readonly checkpointOf?: (held: readonly T[] | undefined, handed: number) => unknown,
  ) {}

  /** Where the iteration is: the owner's checkpoint of the page held and the items handed out. */
  checkpoint(): unknown {
    const handed = this.#page === this.#held ? this.#index : this.#handed;
    return this.checkpointOf?.(this.#held, handed);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.#waiting === undefined && this.signal?.aborted && !this.#done) return this.#abort();
    if (this.#waiting === undefined && this.#index < this.#page.length) {
      return Promise.resolve({ done: false, value: this.#page[this.#index++] as T });
    }
    // A page is being fetched: calls made meanwhile (without awaiting) queue behind it, so
    // each item is handed out once and in order.
    const result = (this.#waiting ?? Promise.resolve()).then(() => this.#take());
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    this.#waiting = settled;
    void settled.then(() => {
      if (this.#waiting === settled) this.#waiting = undefined;
    });
    return result;
  }

  #take(): Promise<IteratorResult<T, undefined>> {
    if (this.signal?.aborted && !this.#done) return this.#abort();
    if (this.#index < this.#page.length) {
      return Promise.resolve({ done: false, value: this.#page[this.#index++] as T });
    }
    return this.#nextPage();
  }

  async return(): Promise<IteratorResult<T, undefined>> {
    this.#finish();
    await this.pages.return();
    return { done: true, value: undefined };
  }

  async throw(error?: unknown): Promise<IteratorResult<T, undefined>> {
    this.#finish();
    await this.pages.return();
    throw error;
  }

  async #nextPage(): Promise<IteratorResult<T, undefined>> {
    while (!this.#done) {
      const result = await this.pages.next();
      if (result.done) break;
      if (result.value.length === 0) continue;
      // The signal may have fired while the page was on its way.
      if (this.signal?.aborted) return this.#abort();
      this.#page = result.value;
      this.#held = result.value;
      this.#index = 1;
      return { done: false, value: result.value[0] as T };
    }
    this.#finish();
    return { done: true, value: undefined };
  }

  /** Drops the page in hand, closes the pages and rejects. */
  async #abort(): Promise<never> {
    this.#finish();
    await this.pages.return();
    throw new AbortError(undefined, { cause: this.signal?.reason });
  }

  #finish(): void {
    if (this.#page === this.#held) this.#handed = this.#index;
    this.#done = true;
    this.#page = [];
    this.#index = 0;
  }
}
