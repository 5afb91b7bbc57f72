/**
 * Native JavaScript values ↔ DynamoDB AttributeValues, with the rules of this library:
 * every problem is a ParamValidationError naming the path (`Item.tags`), before any request;
 * numbers are never rounded (see numbers.ts); map keys are plain data whatever they are.
 *
 * Why not util-dynamodb's marshall/unmarshall: measured with util-dynamodb 3.996 /
 * lib-dynamodb 3.1169, they assign map keys with `obj[key] = …`, so an attribute named
 * `__proto__` is silently dropped (or replaces the map's prototype), a nested map with a
 * `constructor` key is rejected, and an `undefined` attribute of an Item is silently left out.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
// lib-dynamodb re-exports util-dynamodb's class: one module for an ESM import to load.
import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { ParamValidationError } from '../../core/index.js';
import { define } from './define.js';
import { canonicalDecimal, numberText, wrapNumber } from './numbers.js';

/**
 * `Item` + `tags` → `Item.tags`; keys that are not identifiers are quoted.
 *
 * @example
 * ```ts
 * childPath('Item', 'tags'); // 'Item.tags'
 * childPath('Item', 'a.b');  // 'Item["a.b"]'
 * childPath('Item.l', 2);    // 'Item.l[2]'
 * ```
 */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function fail(path: string, problem: string): never {
  throw new ParamValidationError(`${path}: ${problem}`);
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `a Point`, `an Int16Array`: the value's class name with its article. */
function typeName(value: object): string {
  const constructor: unknown = Object.getPrototypeOf(value)?.constructor;
  const name = typeof constructor === 'function' && constructor.name ? constructor.name : 'object';
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}

/**
 * One native value as an AttributeValue: string → S, number/bigint/NumberValue → N,
 * boolean → BOOL, null → NULL, Uint8Array (Buffer) → B, array → L, plain object or Map → M,
 * non-empty Set of strings / numbers / Uint8Arrays → SS / NS / BS.
 *
 * @param path - where the value is, for errors (`'Item.tags'`)
 * @throws ParamValidationError naming the path for undefined, functions, symbols, NaN,
 *   Infinity, unsafe integers, empty or mixed Sets, Dates and other class instances
 *
 * @example
 * ```ts
 * toAttributeValue({ tags: new Set(['a']) }, 'Item'); // { M: { tags: { SS: ['a'] } } }
 * toAttributeValue(new Set(), 'Item.tags');           // throws: Item.tags: an empty Set ...
 * ```
 */
export function toAttributeValue(
  value: unknown,
  path: string,
  ancestors: Set<object> = new Set(),
): AttributeValue {
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'boolean':
      return { BOOL: value };
    case 'number':
    case 'bigint':
      return { N: checkedNumber(value, path) };
    case 'undefined':
      return fail(path, 'undefined is not a DynamoDB value: leave the attribute out, or use null');
    case 'function':
    case 'symbol':
      return fail(path, `a ${typeof value} is not a DynamoDB value`);
  }
  if (value === null) return { NULL: true };
  if (typeof value !== 'object') return fail(path, `a ${typeof value} is not a DynamoDB value`);
  if (value instanceof NumberValue) return { N: checkedNumber(value, path) };
  if (value instanceof Uint8Array) return { B: value };
  if (value instanceof Set) return setValue(value, path);
  if (ancestors.has(value)) return fail(path, 'circular reference');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      const list: AttributeValue[] = [];
      for (let i = 0; i < value.length; i += 1) {
        list.push(toAttributeValue(value[i], childPath(path, i), ancestors));
      }
      return { L: list };
    }
    if (value instanceof Map) {
      const map: Record<string, AttributeValue> = {};
      for (const [key, member] of value) {
        if (typeof key !== 'string') fail(path, `Map keys must be strings, got a ${typeof key}`);
        define(map, key, toAttributeValue(member, childPath(path, key), ancestors));
      }
      return { M: map };
    }
    if (isPlainObject(value)) return { M: mapOf(value, path, ancestors) };
  } finally {
    ancestors.delete(value);
  }
  return fail(path, unsupportedObject(value));
}

/**
 * A plain object's own enumerable string keys as an AttributeValue map (an Item, a Key).
 *
 * @example
 * ```ts
 * mapOf({ id: 'u1', age: 31 }, 'Item'); // { id: { S: 'u1' }, age: { N: '31' } }
 * ```
 */
export function mapOf(
  value: object,
  path: string,
  ancestors: Set<object> = new Set(),
): Record<string, AttributeValue> {
  if (
    Object.getOwnPropertySymbols(value).some((s) =>
      Object.prototype.propertyIsEnumerable.call(value, s),
    )
  ) {
    fail(path, 'symbol keys are not DynamoDB attribute names');
  }
  const map: Record<string, AttributeValue> = {};
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    define(map, key, toAttributeValue(member, childPath(path, key), ancestors));
  }
  return map;
}

