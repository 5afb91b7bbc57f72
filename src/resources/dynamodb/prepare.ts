import { ParamValidationError } from '../../core/index.js';
import { prepareExpressions } from './conditions/index.js';
import { checkNativeValues } from './values.js';

/** Placeholders earlier params of the same request already use. */
export interface TakenPlaceholders {
  readonly ExpressionAttributeNames?: Record<string, unknown>;
  readonly ExpressionAttributeValues?: Record<string, unknown>;
}

const isEmpty = (value: object | undefined): boolean =>
  value === undefined || Object.keys(value).length === 0;

/**
 * A request's params, ready for the document client: conditions turned into expressions
 * (with placeholders that avoid `taken`), and the native values of `valueMembers` and
 * `ExpressionAttributeValues` checked, so a bad value fails before any request.
 */
export function prepareRequest(
  params: unknown,
  label: string,
  valueMembers: readonly string[],
  taken: TakenPlaceholders = {},
): Record<string, unknown> {
  if (params === undefined) return {};
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw new ParamValidationError(`${label}: params must be an object`);
  let input = params as Record<string, unknown>;
  if (!isEmpty(taken.ExpressionAttributeNames) || !isEmpty(taken.ExpressionAttributeValues)) {
    input = {
      ...input,
      ExpressionAttributeNames: {
        ...taken.ExpressionAttributeNames,
        ...(input.ExpressionAttributeNames as object | undefined),
      },
      ExpressionAttributeValues: {
        ...taken.ExpressionAttributeValues,
        ...(input.ExpressionAttributeValues as object | undefined),
      },
    };
  }
  const prepared = prepareExpressions(input, label) as Record<string, unknown>;
  for (const member of [...valueMembers, 'ExpressionAttributeValues']) {
    const value = prepared[member];
    if (value !== undefined) checkNativeValues(value, `${label}: ${member}`);
  }
  return prepared;
}
