/**
 * `Key(name)` and `Attr(name)`: the two condition builders of boto3.dynamodb.conditions.
 */
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { ParamValidationError } from '../../../core/index.js';
import {
  Condition,
  KeyCondition,
  type Comparator,
  type ConditionFunction,
  type ConditionNode,
  type OperandNode,
  type PathBuilder,
} from './condition.js';
import type {
  AttributeName,
  AttributePath,
  AttributeValueAt,
  ElementOperand,
  IsUntyped,
  PrefixOperand,
  ValueOperand,
} from './item-types.js';
import { parsePath } from './path.js';
import { inspectSymbol, printOperand } from './print.js';
import type { NativeItem } from '../params.js';

/**
 * DynamoDB's attribute type names, for `Attr(name).attributeType(type)`.
 *
 * @public
 */
export type AttributeTypeName = 'S' | 'SS' | 'N' | 'NS' | 'B' | 'BS' | 'BOOL' | 'NULL' | 'L' | 'M';

const ATTRIBUTE_TYPES: ReadonlySet<string> = new Set<AttributeTypeName>([
  'S',
  'SS',
  'N',
  'NS',
  'B',
  'BS',
  'BOOL',
  'NULL',
  'L',
  'M',
]);

/**
 * A value in a condition: a native value (`'a'`, `1`, `new Set(['x'])`, ...), or another
 * attribute (`Attr('a').lt(Attr('b'))` compares two attributes of the item). On a typed
 * attribute the value has the attribute's type `V`, and the other attribute is one of `T`.
 *
 * @typeParam T - the item type (untyped by default)
 * @typeParam V - the type of the attribute compared
 * @example
 * ```ts
 * const limit: ConditionOperand = Attr('limit');
 * Attr('price').lt(limit);
 * ```
 *
 * @public
 */
export type ConditionOperand<T extends object = NativeItem, V = NativeAttributeValue> =
  ValueOperand<V> | ConditionAttribute<T, unknown> | SizeOperand<T>;

/** What `Key`, `Attr` and `size()` have in common: an operand node and a label for errors. */
abstract class Operand {
  /** @internal */
  readonly operand: OperandNode;

  protected constructor(operand: OperandNode) {
    this.operand = operand;
  }

  /**
   * How a person reads it: `Key(pk)`, `Attr(a.b)`, `size(Attr(tags))`.
   *
   * @example
   * ```ts
   * String(Attr('info.rating')); // 'Attr(info.rating)'
   * ```
   */
  toString(): string {
    return printOperand(this.operand);
  }

  /** How Node's `inspect` shows it: `[ConditionAttribute: Attr(total)]`. */
  [inspectSymbol](): string {
    return `[${this.constructor.name}: ${String(this)}]`;
  }

  /** How the caller wrote it, for error messages: `Attr('a.b')`, `Attr('a').size()`. */
  protected get label(): string {
    const { operand } = this;
    if (operand.kind === 'value') return 'value';
    const base = `${operand.kind === 'path' ? operand.builder : 'Attr'}(${JSON.stringify(operand.path)})`;
    return operand.kind === 'size' ? `${base}.size()` : base;
  }

  protected value(method: string, value: unknown): OperandNode {
    if (value instanceof Operand) return value.operand;
    if (value === undefined) {
      throw new ParamValidationError(`${this.label}.${method}(): the value is undefined`);
    }
    return { kind: 'value', value };
  }

  protected compare(method: string, comparator: Comparator, value: unknown): ConditionNode {
    return { kind: 'compare', comparator, left: this.operand, right: this.value(method, value) };
  }

  protected betweenNode(low: unknown, high: unknown): ConditionNode {
    return {
      kind: 'between',
      subject: this.operand,
      low: this.value('between', low),
      high: this.value('between', high),
    };
  }

  protected inNode(values: readonly unknown[]): ConditionNode {
    if (!Array.isArray(values) || values.length === 0) {
      throw new ParamValidationError(`${this.label}.in(): give a non-empty array of values`);
    }
    return { kind: 'in', subject: this.operand, values: values.map((v) => this.value('in', v)) };
  }

