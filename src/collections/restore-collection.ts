import { ParamValidationError } from '../core/errors.js';
import { describe } from '../core/restore.js';
import type { CollectionPosition } from './checkpoint.js';
import { decodeValue } from './checkpoint-values.js';
import { CollectionManager } from './collection-manager.js';
import { Collection, codecOf, resume } from './collection.js';

/** The members of a collection's JSON checked, before its owner is rebuilt. */
export interface CollectionPlan {
  readonly collection: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly limit?: number;
  readonly pageSize?: number;
  readonly position?: unknown;
  /** The owner's JSON (`{ service, type, identifiers }`), or undefined for the service. */
  readonly owner:
    | { readonly service: unknown; readonly type: unknown; readonly identifiers: unknown }
    | undefined;
}

const MEMBERS = new Set([
  'service',
  'type',
  'identifiers',
  'collection',
  'params',
  'limit',
  'pageSize',
  'position',
]);

/** Checks the shape of a collection's JSON (a value with `collection`), before anything. */
export function planCollection(
  json: Readonly<Record<string, unknown>>,
  label: string,
): CollectionPlan {
  const fail = (problem: string): never => {
    throw new ParamValidationError(`${label}: ${problem}`);
  };
  const extra = Object.keys(json).filter((key) => !MEMBERS.has(key));
  if (extra.length > 0) fail(`a collection's JSON has no member '${extra.join("', '")}'`);
  const { collection, params, limit, pageSize, position, type, identifiers } = json;
  if (typeof collection !== 'string' || collection === '') {
    fail(`'collection' must be a collection's name, got ${describe(collection)}`);
  }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    fail(`'params' must be an object, got ${describe(params)}`);
  }
  if (limit !== undefined && !isCount(limit, 0)) {
    fail(`'limit' must be an integer ≥ 0, got ${describe(limit)}`);
  }
  if (pageSize !== undefined && !isCount(pageSize, 1)) {
    fail(`'pageSize' must be an integer ≥ 1, got ${describe(pageSize)}`);
  }
  if (position !== undefined && position !== 'end') {
    const { tokens, skip } = (position ?? {}) as { tokens?: unknown; skip?: unknown };
    if (
      typeof position !== 'object' ||
      position === null ||
      typeof tokens !== 'object' ||
      tokens === null ||
      Array.isArray(tokens) ||
      !isCount(skip, 0)
    ) {
      fail(`'position' must be 'end' or { tokens: {...}, skip: integer ≥ 0 }`);
    }
  }
  const hangsOffResource = type !== undefined || identifiers !== undefined;
  return {
    collection: collection as string,
    params: params as Record<string, unknown>,
    ...(limit === undefined ? {} : { limit: limit as number }),
    ...(pageSize === undefined ? {} : { pageSize: pageSize as number }),
    position,
    owner: hangsOffResource ? { service: json.service, type, identifiers } : undefined,
  };
}

/**
 * The collection a plan names, made from its rebuilt owner: the owner's type must declare
 * the collection (`names`); its params and position are decoded with the class's codec.
 */
export function restoreCollection(
  owner: object,
  ownerLabel: string,
  names: readonly string[],
  plan: CollectionPlan,
  label: string,
): Collection<object, object> {
  const { collection: name } = plan;
  if (!names.includes(name)) {
    throw new ParamValidationError(
      `${label}: '${name}' is not a collection of ${ownerLabel} (${names.length > 0 ? `its collections: ${names.join(', ')}` : 'it has none'})`,
    );
  }
  // A collection property (a manager) or a method that starts one (`table.scan()`).
  const member = (owner as Record<string, unknown>)[name];
  const start =
    typeof member === 'function'
      ? (member as () => unknown).call(owner)
      : member instanceof CollectionManager
        ? member.all()
        : undefined;
  if (!(start instanceof Collection)) {
    throw new ParamValidationError(`${label}: ${ownerLabel}.${name} is not a collection`);
  }
  const codec = codecOf(start);
  const params = decodeValue(plan.params, codec, `${label}: params`) as object;
  let position: CollectionPosition | undefined;
  if (plan.position === 'end') position = 'end';
  else if (plan.position !== undefined) {
    const { tokens, skip } = plan.position as { tokens: object; skip: number };
    position = {
      tokens: decodeValue(tokens, codec, `${label}: position.tokens`) as Record<string, unknown>,
      skip,
    };
  }
  return resume(start, {
    filters: Object.keys(params).length > 0 ? [params] : [],
    ...(plan.limit === undefined ? {} : { limit: plan.limit }),
    ...(plan.pageSize === undefined ? {} : { pageSize: plan.pageSize }),
    ...(position === undefined ? {} : { start: position }),
  });
}

function isCount(value: unknown, least: number): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= least;
}
