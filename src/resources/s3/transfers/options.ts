/**
 * Option types shared by the S3 transfer functions, and the checks that run on them
 * before any request is sent.
 *
 * @packageDocumentation
 */
import { AbortError, ParamValidationError, signalOf } from '../../../core/index.js';

/** 1 MiB in bytes. */
export const MiB = 1024 * 1024;
/** 1 GiB in bytes. */
export const GiB = 1024 * MiB;
/** The smallest part S3 accepts in a multipart upload (every part but the last). */
export const MIN_PART_SIZE = 5 * MiB;
/** The largest part S3 accepts in a multipart upload. */
export const MAX_PART_SIZE = 5 * GiB;
/** The most parts one multipart upload may have. */
export const MAX_PARTS = 10_000;

/**
 * How far a transfer has got, reported to {@link TransferOptions.onProgress}.
 *
 * @public
 */
export interface Progress {
  /** Bytes transferred so far. */
  loaded: number;
  /** Bytes in the whole transfer, when known (a stream of unknown length has none). */
  total?: number;
  /** The part that just finished, for multipart transfers (1-based). */
  part?: number;
}

/**
 * Options every transfer function accepts.
 *
 * @public
 */
export interface TransferOptions {
  /** Called as bytes move; `loaded` only grows and reaches `total` on success. */
  onProgress?: (progress: Progress) => void;
  /**
   * Cancels the transfer. The returned promise rejects with the library's `AbortError`
   * (its `cause` is the signal's reason), after any multipart upload has been aborted
   * and any temporary file removed.
   */
  abortSignal?: AbortSignal;
  /** Same as `abortSignal`, under the name `fetch` and the DOM APIs give it. */
  signal?: AbortSignal;
}

/**
 * The location of an object to write.
 *
 * @public
 */
export interface ObjectTarget {
  Bucket: string;
  Key: string;
}

/**
 * The location of an object to read, optionally a given version.
 *
 * @public
 */
export interface ObjectSource extends ObjectTarget {
  VersionId?: string;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value === null || typeof value !== 'object') return String(value);
  return Object.prototype.toString.call(value);
}

/**
 * Throws a `ParamValidationError` unless `value` is a non-empty string.
 *
 * @param fn - the public function, for the message
 * @param name - the parameter's name, e.g. `target.Bucket`
 */
export function assertNonEmptyString(
  fn: string,
  name: string,
  value: unknown,
): asserts value is string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new ParamValidationError(
      `${fn}: ${name} must be a non-empty string, got ${describe(value)}`,
    );
  }
}

/** Checks a `{ Bucket, Key, VersionId? }` object. */
export function assertLocation(
  fn: string,
  name: string,
  value: unknown,
  withVersion = false,
): void {
  if (value === null || typeof value !== 'object') {
    throw new ParamValidationError(
      `${fn}: ${name} must be an object with Bucket and Key, got ${describe(value)}`,
    );
  }
  const location = value as Partial<Record<'Bucket' | 'Key' | 'VersionId', unknown>>;
  assertNonEmptyString(fn, `${name}.Bucket`, location.Bucket);
  assertNonEmptyString(fn, `${name}.Key`, location.Key);
  if (withVersion && location.VersionId !== undefined) {
    assertNonEmptyString(fn, `${name}.VersionId`, location.VersionId);
  }
}

/** Throws a `ParamValidationError` unless `value` is an integer. */
function assertInteger(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number') {
    throw new ParamValidationError(`${fn}: ${name} must be a number, got ${describe(value)}`);
  }
  if (!Number.isSafeInteger(value)) {
    throw new ParamValidationError(`${fn}: ${name} must be an integer, got ${describe(value)}`);
  }
}

/** A part size in bytes: an integer from 5 MiB to 5 GiB, the limits S3 sets. */
export function assertPartSize(
  fn: string,
  value: unknown,
  name = 'partSize',
): asserts value is number {
  assertInteger(fn, name, value);
  if (value < MIN_PART_SIZE) {
    throw new ParamValidationError(
      `${fn}: ${name} must be at least 5 MiB (${MIN_PART_SIZE} bytes), got ${value}`,
    );
  }
  if (value > MAX_PART_SIZE) {
    throw new ParamValidationError(
      `${fn}: ${name} must be at most 5 GiB (${MAX_PART_SIZE} bytes), got ${value}`,
    );
  }
}

/** A number of requests in flight at once: a positive integer. */
export function assertConcurrency(
  fn: string,
  value: unknown,
  name = 'concurrency',
): asserts value is number {
  assertInteger(fn, name, value);
  if (value < 1) {
    throw new ParamValidationError(`${fn}: ${name} must be a positive integer, got ${value}`);
  }
}

/** A byte count that may be zero, at most `max`. */
export function assertByteCount(
  fn: string,
  name: string,
  value: unknown,
  max: number,
): asserts value is number {
  assertInteger(fn, name, value);
  if (value < 0 || value > max) {
    throw new ParamValidationError(
      `${fn}: ${name} must be between 0 and ${max} bytes, got ${value}`,
    );
  }
}

/**
 * Checks the members of {@link TransferOptions}, returning the options with the signal (given
 * as `abortSignal` or `signal`) as `abortSignal`, which is all the transfers read.
 */
export function assertTransferOptions<T extends TransferOptions>(fn: string, options: T): T {
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') {
    throw new ParamValidationError(
      `${fn}: onProgress must be a function, got ${describe(options.onProgress)}`,
    );
  }
  const abortSignal = signalOf(options, fn);
  if (!('signal' in options) && abortSignal === options.abortSignal) return options;
  const { signal: _given, ...rest } = options;
  return { ...rest, abortSignal } as T;
}

/** Checks that `params` is a plain object (or absent) and does not set the members the function fills. */
export function assertParams(fn: string, params: unknown, reserved: readonly string[]): void {
  if (params === undefined) return;
  if (params === null || typeof params !== 'object') {
    throw new ParamValidationError(`${fn}: params must be an object, got ${describe(params)}`);
  }
  for (const key of reserved) {
    if (key in params && (params as Record<string, unknown>)[key] !== undefined) {
      throw new ParamValidationError(
        `${fn}: params.${key} is set by ${fn} itself; pass it in its own argument`,
      );
    }
  }
}

/**
 * The error a transfer rejects with when its signal fires: the library's `AbortError`, as
 * every other aborted call gives, with the signal's reason as `cause`.
 */
export function abortError(fn: string, signal: AbortSignal): AbortError {
  return new AbortError(`${fn}: aborted`, { cause: signal.reason });
}

/** Rejects before any work when the signal has already fired. */
export function throwIfAborted(fn: string, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(fn, signal);
}