  protected call(name: ConditionFunction, method: string, ...args: unknown[]): ConditionNode {
    return {
      kind: 'function',
      name,
      args: [this.operand, ...args.map((a) => this.value(method, a))],
    };
  }
}

/** Parses the path once, so a bad name fails where it is written. */
function pathOperand(builder: PathBuilder, name: string): OperandNode {
  try {
    return { kind: 'path', builder, path: name, segments: parsePath(name) };
  } catch (error) {
    throw new ParamValidationError(
      `${builder}(${JSON.stringify(name)}): ${(error as Error).message}`,
    );
  }
}

/**
 * A key attribute, for KeyConditionExpression (boto3's `Key`): eq, lt, lte, gt, gte,
 * between, beginsWith. Made by {@link Key} (or `table.key(name)` on a typed table).
 *
 * @typeParam T - the item type (untyped by default): its conditions are `KeyCondition<T>`
 * @typeParam V - the attribute's type: what the comparisons take
 *
 * @example
 * ```ts
 * const sk: KeyAttribute = Key('sk');
 * sk.between('2024-01', '2024-12');
 * ```
 *
 * @public
 */
export class KeyAttribute<T extends object = NativeItem, V = NativeAttributeValue> extends Operand {
  /** @internal use `Key(name)` */
  constructor(name: string) {
    super(pathOperand('Key', name));
  }

  /**
   * `name = value`.
   *
   * @example
   * ```ts
   * Key('pk').eq('user#1'); // #n0 = :v0
   * ```
   */
  eq(value: ValueOperand<V>): KeyCondition<T> {
    return new KeyCondition(this.compare('eq', '=', value));
  }

  /**
   * `name < value`.
   *
   * @example
   * ```ts
   * Key('sk').lt(10); // #n0 < :v0
   * ```
   */
  lt(value: ValueOperand<V>): KeyCondition<T> {
    return new KeyCondition(this.compare('lt', '<', value));
  }

  /**
   * `name <= value`.
   *
   * @example
   * ```ts
   * Key('sk').lte(10); // #n0 <= :v0
   * ```
   */
  lte(value: ValueOperand<V>): KeyCondition<T> {
    return new KeyCondition(this.compare('lte', '<=', value));
  }

  /**
   * `name > value`.
   *
   * @example
   * ```ts
   * Key('sk').gt(10); // #n0 > :v0
   * ```
   */
  gt(value: ValueOperand<V>): KeyCondition<T> {
    return new KeyCondition(this.compare('gt', '>', value));
  }

  /**
   * `name >= value`.
   *
   * @example
   * ```ts
   * Key('sk').gte(10); // #n0 >= :v0
   * ```
   */
  gte(value: ValueOperand<V>): KeyCondition<T> {
    return new KeyCondition(this.compare('gte', '>=', value));
  }

  /**
   * `name BETWEEN low AND high` (both ends included).
   *
   * @example
   * ```ts
   * Key('sk').between(1, 9); // #n0 BETWEEN :v0 AND :v1
   * ```
   */
  between(low: ValueOperand<V>, high: ValueOperand<V>): KeyCondition<T> {
    return new KeyCondition(this.betweenNode(low, high));
  }

  /**
   * `begins_with(name, prefix)`.
   *
   * @example
   * ```ts
   * Key('sk').beginsWith('order#'); // begins_with(#n0, :v0)
   * ```
   */
  beginsWith(prefix: PrefixOperand<V>): KeyCondition<T> {
    return new KeyCondition(this.call('begins_with', 'beginsWith', prefix));
  }
}

/**
 * What conditions compare: an attribute (`Attr(name)`) or its size (`Attr(name).size()`).
 * The examples show attributes; sizes compare the same way (`Attr('tags').size().gt(2)`).
 */
export abstract class ComparableOperand<T extends object, V> extends Operand {
  /**
   * `name = value`.
   *
   * @example
   * ```ts
   * Attr('status').eq('active'); // #n0 = :v0
   * ```
   */
  eq(value: ConditionOperand<T, V>): Condition<T> {
    return new Condition(this.compare('eq', '=', value));
  }

  /**
   * `name <> value`.
   *
   * @example
   * ```ts
   * Attr('status').ne('banned'); // #n0 <> :v0
   * ```
   */
  ne(value: ConditionOperand<T, V>): Condition<T> {
    return new Condition(this.compare('ne', '<>', value));
  }

