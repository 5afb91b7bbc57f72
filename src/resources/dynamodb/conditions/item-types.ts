/**
 * Types only: the attribute names, document paths and values of an item type, so that
 * conditions on a typed table (`Table<Order>`) name real attributes with values of their type.
 * An item type with a string index signature (the default `NativeItem`) is untyped: every
 * name, every native value, as before.
 */
import type { NumberValue } from '@aws-sdk/lib-dynamodb';
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';

/** `true` for `Record<string, ...>`-like item types: nothing to check names against. */
export type IsUntyped<T> = string extends keyof T ? true : false;

/** Values DynamoDB stores as one attribute whatever their shape (no paths into them). */
type Leaf =
  string | number | bigint | boolean | null | Uint8Array | ReadonlySet<unknown> | NumberValue;

/** Paths deeper than this are not listed (keeps recursive item types finite). */
type Depth = [never, 0, 1, 2, 3];

type PathsUnder<V, Prefix extends string, D extends number> = [D] extends [never]
  ? never
  : V extends Leaf
    ? never
    : V extends readonly (infer E)[]
      ? `${Prefix}[${number}]` | PathsUnder<NonNullable<E>, `${Prefix}[${number}]`, D>
      : V extends object
        ? {
            [N in keyof V & string]:
              `${Prefix}.${N}` | PathsUnder<NonNullable<V[N]>, `${Prefix}.${N}`, Depth[D]>;
          }[keyof V & string]
        : never;

/**
 * The attribute names of an item type `T`, and the document paths into its maps and lists
 * (`'address.city'`, `'lines[0].sku'`, four levels deep at most); `string` when `T` is
 * untyped.
 *
 * @example
 * ```ts
 * interface Order { pk: string; total: number; address: { city: string } }
 * const path: AttributePath<Order> = 'address.city'; // 'pk' | 'total' | 'address' | 'address.city'
 * ```
 *
 * @public
 */
export type AttributePath<T> =
  IsUntyped<T> extends true
    ? string
    : {
        [N in keyof T & string]: N | PathsUnder<NonNullable<T[N]>, N, 4>;
      }[keyof T & string];

type Indexed<V, Rest extends string> = Rest extends `[${string}]${infer More}`
  ? NonNullable<V> extends readonly (infer E)[]
    ? Indexed<E, More>
    : never
  : V;

type Segment<T, S extends string> = S extends `${infer Name}[${infer Rest}`
  ? Indexed<Member<T, Name>, `[${Rest}`>
  : Member<T, S>;

type Member<T, N extends string> = N extends keyof NonNullable<T> ? NonNullable<T>[N] : never;

/**
 * The value type at an attribute path of `T` (`AttributeValueAt<Order, 'address.city'>` is
 * `string`); a union of paths gives the union of their values; `NativeAttributeValue` when
 * `T` is untyped.
 *
 * @example
 * ```ts
 * const city: AttributeValueAt<Order, 'address.city'> = 'Paris';
 * ```
 *
 * @public
 */
export type AttributeValueAt<T, P extends string> =
  IsUntyped<T> extends true
    ? NativeAttributeValue
    : P extends `${infer Head}.${infer Rest}`
      ? AttributeValueAt<NonNullable<Segment<T, Head>>, Rest>
      : NonNullable<Segment<T, P>>;

/**
 * The top-level attribute names of `T` (key attributes are never nested); `string` when `T` is
 * untyped.
 *
 * @example
 * ```ts
 * const name: AttributeName<Order> = 'pk';
 * ```
 *
 * @public
 */
export type AttributeName<T> = IsUntyped<T> extends true ? string : keyof T & string;

/**
 * What `eq`, `lt`, `between`, ... take for an attribute holding `V`: a `V` (any native value
 * when untyped).
 *
 * @typeParam V - the attribute's type
 * @example
 * ```ts
 * const total: ValueOperand<number> = 10; // orders.attr('total').gt(total)
 * ```
 *
 * @public
 */
export type ValueOperand<V> = 0 extends 1 & V ? NativeAttributeValue : V;

/**
 * What `beginsWith` takes for an attribute holding `V`: its string or binary part (`never`
 * for a number: begins_with is for strings and binaries).
 *
 * @typeParam V - the attribute's type
 * @example
 * ```ts
 * const prefix: PrefixOperand<string> = 'order#'; // orders.key('sk').beginsWith(prefix)
 * ```
 *
 * @public
 */
export type PrefixOperand<V> = 0 extends 1 & V
  ? string | Uint8Array
  : Extract<V, string | Uint8Array>;

/**
 * What `contains` looks for in an attribute holding `V`: a substring of a string, an element
 * of a set or list (any native value when untyped).
 *
 * @typeParam V - the attribute's type
 * @example
 * ```ts
 * const tag: ElementOperand<Set<string>> = 'vip'; // orders.attr('tags').contains(tag)
 * ```
 *
 * @public
 */
export type ElementOperand<V> = 0 extends 1 & V
  ? NativeAttributeValue
  : V extends string
    ? string
    : V extends ReadonlySet<infer E>
      ? E
      : V extends readonly (infer E)[]
        ? E
        : never;
