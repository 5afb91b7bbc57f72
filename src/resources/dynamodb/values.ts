/**
 * Native JavaScript values in DynamoDB requests and responses.
 *
 * Numbers are never silently rounded: a DynamoDB number comes back as a JS `number` when it
 * is exact (safe integers; decimals such as `0.1` that JavaScript prints back identically),
 * otherwise as a `NumberValue` (from `@aws-sdk/lib-dynamodb`) holding the exact decimal
 * string, such as 2^53 + 1 or a 38-digit decimal. Floats are accepted on input; JS numbers
 * beyond ±(2^53 - 1) are refused (they may already be rounded): pass a BigInt or a NumberValue.
 */
import type { TranslateConfig } from '@aws-sdk/lib-dynamodb';
import { toAttributeValue } from './attribute-values.js';
import { wrapNumber } from './numbers.js';

export { wrapNumber } from './numbers.js';

/**
 * lib-dynamodb's translation options with this library's rules, for a `DynamoDBDocumentClient`
 * of your own: an `undefined` value is an error (not silently dropped), class instances are
 * not turned into maps, empty strings/sets are not turned into NULL, numbers are never
 * rounded (`wrapNumbers` is {@link wrapNumber}). (The clients this library makes go further:
 * see `clientAdapter`.)
 *
 * @example
 * ```ts
 * import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
 * const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}), translateConfig);
 * ```
 */
export const translateConfig: TranslateConfig = {
  marshallOptions: {
    convertEmptyValues: false,
    removeUndefinedValues: false,
    convertClassInstanceToMap: false,
    allowImpreciseNumbers: false,
    // lib-dynamodb sets these two defaults on the options object it is given: set already.
    convertTopLevelContainer: true,
  },
  unmarshallOptions: { wrapNumbers: wrapNumber, convertWithoutMapWrapper: true },
};

/**
 * Checks a native value (an Item, a Key, ExpressionAttributeValues, a whole `RequestItems`)
 * before any request: throws a ParamValidationError naming the path (`Item.tags`) for an
 * empty Set, a Set of mixed types, undefined, functions, symbols, NaN, Infinity, integers
 * beyond ±(2^53 - 1) given as JS numbers (use a BigInt or a NumberValue), Dates (store
 * `toISOString()` or `getTime()`) and class instances other than Set, Map, Uint8Array and
 * NumberValue. Keys such as `__proto__` and `constructor` are plain data.
 *
 * @param value - the value to check (plain objects and arrays are walked)
 * @param label - the value's name in messages (`'Table.putItem: Item'`)
 *
 * @example
 * ```ts
 * checkNativeValues({ id: 'u1', tags: new Set() }, 'Item');
 * // ParamValidationError: Item.tags: an empty Set is not a DynamoDB value: ...
 * ```
 */
export function checkNativeValues(value: unknown, label: string): void {
  toAttributeValue(value, label);
}
