/**
 * Turns the conditions in a request's params into expression strings, merging their
 * placeholders with the caller's own ExpressionAttributeNames / ExpressionAttributeValues.
 */
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { ParamValidationError } from '../../../core/index.js';
import { define } from '../define.js';
import { buildExpression } from './build.js';
import { Condition, describe, type KeyCondition } from './condition.js';
import type { AttributePath, IsUntyped } from './item-types.js';
import { parsePath } from './path.js';
import type { NativeItem } from '../params.js';
import { ExpressionPlaceholders } from './placeholders.js';

/** The members of a transaction item that carry their own expressions. */
type TransactMember = 'Put' | 'Update' | 'Delete' | 'ConditionCheck' | 'Get';
const TRANSACT_MEMBERS: readonly TransactMember[] = [
  'Put',
  'Update',
  'Delete',
  'ConditionCheck',
  'Get',
];

/** Expression members in the order their placeholders are numbered. */
const CONDITION_MEMBERS = ['KeyConditionExpression', 'ConditionExpression', 'FilterExpression'];

/**
 * A v3 input whose expression members also take conditions: KeyConditionExpression a
 * `KeyCondition`, ConditionExpression / FilterExpression any `Condition`, ProjectionExpression
 * a list of attribute paths, and the same inside `TransactItems[]`. With an item type `T`,
 * conditions must be `T`'s (`Attr<T>(...)`, `table.attr(...)`) and projected paths `T`'s
 * paths; untyped, every condition or path goes.
 *
 * @typeParam P - the v3 input
 * @typeParam T - the item type the conditions are about (untyped by default)
 * @example
 * ```ts
 * type QueryParams = WithConditions<QueryCommandInput>;
 * const p: QueryParams = { TableName: 't', KeyConditionExpression: Key('pk').eq('a') };
 * ```
 *
 * @public
 */
export type WithConditions<P, T extends object = NativeItem> = {
  [K in keyof P]: K extends 'KeyConditionExpression'
    ? P[K] | KeyCondition<ConditionItem<T>>
    : K extends 'ConditionExpression' | 'FilterExpression'
      ? P[K] | Condition<ConditionItem<T>>
      : K extends 'ProjectionExpression'
        ? P[K] | readonly AttributePath<T>[]
        : K extends 'TransactItems'
          ? TransactItemsWith<P[K]>
          : P[K];
};

/** Untyped params take any condition, typed ones only their item type's. */
type ConditionItem<T extends object> = IsUntyped<T> extends true ? object : T;

type TransactItemsWith<A> = {
  [I in keyof A]: {
    [M in keyof A[I]]: M extends TransactMember ? WithConditions<A[I][M]> : A[I][M];
  };
};

/**
 * What {@link prepareExpressions} returns for params of type `T`: conditions became strings.
 *
 * @example
 * ```ts
 * const input: PreparedExpressions<typeof params> = prepareExpressions(params, 'Table.query');
 * ```
 *
 * @public
 */
export type PreparedExpressions<T> = {
  [K in keyof T]: K extends
    'KeyConditionExpression' | 'ConditionExpression' | 'FilterExpression' | 'ProjectionExpression'
    ? Exclude<T[K], Condition | readonly string[]> | (undefined extends T[K] ? undefined : string)
    : K extends 'TransactItems'
      ? TransactItemsPrepared<T[K]>
      : T[K];
};

type TransactItemsPrepared<A> = {
  [I in keyof A]: {
    [M in keyof A[I]]: M extends TransactMember ? PreparedExpressions<A[I][M]> : A[I][M];
  };
};

/**
 * Replaces every condition in DynamoDB request params by its expression string: the
 * KeyConditionExpression, ConditionExpression and FilterExpression members that hold a
 * condition, a ProjectionExpression given as a list of attribute paths, the same in each
 * `TransactItems[]` member (Put, Update, Delete, ConditionCheck, Get) and in BatchGetItem's
 * `RequestItems`. Generated `#n…` / `:v…` placeholders are merged into
 * ExpressionAttributeNames / ExpressionAttributeValues next to the caller's own, never
 * reusing one of theirs. String expressions pass through untouched; values stay native.
 * Returns a new object; `params` is not changed.
 *
 * @param params - any DynamoDB request params
 * @param label - where the params come from, for error messages (`'Table.query'`)
 * @throws ParamValidationError for an `Attr(...)`, OR or NOT in a key condition, or a member
 *   that is neither a string nor a condition
 *
 * @example
 * ```ts
 * prepareExpressions(
 *   {
 *     TableName: 't',
 *     KeyConditionExpression: Key('pk').eq('a'),
 *     FilterExpression: Attr('name').beginsWith('J'),
 *     ExpressionAttributeNames: { '#n0': 'mine' },
 *   },
 *   'Table.query',
 * );
 * // { TableName: 't', KeyConditionExpression: '#n1 = :v0',
 * //   FilterExpression: 'begins_with(#n2, :v1)',
 * //   ExpressionAttributeNames: { '#n0': 'mine', '#n1': 'pk', '#n2': 'name' },
 * //   ExpressionAttributeValues: { ':v0': 'a', ':v1': 'J' } }
 * ```
 *
 * @public
 */
