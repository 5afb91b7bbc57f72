/**
 * The checks both directory transfers make before any request: their options, and that the
 * directory exists.
 *
 * @packageDocumentation
 */
import { stat } from 'node:fs/promises';
import { ParamValidationError } from '../../../core/index.js';
import type { Progress } from './options.js';
import { assertConcurrency, assertTransferOptions, throwIfAborted } from './options.js';

/** What both directory transfers take. */
export interface DirectoryOptions {
  readonly prefix?: string;
  readonly concurrency?: number;
  readonly abortSignal?: AbortSignal;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
}

/** The options with their defaults. */
export interface CheckedDirectoryOptions {
  readonly prefix: string;
  readonly concurrency: number;
  readonly abortSignal: AbortSignal | undefined;
  readonly onProgress: ((progress: Progress) => void) | undefined;
}

/**
 * Checks `options` and `dir` (an existing directory) for `fn`, throwing `ParamValidationError`
 * naming what is wrong, or the library's `AbortError` when the signal has already fired.
 *
 * @example
 * ```ts
 * const { prefix, concurrency } = await checkDirectoryTransfer('uploadDirectory', dir, options);
 * ```
 */
export async function checkDirectoryTransfer(
  fn: string,
  dir: unknown,
  options: unknown,
): Promise<CheckedDirectoryOptions> {
  if (typeof options !== 'object' || options === null)
    throw new ParamValidationError(`${fn}: options must be an object`);
  const given = options as DirectoryOptions;
  const { prefix = '', concurrency = 4, onProgress } = given;
  const { abortSignal } = assertTransferOptions(fn, {
    abortSignal: given.abortSignal,
    signal: given.signal,
    onProgress,
  });
  assertConcurrency(fn, concurrency);
  if (typeof prefix !== 'string') throw new ParamValidationError(`${fn}: prefix must be a string`);
  if (typeof dir !== 'string' || dir.length === 0)
    throw new ParamValidationError(
      `${fn}: dir must be a non-empty string, got ${JSON.stringify(dir)}`,
    );
  if (!(await stat(dir).catch(() => undefined))?.isDirectory())
    throw new ParamValidationError(
      `${fn}: dir ${JSON.stringify(dir)} is not an existing directory`,
    );
  throwIfAborted(fn, abortSignal);
  return { prefix, concurrency, abortSignal, onProgress };
}
