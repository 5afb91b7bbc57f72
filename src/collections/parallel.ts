import { ParamValidationError } from '../core/errors.js';
import { checkRequestOptions, throwIfAborted, type RequestOptions } from '../core/request.js';
import type { Collection } from './collection.js';

/**
 * Options of a parallel iteration (`table.scan().parallel(n, options)`).
 *
 * @public
 */
export interface ParallelOptions extends RequestOptions {
  /**
   * Requests in flight at once, across all the collections (default: as many as there are
   * collections). Pages received and not yet handed out count too, so memory stays at most
   * this many pages.
   */
  readonly concurrency?: number;
}

type Pages<R> = AsyncGenerator<R[], void, undefined>;
type Settled<R> = {
  readonly pages: Pages<R>;
  readonly result?: IteratorResult<R[]>;
  readonly error?: unknown;
};

/**
 * Iterates several collections at once and yields their items as pages arrive. Pull-based:
 * a page is asked for only while fewer than `concurrency` pages are in flight or waiting to
 * be handed out. The first error aborts the requests still in flight and is thrown once they
 * have settled; so is an abort of `abortSignal`; stopping early (`break`) aborts them too.
 */
export async function* parallelItems<R>(
  collections: readonly Collection<R & object, object>[],
  options: ParallelOptions | undefined,
  label: string,
): AsyncGenerator<R, void, undefined> {
  const checked = checkRequestOptions(options, label);
  const concurrency = options?.concurrency ?? Math.max(collections.length, 1);
  if (typeof concurrency !== 'number' || !Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new ParamValidationError(
      `${label}: options.concurrency must be an integer ≥ 1, got ${String(concurrency)}`,
    );
  }
  const stop = new AbortController();
  const signal = checked.abortSignal;
  const abortSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  const idle: Pages<R>[] = collections.map((c) => c.pages({ abortSignal }) as Pages<R>);
  const all = [...idle];
  const inFlight = new Map<Pages<R>, Promise<Settled<R>>>();
  const ready: R[][] = [];
  try {
    for (;;) {
      while (inFlight.size + ready.length < concurrency && idle.length > 0) {
        const pages = idle.shift() as Pages<R>;
        const asked: Promise<Settled<R>> = pages.next().then(
          (result) => ({ pages, result }),
          (error: unknown) => ({ pages, error }),
        );
        inFlight.set(pages, asked);
      }
      const page = ready.shift();
      if (page) {
        for (const item of page) {
          throwIfAborted(signal);
          yield item;
        }
        continue;
      }
      if (inFlight.size === 0) return;
      const settled = await Promise.race(inFlight.values());
      inFlight.delete(settled.pages);
      if ('error' in settled) throw settled.error;
      if (settled.result && !settled.result.done) {
        ready.push(settled.result.value);
        idle.push(settled.pages);
      }
    }
  } finally {
    // Nothing may keep running behind the caller: abort what is in flight and wait for it.
    stop.abort();
    await Promise.allSettled(inFlight.values());
    await Promise.allSettled(all.map((pages) => pages.return()));
  }
}