export function prepareExpressions<T extends object>(
  params: T,
  label = 'params',
): PreparedExpressions<T> {
  const prepared = prepareOne(params as Record<string, unknown>, label);
  const { TransactItems, RequestItems } = prepared;
  if (Array.isArray(TransactItems)) {
    prepared.TransactItems = TransactItems.map((item: unknown, i) =>
      isObject(item) ? prepareTransactItem(item, `${label}: TransactItems[${i}]`) : item,
    );
  }
  if (isObject(RequestItems)) {
    // BatchGetItem: per table { Keys, ProjectionExpression, ExpressionAttributeNames }.
    const tables: Record<string, unknown> = {};
    for (const [table, request] of Object.entries(RequestItems)) {
      const batchGet = isObject(request) && !Array.isArray(request);
      define(
        tables,
        table,
        batchGet ? prepareOne(request, `${label}: RequestItems.${table}`) : request,
      );
    }
    prepared.RequestItems = tables;
  }
  return prepared as PreparedExpressions<T>;
}

function prepareTransactItem(item: Record<string, unknown>, label: string): object {
  const prepared = { ...item };
  for (const member of TRANSACT_MEMBERS) {
    const inner = item[member];
    if (isObject(inner)) prepared[member] = prepareOne(inner, `${label}.${member}`);
  }
  return prepared;
}

/** One request (or transaction item): its expression members and placeholder maps. */
function prepareOne(params: Record<string, unknown>, label: string): Record<string, unknown> {
  const prepared: Record<string, unknown> = { ...params };
  const members = CONDITION_MEMBERS.filter((member) => {
    const value = params[member];
    if (value === undefined || typeof value === 'string') return false;
    if (value instanceof Condition) return true;
    throw new ParamValidationError(
      `${label}: ${member} must be a string or a condition made by ${member === 'KeyConditionExpression' ? 'Key' : 'Attr'}(...), got ${describe(value)}`,
    );
  });
  const projection = params.ProjectionExpression;
  const projectionList = projection !== undefined && typeof projection !== 'string';
  if (members.length === 0 && !projectionList) return prepared;

  const callerNames = params.ExpressionAttributeNames as Record<string, string> | undefined;
  const callerValues = params.ExpressionAttributeValues as
    Record<string, NativeAttributeValue> | undefined;
  const placeholders = new ExpressionPlaceholders({ names: callerNames, values: callerValues });
  for (const member of members) {
    prepared[member] = buildExpression(params[member] as Condition, {
      isKeyCondition: member === 'KeyConditionExpression',
      placeholders,
      label: `${label}: ${member}`,
    }).expression;
  }
  if (projectionList) {
    prepared.ProjectionExpression = projectionExpression(
      projection,
      placeholders,
      `${label}: ProjectionExpression`,
    );
  }
  if (Object.keys(placeholders.names).length > 0) {
    prepared.ExpressionAttributeNames = { ...callerNames, ...placeholders.names };
  }
  if (Object.keys(placeholders.values).length > 0) {
    prepared.ExpressionAttributeValues = { ...callerValues, ...placeholders.values };
  }
  return prepared;
}

/** `['id', 'info.tags[0]']` → `'#n0, #n1.#n2[0]'`. */
function projectionExpression(
  paths: unknown,
  placeholders: ExpressionPlaceholders,
  label: string,
): string {
  if (!Array.isArray(paths) || paths.length === 0) {
    throw new ParamValidationError(
      `${label}: give a string or a non-empty array of attribute names, got ${describe(paths)}`,
    );
  }
  return paths
    .map((path: unknown) => {
      let segments;
      try {
        segments = parsePath(path as string);
      } catch (error) {
        throw new ParamValidationError(`${label}: ${(error as Error).message}`);
      }
      return segments
        .map((s) => ('index' in s ? `[${s.index}]` : `.${placeholders.name(s.name)}`))
        .join('')
        .slice(1);
    })
    .join(', ');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
