/**
 * Symbols through which engine modules reach into resources without import cycles.
 *
 * @internal
 * @packageDocumentation
 */

/** A resource's identifiers and data, for building batch requests. */
export const paramContextOf = Symbol('aws-resources.paramContext');
