/**
 * Conditions as a person reads them, for `toString()` and Node's `inspect`:
 * `Key(pk) = "a" AND begins_with(Key(sk), "order#")`. Not an expression DynamoDB takes
 * (that is `buildExpression`'s job, with placeholders).
 */
import type { ConditionNode, OperandNode } from './condition.js';

/** Node's `inspect` hook; `Symbol.for` keeps this file free of `node:util`. */
export const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * A condition tree as text; `nested` groups get parentheses.
 *
 * @example
 * ```ts
 * printCondition(Attr('a').gt(1).or(Attr('b').exists()).node); // 'Attr(a) > 1 OR attribute_exists(Attr(b))'
 * ```
 */
export function printCondition(node: ConditionNode, nested = false): string {
  switch (node.kind) {
    case 'compare':
      return `${printOperand(node.left)} ${node.comparator} ${printOperand(node.right)}`;
    case 'between':
      return `${printOperand(node.subject)} BETWEEN ${printOperand(node.low)} AND ${printOperand(node.high)}`;
    case 'in':
      return `${printOperand(node.subject)} IN (${node.values.map(printOperand).join(', ')})`;
    case 'function':
      return `${node.name}(${node.args.map(printOperand).join(', ')})`;
    case 'not':
      return `NOT ${printCondition(node.condition, true)}`;
    case 'and':
    case 'or': {
      const text = node.conditions
        .map((c) => printCondition(c, true))
        .join(` ${node.kind.toUpperCase()} `);
      return nested ? `(${text})` : text;
    }
  }
}

/**
 * One operand: `Key(pk)`, `Attr(a.b)`, `size(Attr(tags))`, or a value.
 *
 * @example
 * ```ts
 * printOperand({ kind: 'value', value: 'x' }); // '"x"'
 * ```
 */
export function printOperand(node: OperandNode): string {
  if (node.kind === 'path') return `${node.builder}(${node.path})`;
  if (node.kind === 'size') return `size(Attr(${node.path}))`;
  return printValue(node.value);
}

function printValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value !== 'object' || value === null) return String(value);
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (value instanceof Set) return `Set(${[...value].map(printValue).join(', ')})`;
  if (Array.isArray(value)) return `[${value.map(printValue).join(', ')}]`;
  const proto: unknown = Object.getPrototypeOf(value);
  // A NumberValue (or any other class) prints as its own toString() does.
  if (proto !== Object.prototype && proto !== null) return String(value);
  const entries = Object.entries(value).map(([k, v]) => `${k}: ${printValue(v)}`);
  return `{${entries.join(', ')}}`;
}