  /**
   * `name < value`.
   *
   * @example
   * ```ts
   * Attr('price').lt(Attr('limit')); // #n0 < #n1
   * ```
   */
  lt(value: ConditionOperand<T, V>): Condition<T> {
    return new Condition(this.compare('lt', '<', value));
  }

  /**
   * `name <= value`.
   *
   * @example
   * ```ts
   * Attr('age').lte(65); // #n0 <= :v0
   * ```
   */
  lte(value: ConditionOperand<T, V>): Condition<T> {
    return new Condition(this.compare('lte', '<=', value));
  }

  /**
   * `name > value`.
   *
   * @example
   * ```ts
   * Attr('age').gt(17); // #n0 > :v0
   * ```
   */
  gt(value: ConditionOperand<T, V>): Condition<T> {
    return new Condition(this.compare('gt', '>', value));
  }

  /**
   * `name >= value`.
   *
   * @example
   * ```ts
   * Attr('age').gte(18); // #n0 >= :v0
   * ```
   */
  gte(value: ConditionOperand<T, V>): Condition<T> {
    return new Condition(this.compare('gte', '>=', value));
  }

  /**
   * `name BETWEEN low AND high` (both ends included).
   *
   * @example
   * ```ts
   * Attr('age').between(18, 65); // #n0 BETWEEN :v0 AND :v1
   * ```
   */
  between(low: ConditionOperand<T, V>, high: ConditionOperand<T, V>): Condition<T> {
    return new Condition(this.betweenNode(low, high));
  }

  /**
   * `name IN (v1, v2, ...)` (DynamoDB allows up to 100 values).
   *
   * @example
   * ```ts
   * Attr('status').in(['new', 'open']); // #n0 IN (:v0, :v1)
   * ```
   */
  in(values: readonly ConditionOperand<T, V>[]): Condition<T> {
    return new Condition(this.inNode(values));
  }
}

/**
 * The size of an attribute (`size(name)`), made by {@link ConditionAttribute.size}: compare
 * it with eq, ne, lt, lte, gt, gte, between, in.
 *
 * @typeParam T - the item type (untyped by default)
 * @example
 * ```ts
 * Attr('tags').size().gt(2); // size(#n0) > :v0
 * ```
 *
 * @public
 */
export class SizeOperand<T extends object = NativeItem> extends ComparableOperand<
  T,
  IsUntyped<T> extends true ? NativeAttributeValue : number
> {
  /** @internal use `Attr(name).size()` */
  constructor(path: OperandNode & { kind: 'path' }) {
    super({ kind: 'size', path: path.path, segments: path.segments });
  }
}

/**
 * Any attribute of an item, for ConditionExpression and FilterExpression (boto3's `Attr`).
 * Made by {@link Attr} (or `table.attr(name)` on a typed table). Not allowed in a
 * KeyConditionExpression.
 *
 * @typeParam T - the item type (untyped by default): its conditions are `Condition<T>`
 * @typeParam V - the attribute's type: what the comparisons take
 *
 * @example
 * ```ts
 * const status: ConditionAttribute = Attr('status');
 * status.in(['new', 'open']).and(Attr('owner').exists());
 * ```
 *
 * @public
 */
export class ConditionAttribute<
  T extends object = NativeItem,
  V = NativeAttributeValue,
