import { AbortError } from './errors.js';

/**
 * Waits `ms`, or rejects with an {@link AbortError} (the signal's reason as `cause`) as soon as
 * the signal fires: for retries and polls that must stop at once on an abort.
 *
 * @param message - the AbortError's message (its default when absent)
 * @example
 * ```ts
 * await sleep(backoff, abortSignal, 'BatchJob.waitUntilComplete was aborted');
 * ```
 */
export function sleep(
  ms: number,
  signal: AbortSignal | undefined,
  message?: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = (): AbortError => new AbortError(message, { cause: signal?.reason });
    if (signal?.aborted) return reject(aborted());
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
