/**
 * Conditions as immutable trees (boto3.dynamodb.conditions): built by `Key(...)` / `Attr(...)`,
 * combined with and/or/not, turned into expression strings by `buildExpression`.
 */
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { ParamValidationError } from '../../../core/index.js';
import type { PathSegment } from './path.js';
import { inspectSymbol, printCondition } from './print.js';

/** Which builder made a path: `Key(...)` paths are allowed in key conditions, `Attr(...)` not. */
export type PathBuilder = 'Key' | 'Attr';

/** One side of a comparison, or a function argument. */
export type OperandNode =
  | {
      readonly kind: 'path';
      readonly builder: PathBuilder;
      readonly path: string;
      readonly segments: readonly PathSegment[];
    }
  | {
      readonly kind: 'size';
      readonly path: string;
      readonly segments: readonly PathSegment[];
    }
  | { readonly kind: 'value'; readonly value: NativeAttributeValue };

/** DynamoDB's comparators. */
export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** DynamoDB's condition functions. */
export type ConditionFunction =
  'attribute_exists' | 'attribute_not_exists' | 'attribute_type' | 'begins_with' | 'contains';

/** The tree a condition is made of. */
export type ConditionNode =
  | {
      readonly kind: 'compare';
      readonly comparator: Comparator;
      readonly left: OperandNode;
      readonly right: OperandNode;
    }
  | {
      readonly kind: 'between';
      readonly subject: OperandNode;
      readonly low: OperandNode;
      readonly high: OperandNode;
    }
  | { readonly kind: 'in'; readonly subject: OperandNode; readonly values: readonly OperandNode[] }
  | {
      readonly kind: 'function';
      readonly name: ConditionFunction;
      readonly args: readonly OperandNode[];
    }
  | { readonly kind: 'and' | 'or'; readonly conditions: readonly ConditionNode[] }
  | { readonly kind: 'not'; readonly condition: ConditionNode };

/**
 * A condition for a ConditionExpression or FilterExpression, made by `Attr(name)` (or
 * `Key(name)`) and combined with {@link Condition.and}, {@link Condition.or},
 * {@link Condition.not}. Immutable: combining makes a new condition. Prints
 * readably: `String(c)` and `inspect(c)` show `Attr(age) >= 18 AND Attr(status) <> "banned"`.
 *
 * @typeParam T - the item type whose attributes it names (`Attr<Order>('total')`,
 *   `table.attr('total')`): a typed table takes only its own item type's conditions
 * @example
 * ```ts
 * const c = Attr('age').gte(18).and(Attr('status').ne('banned'));
 * await table.scan({ FilterExpression: c });
 * ```
 *
 * @public
 */
export class Condition<T extends object = object> {
  /** Ties the condition to its item type (types only). */
  declare protected readonly itemType?: T;

  /**
   * The condition's tree (what `buildExpression` renders).
   *
   * @internal
   */
  readonly node: ConditionNode;

  /** @internal Conditions are made by `Key(...)` / `Attr(...)`, not with `new`. */
  constructor(node: ConditionNode) {
    this.node = node;
  }

  /**
   * Both conditions hold: `(a AND b)`.
   *
   * @example
   * ```ts
   * Attr('a').eq(1).and(Attr('b').eq(2)); // (#n0 = :v0 AND #n1 = :v1)
   * ```
   */
  and(other: Condition<T>): Condition<T> {
    return new Condition(combine('and', [this, other]));
  }

  /**
   * Either condition holds: `(a OR b)`.
   *
   * @example
   * ```ts
   * Attr('a').eq(1).or(Attr('b').eq(2)); // (#n0 = :v0 OR #n1 = :v1)
   * ```
   */
  or(other: Condition<T>): Condition<T> {
    return new Condition(combine('or', [this, other]));
  }

  /**
   * The condition does not hold: `(NOT a)`.
   *
   * @example
   * ```ts
   * Attr('tags').contains('x').not(); // (NOT contains(#n0, :v0))
   * ```
   */
  not(): Condition<T> {
    return new Condition({ kind: 'not', condition: this.node });
  }

  /**
   * The condition as a person reads it (names and values, no placeholders).
   *
   * @example
   * ```ts
   * String(Key('pk').eq('a').and(Key('n').gt(1))); // 'Key(pk) = "a" AND Key(n) > 1'
   * ```
   */
  toString(): string {
    return printCondition(this.node);
  }