> extends ComparableOperand<T, V> {
  /** @internal use `Attr(name)` */
  constructor(name: string) {
    super(pathOperand('Attr', name));
  }

  /**
   * `begins_with(name, prefix)`.
   *
   * @example
   * ```ts
   * Attr('email').beginsWith('admin@'); // begins_with(#n0, :v0)
   * ```
   */
  beginsWith(prefix: PrefixOperand<V>): Condition<T> {
    return new Condition(this.call('begins_with', 'beginsWith', prefix));
  }

  /**
   * `attribute_exists(name)`.
   *
   * @example
   * ```ts
   * await table.putItem({ Item: user, ConditionExpression: Attr('id').notExists() });
   * Attr('deletedAt').exists(); // attribute_exists(#n0)
   * ```
   */
  exists(): Condition<T> {
    return new Condition(this.call('attribute_exists', 'exists'));
  }

  /**
   * `attribute_not_exists(name)`.
   *
   * @example
   * ```ts
   * Attr('id').notExists(); // attribute_not_exists(#n0)
   * ```
   */
  notExists(): Condition<T> {
    return new Condition(this.call('attribute_not_exists', 'notExists'));
  }

  /**
   * `contains(name, value)`: a substring of a string, a member of a set or list.
   *
   * @example
   * ```ts
   * Attr('tags').contains('urgent'); // contains(#n0, :v0)
   * ```
   */
  contains(value: ElementOperand<V> | ConditionAttribute<T, unknown>): Condition<T> {
    return new Condition(this.call('contains', 'contains', value));
  }

  /**
   * `size(name)`, to compare: the length of a string or binary, the number of elements of
   * a set, list or map.
   *
   * @example
   * ```ts
   * Attr('tags').size().gt(2); // size(#n0) > :v0
   * ```
   */
  size(): SizeOperand<T> {
    return new SizeOperand(this.operand as OperandNode & { kind: 'path' });
  }

  /**
   * `attribute_type(name, type)`: the attribute is of that DynamoDB type.
   *
   * @example
   * ```ts
   * Attr('scores').attributeType('NS'); // attribute_type(#n0, :v0)
   * ```
   */
  attributeType(type: AttributeTypeName): Condition<T> {
    if (!ATTRIBUTE_TYPES.has(type)) {
      throw new ParamValidationError(
        `${this.label}.attributeType(): '${String(type)}' is not a DynamoDB type (${[...ATTRIBUTE_TYPES].join(', ')})`,
      );
    }
    return new Condition(this.call('attribute_type', 'attributeType', type));
  }
}

/**
 * A key attribute for a KeyConditionExpression (boto3's `Key`). Dots and list indexes in the
 * name are document paths (`a.b[1]`); every name becomes a `#n…` placeholder, so reserved
 * words just work.
 *
 * `Key<Order>('pk')` accepts only top-level attribute names of `Order` and makes a
 * `KeyCondition<Order>`, the only kind a `Table<Order>` takes. TypeScript cannot infer the
 * name's own type once `Order` is given, so values are checked against the union of `Order`'s
 * attribute types; `Key<Order, 'pk'>('pk')` or `table.key('pk')` check them against `pk`'s.
 *
 * @typeParam T - the item type (untyped by default)
 * @typeParam N - the attribute's name (inferred when `T` is not given)
 * @example
 * ```ts
 * import { Key } from 'aws-resources/dynamodb';
 * for await (const item of table.query({
 *   KeyConditionExpression: Key('pk').eq('user#1').and(Key('sk').beginsWith('order#')),
 * })) console.log(item);
 * ```
 *
 * @public
 */
export function Key<T extends object = NativeItem, N extends AttributeName<T> = AttributeName<T>>(
  name: N,
): KeyAttribute<T, AttributeValueAt<T, N>> {
  return new KeyAttribute(name);
}

/**
 * An attribute for a ConditionExpression or FilterExpression (boto3's `Attr`). Dots and list
 * indexes in the name are document paths (`a.b[1].c`); every name becomes a `#n…`
 * placeholder, so reserved words (`name`, `size`, `status`) just work.
 *
 * `Attr<Order>('total')` accepts only attribute names and document paths of `Order` and makes
 * `Condition<Order>`s, the only kind a `Table<Order>` takes; as with {@link Key}, values are
 * checked against the path's own type with `Attr<Order, 'total'>('total')` or
 * `table.attr('total')`, against the union of `Order`'s attribute types otherwise.
 *
 * @typeParam T - the item type (untyped by default)
 * @typeParam P - the attribute's name or path (inferred when `T` is not given)
 * @example
 * ```ts
 * import { Attr } from 'aws-resources/dynamodb';
 * await table.scan({ FilterExpression: Attr('info.rating').gte(4).and(Attr('tags').size().gt(2)) });
 * ```
 *
 * @public
 */
export function Attr<T extends object = NativeItem, P extends AttributePath<T> = AttributePath<T>>(
  name: P,
): ConditionAttribute<T, AttributeValueAt<T, P>> {
  return new ConditionAttribute(name);
}
