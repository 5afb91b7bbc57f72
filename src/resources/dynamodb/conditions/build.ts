/**
 * Renders a condition tree as a DynamoDB expression string with `#n…` / `:v…` placeholders.
 */
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { ParamValidationError } from '../../../core/index.js';
import { define } from '../define.js';
import { Condition, describe, type ConditionNode, type OperandNode } from './condition.js';
import type { PathSegment } from './path.js';
import { ExpressionPlaceholders } from './placeholders.js';

/**
 * Options of {@link buildExpression}.
 *
 * @public
 */
export interface BuildExpressionOptions {
  /**
   * The condition is a KeyConditionExpression: only `Key(...)` comparisons, `between` and
   * `beginsWith` joined by `and` are allowed (an `Attr(...)`, `or` or `not` is an error).
   */
  readonly isKeyCondition?: boolean;
  /** The request's placeholder registry, shared by all its expressions (a new one if absent). */
  readonly placeholders?: ExpressionPlaceholders;
  /** Where the condition is, for error messages (`'Table.query: KeyConditionExpression'`). */
  readonly label?: string;
}

/**
 * An expression string and the placeholders it uses.
 *
 * @public
 */
export interface BuiltExpression {
  readonly expression: string;
  /** The `#n…` placeholders the expression uses → attribute names. */
  readonly names: Record<string, string>;
  /** The `:v…` placeholders the expression uses → native values. */
  readonly values: Record<string, NativeAttributeValue>;
}

/**
 * Turns a condition into an expression string plus its ExpressionAttributeNames and
 * ExpressionAttributeValues (values stay native JavaScript values).
 *
 * @example
 * ```ts
 * const placeholders = new ExpressionPlaceholders();
 * const key = buildExpression(Key('pk').eq('a'), { isKeyCondition: true, placeholders });
 * // { expression: '#n0 = :v0', names: { '#n0': 'pk' }, values: { ':v0': 'a' } }
 * const filter = buildExpression(Attr('size').gt(3), { placeholders });
 * // { expression: '#n1 > :v1', names: { '#n1': 'size' }, values: { ':v1': 3 } }
 * ```
 *
 * @public
 */
export function buildExpression(
  condition: Condition,
  options: BuildExpressionOptions = {},
): BuiltExpression {
  const prefix = options.label ? `${options.label}: ` : '';
  if (!(condition instanceof Condition)) {
    throw new ParamValidationError(
      `${prefix}expected a condition made by Key(...) or Attr(...), got ${describe(condition)}`,
    );
  }
  if (options.isKeyCondition) checkKeyCondition(condition.node, prefix);
  const renderer = new Renderer(options.placeholders ?? new ExpressionPlaceholders());
  const expression = renderer.condition(condition.node);
  return { expression, names: renderer.names, values: renderer.values };
}

/** Renders nodes, noting which placeholders this expression uses. */
class Renderer {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, NativeAttributeValue> = {};

  constructor(private readonly placeholders: ExpressionPlaceholders) {}

  condition(node: ConditionNode): string {
    switch (node.kind) {
      case 'compare':
        return `${this.operand(node.left)} ${node.comparator} ${this.operand(node.right)}`;
      case 'between':
        return `${this.operand(node.subject)} BETWEEN ${this.operand(node.low)} AND ${this.operand(node.high)}`;
      case 'in':
        return `${this.operand(node.subject)} IN (${node.values.map((v) => this.operand(v)).join(', ')})`;
      case 'function':
        return `${node.name}(${node.args.map((a) => this.operand(a)).join(', ')})`;
      case 'and':
      case 'or':
        // Every group is parenthesised (as boto3 does), so precedence never depends on
        // DynamoDB's NOT > AND > OR.
        return `(${node.conditions.map((c) => this.condition(c)).join(node.kind === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        return `(NOT ${this.condition(node.condition)})`;
    }
  }

  operand(node: OperandNode): string {
    switch (node.kind) {
      case 'path':
        return this.path(node.segments);
      case 'size':
        return `size(${this.path(node.segments)})`;
      case 'value': {
        const placeholder = this.placeholders.value(node.value);
        define(this.values, placeholder, node.value);
        return placeholder;
      }
    }
  }

  path(segments: readonly PathSegment[]): string {
    let text = '';
    for (const segment of segments) {
      if ('index' in segment) {
        text += `[${segment.index}]`;
        continue;
      }
      const placeholder = this.placeholders.name(segment.name);
      define(this.names, placeholder, segment.name);
      text += text === '' ? placeholder : `.${placeholder}`;
    }
    return text;
  }
}

/** DynamoDB key conditions: `Key` comparisons (no `<>`), BETWEEN, begins_with, joined by AND. */
function checkKeyCondition(node: ConditionNode, prefix: string): void {
  const fail: (problem: string) => never = (problem) => {
    throw new ParamValidationError(`${prefix}${problem}`);
  };
  const subject = (operand: OperandNode): void => {
    if (operand.kind === 'path' && operand.builder === 'Key') return;
    if (operand.kind === 'value') fail('a key condition must compare a Key(...) with values');
    const shown =
      operand.kind === 'size'
        ? `Attr(${JSON.stringify(operand.path)}).size()`
        : `Attr(${JSON.stringify(operand.path)})`;
    fail(
      `${shown} cannot be used in a key condition: use Key(${JSON.stringify(operand.path)}) for key attributes, and a FilterExpression for other attributes`,
    );
  };
  const value = (operand: OperandNode): void => {
    if (operand.kind === 'value') return;
    subject(operand);
    fail(
      `a key condition compares keys with values, not with Key(${JSON.stringify(operand.path)})`,
    );
  };
  switch (node.kind) {
    case 'and':
      return node.conditions.forEach((c) => checkKeyCondition(c, prefix));
    case 'or':
    case 'not':
      return fail(
        `key conditions cannot use ${node.kind.toUpperCase()}: combine them with and() only`,
      );
    case 'compare':
      subject(node.left);
      value(node.right);
      if (node.comparator === '<>') fail('key conditions cannot use <> (ne)');
      return;
    case 'between':
      subject(node.subject);
      value(node.low);
      value(node.high);
      return;
    case 'function':
      subject(node.args[0]!);
      if (node.name !== 'begins_with') fail(`key conditions cannot use ${node.name}()`);
      node.args.slice(1).forEach(value);
      return;
    case 'in':
      subject(node.subject);
      return fail('key conditions cannot use IN');
  }
}
