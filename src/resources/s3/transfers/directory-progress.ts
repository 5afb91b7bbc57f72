/**
 * Progress over many files: one running byte count for the whole directory transfer, from
 * the per-file counts each transfer reports.
 *
 * @packageDocumentation
 */
import type { Progress } from './options.js';

/** Hands out per-file progress callbacks whose reports add up to one. */
export interface AggregateProgress {
  /** A new callback, to give the transfer of one file. */
  forFile(): (progress: Progress) => void;
}

/**
 * Reports `{ loaded: 0, total }` at once, then the sum of every file's latest `loaded` each
 * time one of them moves.
 *
 * @example
 * ```ts
 * const progress = aggregateProgress(1024, ({ loaded, total }) => console.log(loaded, total));
 * await uploadFile(client, target, path, { onProgress: progress.forFile() });
 * ```
 */
export function aggregateProgress(
  total: number,
  onProgress: (progress: Progress) => void,
): AggregateProgress {
  let loaded = 0;
  onProgress({ loaded, total });
  return {
    forFile() {
      let mine = 0;
      return ({ loaded: now }) => {
        // Per-file counts only grow; a repeated report moves nothing.
        if (now <= mine) return;
        loaded += now - mine;
        mine = now;
        onProgress({ loaded, total });
      };
    },
  };
}

/** An error's message, for a one-line summary of failures. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
