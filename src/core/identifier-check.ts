import type { IdentifierSpec } from './descriptors.js';
import { IdentifierError } from './errors.js';

/** The rules one identifier value is checked by: its type, emptiness and format. */
export type IdentifierRules = Pick<IdentifierSpec, 'integer' | 'allowEmpty' | 'pattern' | 'format'>;

/**
 * What is wrong with an identifier value (`'must not be empty'`), or undefined when it is
 * valid. Factories and the params that fill a produced resource's identifiers share it.
 */
export function identifierProblem(rules: IdentifierRules, value: unknown): string | undefined {
  // The common case first: nothing to build (a hot path of every listing).
  if (typeof value === 'string' && !rules.integer && (value.length > 0 || rules.allowEmpty)) {
    if (!rules.pattern || rules.pattern.test(value)) return undefined;
    return `must be ${rules.format ?? `a value matching ${String(rules.pattern)}`}, got ${JSON.stringify(value)}`;
  }
  if (value === undefined || value === null) return 'is missing';
  if (rules.integer) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value))
      return `must be an integer, got ${JSON.stringify(value)}`;
    return undefined;
  }
  if (typeof value !== 'string') return `must be a string, got ${typeof value}`;
  return 'must not be empty';
}

/** The identifier's value, checked: an {@link IdentifierError} names what is wrong. */
export function checkIdentifier(
  type: string,
  identifier: IdentifierSpec,
  value: unknown,
): string | number {
  const problem = identifierProblem(identifier, value);
  if (problem !== undefined) throw new IdentifierError(type, identifier.property, problem);
  return value as string | number;
}
