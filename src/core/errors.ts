/**
 * Errors raised by the library itself. Service errors are the v3 client's own errors,
 * passed through unchanged.
 *
 * @packageDocumentation
 */

/**
 * Marks the library's errors. `ParamValidationError` extends `TypeError` (JavaScript has one
 * base class), so `instanceof AwsResourcesError` checks this mark rather than the prototype
 * chain. `Symbol.for`, so an ESM and a CommonJS copy of the library recognise each other's.
 */
const LIBRARY_ERROR: unique symbol = Symbol.for('aws-resources.error') as never;

function isLibraryError(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [LIBRARY_ERROR]?: unknown })[LIBRARY_ERROR] === true
  );
}

/**
 * Base class of every error aws-resources raises on its own account. `instanceof
 * AwsResourcesError` is also true of a {@link ParamValidationError}, which is a `TypeError`.
 *
 * @public
 */
export class AwsResourcesError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }

  /**
   * `error instanceof AwsResourcesError` holds for every error the library raises, also those
   * whose class extends a built-in error instead (`ParamValidationError` extends `TypeError`).
   * Subclasses keep the ordinary prototype check.
   *
   * @example
   * ```ts
   * try {
   *   s3.Bucket('');
   * } catch (error) {
   *   error instanceof AwsResourcesError; // true: an IdentifierError, a ParamValidationError
   *   error instanceof TypeError; // true as well
   * }
   * ```
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this === AwsResourcesError) return isLibraryError(value);
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}
Object.defineProperty(AwsResourcesError.prototype, LIBRARY_ERROR, { value: true });

/**
 * A definition file breaks the schema, or names something its service does not have.
 *
 * @public
 */
export class DefinitionError extends AwsResourcesError {
  /**
   * @param file - the definition file (or a label for an in-memory definition)
   * @param jsonPath - where in the file, as a JSON path (`$.resources.Bucket.actions`)
   * @param problem - what is wrong there
   */
  constructor(
    readonly file: string,
    readonly jsonPath: string,
    readonly problem: string,
  ) {
    super(`${file}: ${jsonPath}: ${problem}`);
  }
}

/**
 * Bad input from the caller, found before any request was sent. It is a `TypeError` (so
 * existing `instanceof TypeError` checks keep working) and an {@link AwsResourcesError}.
 *
 * @public
 */
export class ParamValidationError extends TypeError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}
Object.defineProperty(ParamValidationError.prototype, LIBRARY_ERROR, { value: true });

/**
 * An identifier is missing, empty or of the wrong type.
 *
 * @public
 */
export class IdentifierError extends ParamValidationError {
  constructor(
    readonly resource: string,
    readonly identifier: string,
    problem: string,
  ) {
    super(`${resource}: identifier '${identifier}' ${problem}`);
  }
}

/**
 * A load found no data for the resource (for example a bucket missing from ListBuckets).
 *
 * @public
 */
export class ResourceNotFoundError extends AwsResourcesError {
  constructor(
    readonly resource: string,
    readonly identifiers: Readonly<Record<string, unknown>>,
  ) {
    super(`${resource} ${JSON.stringify(identifiers)} was not found`);
  }
}

/**
 * An attribute was read on a resource that has no load operation and no data yet.
 *
 * @public
 */
export class ResourceNotLoadableError extends AwsResourcesError {}

/**
 * Some items of a batch action failed. Raised after every page was sent, with every failure
 * and every response attached. Each service raises a subclass that types them:
 * `DeleteObjectsError` (`aws-resources/s3`: the DeleteObjects `Errors` entries),
 * `BatchWriteError` and `BatchGetError` (`aws-resources/dynamodb`). Catch the subclass for
 * typed `failures`; `instanceof BatchActionError` alone gives them as `unknown`.
 *
 * @typeParam TFailure - one failed item, as the service reports it
 * @typeParam TResponse - one response of the batch
 *
 * @public
 */
export class BatchActionError<TFailure = unknown, TResponse = unknown> extends AwsResourcesError {
  constructor(
    message: string,
    readonly failures: readonly TFailure[],
    readonly responses: readonly TResponse[],
  ) {
    super(message);
  }

  /**
   * The ordinary prototype check, typed so that `instanceof` narrows to the class it is
   * asked of: `unknown` failures for `BatchActionError` itself (TypeScript would give `any`),
   * the subclass's own types for `DeleteObjectsError`.
   *
   * @example
   * ```ts
   * if (error instanceof DeleteObjectsError) error.failures[0]?.Key; // string | undefined
   * ```
   */
  static override [Symbol.hasInstance]<C extends abstract new (...args: never) => object>(
    this: C,
    value: unknown,
  ): value is InstanceType<C> {
    return Function.prototype[Symbol.hasInstance].call(this, value);
  }
}

/**
 * The operation was aborted through its `abortSignal`, before or during a request. `cause` is
 * the v3 client's error for a request cut short, else the signal's reason.
 *
 * @public
 */
export class AbortError extends AwsResourcesError {
  constructor(message = 'The operation was aborted', options?: ErrorOptions) {
    super(message, options);
  }
}
