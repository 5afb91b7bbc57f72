/**
 * Condition builders for DynamoDB expressions (boto3.dynamodb.conditions): `Key(name)` for
 * key conditions, `Attr(name)` for condition and filter expressions, combined with
 * and/or/not.
 *
 * @example
 * ```ts
 * import { Key, Attr } from 'aws-resources/dynamodb';
 * await table.query({
 *   KeyConditionExpression: Key('pk').eq('user#1'),
 *   FilterExpression: Attr('tags').contains('vip').or(Attr('score').gt(90)),
 * });
 * ```
 *
 * @packageDocumentation
 */
export { Key, Attr, KeyAttribute, ConditionAttribute, SizeOperand } from './attributes.js';
export type { AttributeTypeName, ConditionOperand } from './attributes.js';
export type {
  AttributeName,
  AttributePath,
  AttributeValueAt,
  ElementOperand,
  PrefixOperand,
  ValueOperand,
} from './item-types.js';
export { Condition, KeyCondition, and, or, not } from './condition.js';
export { buildExpression } from './build.js';
export type { BuildExpressionOptions, BuiltExpression } from './build.js';
export { ExpressionPlaceholders } from './placeholders.js';
export type { TakenPlaceholders } from './placeholders.js';
export { prepareExpressions } from './prepare.js';
export type { WithConditions, PreparedExpressions } from './prepare.js';
