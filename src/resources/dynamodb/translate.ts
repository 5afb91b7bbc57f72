/**
 * Walks a lib-dynamodb command's input/output along its key nodes (which members hold native
 * values) and converts those members with attribute-values.ts. Same key-node semantics as
 * lib-dynamodb: `null` = this member is one value, `{}` or `[]` = every member of this
 * object/array is a value, `{ '*': nodes }` = apply `nodes` to every member, otherwise the
 * named members.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { ParamValidationError } from '../../core/index.js';
import { childPath, fromAttributeValue, toAttributeValue } from './attribute-values.js';
import { define } from './define.js';

/** lib-dynamodb's description of where the values are in a command's input or output. */
export type KeyNodes = null | readonly unknown[] | { readonly [key: string]: KeyNodes };

interface Walk {
  /** Converts one value; `path` is for error messages. */
  readonly convert: (value: unknown, path: string) => unknown;
  /** Input walks reject a non-object where the key nodes expect one. */
  readonly input: boolean;
  readonly label: string;
}

/**
 * A command input with every native value at `keyNodes` marshalled to an AttributeValue.
 * Problems are ParamValidationErrors naming the path (`PutItem: Item.tags: ...`).
 *
 * @example
 * ```ts
 * marshallInput({ TableName: 't', Item: { id: 'a' } }, { Item: {} }, 'PutItem');
 * // { TableName: 't', Item: { id: { S: 'a' } } }
 * ```
 */
export function marshallInput(input: object, keyNodes: KeyNodes, label: string): object {
  const convert = (value: unknown, path: string): unknown => toAttributeValue(value, path);
  return walk(input, keyNodes, '', { convert, input: true, label }) as object;
}

/**
 * A command output with every AttributeValue at `keyNodes` unmarshalled to a native value.
 *
 * @example
 * ```ts
 * unmarshallOutput({ Item: { id: { S: 'a' } } }, { Item: {} }); // { Item: { id: 'a' } }
 * ```
 */
export function unmarshallOutput(output: object, keyNodes: KeyNodes): object {
  const convert = (value: unknown): unknown =>
    value === undefined ? undefined : fromAttributeValue(value as AttributeValue);
  return walk(output, keyNodes, '', { convert, input: false, label: '' }) as object;
}

/** A member's path, for input errors; output walks never report one, so skip the work. */
function join(path: string, key: string | number, how: Walk): string {
  if (!how.input) return '';
  return path === '' ? String(key) : childPath(path, key);
}

function walk(value: unknown, nodes: KeyNodes, path: string, how: Walk): unknown {
  if (value === undefined) return undefined;
  const shown = (at: string) => (how.label ? `${how.label}: ${at}` : at);
  if (nodes === null) return how.convert(value, shown(path));
  if (typeof value !== 'object' || value === null) {
    if (!how.input) return value;
    throw new ParamValidationError(`${shown(path)} must be an object or an array`);
  }
  const keys = Object.keys(nodes);
  // Every member is a value: an undefined one is converted too (and refused on input).
  if (keys.length === 0)
    return each(value, path, how, (member, at) => how.convert(member, shown(at)));
  const named = nodes as Readonly<Record<string, KeyNodes>>;
  if (keys.length === 1 && keys[0] === '*') {
    return each(value, path, how, (member, at) => walk(member, named['*']!, at, how));
  }
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  for (const key of keys) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined)
      define(copy, key, walk(member, named[key]!, join(path, key, how), how));
  }
  return copy;
}

/** Maps every member of an array or object (own enumerable keys, `__proto__` included). */
function each(
  value: object,
  path: string,
  how: Walk,
  map: (member: unknown, at: string) => unknown,
): unknown {
  if (Array.isArray(value)) return value.map((member, i) => map(member, join(path, i, how)));
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    define(result, key, map((value as Record<string, unknown>)[key], join(path, key, how)));
  }
  return result;
}