function unsupportedObject(value: object): string {
  if (value instanceof Date) {
    return 'a Date is not a DynamoDB value: store date.toISOString() (a string) or date.getTime() (a number)';
  }
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return `${typeName(value)} is not a DynamoDB binary value: pass a Uint8Array (or Buffer)`;
  }
  return `${typeName(value)} instance is not a DynamoDB value: pass a plain object, an array, a Set or a scalar`;
}

function checkedNumber(value: number | bigint | NumberValue, path: string): string {
  const { text, problem } = numberText(value);
  return text ?? fail(path, problem ?? 'not a DynamoDB number');
}

type SetKind = 'string' | 'number' | 'binary';

function setKind(member: unknown): SetKind | undefined {
  if (typeof member === 'string') return 'string';
  if (typeof member === 'number' || typeof member === 'bigint' || member instanceof NumberValue) {
    return 'number';
  }
  return member instanceof Uint8Array ? 'binary' : undefined;
}

/** SS / NS / BS: non-empty, one type, no duplicates (DynamoDB refuses them). */
function setValue(set: Set<unknown>, path: string): AttributeValue {
  if (set.size === 0) {
    fail(path, 'an empty Set is not a DynamoDB value: leave the attribute out (or REMOVE it)');
  }
  let kind: SetKind | undefined;
  const texts: string[] = [];
  const seen = new Set<string>();
  for (const member of set) {
    const memberKind = setKind(member);
    if (!memberKind) {
      fail(path, `a Set holds only strings, numbers or Uint8Arrays, not ${describeMember(member)}`);
    }
    if (kind && kind !== memberKind) {
      fail(path, `a Set of mixed types (${kind} and ${memberKind}): DynamoDB sets hold one type`);
    }
    kind = memberKind;
    if (memberKind === 'number') {
      const text = checkedNumber(member as number | bigint | NumberValue, path);
      const key = canonicalDecimal(text) ?? text;
      if (seen.has(key)) fail(path, `the number ${text} is in the Set twice`);
      seen.add(key);
      texts.push(text);
    } else if (memberKind === 'binary') {
      const bytes = member as Uint8Array;
      const key = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
      if (seen.has(key)) fail(path, 'the same binary value is in the Set twice');
      seen.add(key);
    }
  }
  if (kind === 'string') return { SS: [...(set as Set<string>)] };
  if (kind === 'number') return { NS: texts };
  return { BS: [...(set as Set<Uint8Array>)] };
}

function describeMember(member: unknown): string {
  if (member === null) return 'null';
  return typeof member === 'object' ? typeName(member) : `a ${typeof member}`;
}

/**
 * One AttributeValue as a native value: N → number or NumberValue (never rounded),
 * M → plain object (any key, `__proto__` included, is an own property), L → array,
 * SS/NS/BS → Set, B → Uint8Array.
 *
 * @example
 * ```ts
 * fromAttributeValue({ N: '9007199254740993' }); // NumberValue { value: '9007199254740993' }
 * fromAttributeValue({ M: { a: { SS: ['x'] } } }); // { a: Set { 'x' } }
 * ```
 */
export function fromAttributeValue(value: AttributeValue): unknown {
  const av = value as unknown as Record<string, unknown>;
  if (av.S !== undefined) return av.S;
  if (av.N !== undefined) return wrapNumber(av.N as string);
  if (av.BOOL !== undefined) return av.BOOL;
  if (av.NULL !== undefined) return null;
  if (av.M !== undefined) return mapFrom(av.M as Record<string, AttributeValue>);
  if (av.L !== undefined) return (av.L as AttributeValue[]).map(fromAttributeValue);
  if (av.SS !== undefined) return new Set(av.SS as string[]);
  if (av.NS !== undefined) return new Set((av.NS as string[]).map(wrapNumber));
  if (av.B !== undefined) return av.B;
  if (av.BS !== undefined) return new Set(av.BS as Uint8Array[]);
  throw new Error(`unsupported AttributeValue: ${Object.keys(av).join(', ') || 'empty'}`);
}

/**
 * An AttributeValue map (an Item, a Key) as a plain object.
 *
 * @example
 * ```ts
 * mapFrom({ id: { S: 'u1' }, age: { N: '31' } }); // { id: 'u1', age: 31 }
 * ```
 */
export function mapFrom(map: Record<string, AttributeValue>): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const key of Object.keys(map)) define(object, key, fromAttributeValue(map[key]!));
  return object;
}