  /** How Node's `inspect` (the REPL, `console.log`) shows it: `[KeyCondition: Key(pk) = "a"]`. */
  [inspectSymbol](): string {
    return `[${this.constructor.name}: ${String(this)}]`;
  }
}

/**
 * A condition allowed in a KeyConditionExpression: made by `Key(name)` and combined only with
 * `and` (DynamoDB key conditions have no OR or NOT).
 *
 * @example
 * ```ts
 * const k = Key('pk').eq('user#1').and(Key('sk').beginsWith('order#'));
 * await table.query({ KeyConditionExpression: k });
 * ```
 *
 * @public
 */
export class KeyCondition<T extends object = object> extends Condition<T> {
  /** Keeps `Condition` from being assignable to `KeyCondition`. */
  declare protected readonly keyConditionBrand: true;

  /**
   * Both conditions hold. With another key condition the result is still a key condition.
   *
   * @example
   * ```ts
   * Key('pk').eq('a').and(Key('sk').between(1, 9)); // (#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2)
   * ```
   */
  override and(other: KeyCondition<T>): KeyCondition<T>;
  override and(other: Condition<T>): Condition<T>;
  override and(other: Condition<T>): Condition<T> {
    const node = combine('and', [this, other]);
    return other instanceof KeyCondition ? new KeyCondition(node) : new Condition(node);
  }
}

/**
 * All conditions hold: `(a AND b AND c)`. Key conditions stay key conditions.
 *
 * @example
 * ```ts
 * and(Attr('a').eq(1), Attr('b').eq(2), Attr('c').exists());
 * ```
 *
 * @public
 */
export function and<T extends object>(
  ...conditions: [KeyCondition<T>, ...KeyCondition<T>[]]
): KeyCondition<T>;
export function and<T extends object>(
  ...conditions: [Condition<T>, ...Condition<T>[]]
): Condition<T>;
export function and(...conditions: Condition[]): Condition {
  const [first] = checkConditions('and', conditions);
  if (conditions.length === 1) return first!;
  const node = combine('and', conditions);
  return conditions.every((c) => c instanceof KeyCondition)
    ? new KeyCondition(node)
    : new Condition(node);
}

/**
 * Any condition holds: `(a OR b OR c)`.
 *
 * @example
 * ```ts
 * or(Attr('status').eq('new'), Attr('status').eq('open'));
 * ```
 *
 * @public
 */
export function or<T extends object>(
  ...conditions: [Condition<T>, ...Condition<T>[]]
): Condition<T> {
  const [first] = checkConditions('or', conditions);
  if (conditions.length === 1) return first!;
  return new Condition<T>(combine('or', conditions));
}

/**
 * The condition does not hold: `(NOT c)`.
 *
 * @example
 * ```ts
 * not(Attr('deleted').exists());
 * ```
 *
 * @public
 */
export function not<T extends object>(condition: Condition<T>): Condition<T> {
  return (checkConditions('not', [condition])[0] as Condition<T>).not();
}

/** AND/OR are associative: `a.and(b).and(c)` flattens to one `(a AND b AND c)`. */
function combine(kind: 'and' | 'or', conditions: readonly Condition[]): ConditionNode {
  checkConditions(kind, conditions);
  const flat: ConditionNode[] = [];
  for (const { node } of conditions) {
    if (node.kind === kind) flat.push(...node.conditions);
    else flat.push(node);
  }
  return { kind, conditions: flat };
}

function checkConditions<C extends Condition>(
  kind: string,
  conditions: readonly C[],
): readonly C[] {
  if (conditions.length === 0) {
    throw new ParamValidationError(`${kind}() needs at least one condition`);
  }
  for (const c of conditions) {
    if (!(c instanceof Condition)) {
      throw new ParamValidationError(
        `${kind}() takes conditions made by Key(...) or Attr(...), got ${describe(c)}`,
      );
    }
  }
  return conditions;
}

/**
 * A short description of a bad argument for error messages.
 *
 * @example
 * ```ts
 * describe(new Date()); // 'Date'
 * describe('x');        // '"x"'
 * ```
 */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return value.constructor?.name ?? 'an object';
  if (typeof value === 'string') return JSON.stringify(value);
  return typeof value === 'symbol' || typeof value === 'function' ? typeof value : String(value);
}
