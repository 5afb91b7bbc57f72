/**
 * Errors raised by the library itself. Service errors are the v3 client's own errors,
 * passed through unchanged.
 *
 * @packageDocumentation
 */

/**
 * Base class of every error aws-resources raises on its own account.
 *
 * @public
 */
export class AwsResourcesError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

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
 * Bad input from the caller, found before any request was sent.
 *
 * @public
 */
export class ParamValidationError extends AwsResourcesError {}

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
 * Some items of a batch action failed (S3 DeleteObjects `Errors`, ...). Raised after every
 * page was sent, with every failure and every response attached.
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
}

/**
 * The operation was aborted through its `abortSignal`.
 *
 * @public
 */
export class AbortError extends AwsResourcesError {
  constructor(message = 'The operation was aborted', options?: ErrorOptions) {
    super(message, options);
  }
}
