import { whole, type Path } from './accessors.js';
import type { ParamDefinition } from './definition-types.js';
import { ParamValidationError } from './errors.js';

/** A request's parameters, as built from a definition and merged with the caller's. */
export type Params = Record<string, unknown>;

/** What a parameter's value may be drawn from. */
export interface ParamContext {
  readonly identifiers: Readonly<Record<string, unknown>>;
  readonly data?: unknown;
}

type Segment = { readonly name: string; readonly index?: number | 'each' };

const segmentCache = new Map<string, readonly Segment[]>();

/** Splits `Delete.Objects[*].Key` into `Delete`, `Objects[each]`, `Key`. */
function parseTarget(target: string): readonly Segment[] {
  let segments = segmentCache.get(target);
  if (segments) return segments;
  segments = target.split('.').map((part) => {
    const match = /^([A-Za-z0-9_]+)(?:\[(\*|\d*)\])?$/.exec(part);
    if (!match) throw new ParamValidationError(`Invalid parameter target '${target}'`);
    const [, name = '', index] = match;
    if (index === undefined) return { name };
    return { name, index: index === '' || index === '*' ? 'each' : Number(index) };
  });
  segmentCache.set(target, segments);
  return segments;
}

/**
 * Writes `value` at `target` inside `params`. A `[]` or `[*]` segment takes `each` as its
 * index: the position of the resource in a batch, 0 for a single request.
 */
export function setParam(params: Params, target: string, value: unknown, each = 0): void {
  const segments = parseTarget(target);
  let node: Record<string, unknown> = params;
  segments.forEach((segment, position) => {
    const last = position === segments.length - 1;
    if (segment.index === undefined) {
      if (last) node[segment.name] = value;
      else node = child(node, segment.name, () => ({})) as Record<string, unknown>;
      return;
    }
    const list = child(node, segment.name, () => []) as unknown[];
    const index = segment.index === 'each' ? each : segment.index;
    if (last) list[index] = value;
    else {
      list[index] ??= {};
      node = list[index] as Record<string, unknown>;
    }
  });
}

function child(node: Record<string, unknown>, name: string, create: () => unknown): unknown {
  node[name] ??= create();
  return node[name];
}

/** The value one parameter definition stands for. */
export function paramValue(param: ParamDefinition<Path>, context: ParamContext): unknown {
  switch (param.source) {
    case 'identifier':
      return context.identifiers[param.name ?? ''];
    case 'data':
      return (param.path ?? whole)(context.data, context.identifiers);
    case 'string':
    case 'integer':
    case 'boolean':
      return param.value;
    case 'input':
      throw new ParamValidationError(
        `Parameter '${param.target}' has source 'input'; only has uses it`,
      );
  }
}

/** Builds the request parameters a definition declares. */
export function buildParams(
  definitions: readonly ParamDefinition<Path>[] | undefined,
  context: ParamContext,
  into: Params = {},
  each = 0,
): Params {
  for (const param of definitions ?? [])
    setParam(into, param.target, paramValue(param, context), each);
  return into;
}

/**
 * Lays `over` on `base` (a new object; neither is changed): objects merge, lists append, and
 * other values in `over` win. Chained collection filters combine this way.
 */
export function overlayParams(base: Params, over: object): Params {
  const result = copyPlain(base) as Params;
  for (const key of Object.keys(over)) {
    const value = (over as Params)[key];
    if (value === undefined) continue;
    const current = Object.prototype.hasOwnProperty.call(result, key) ? result[key] : undefined;
    if (Array.isArray(current) && Array.isArray(value)) {
      result[key] = [...current, ...value.map(copyPlain)];
    } else if (isPlainObject(current) && isPlainObject(value)) {
      result[key] = overlayParams(current, value);
    } else {
      defineMember(result, key, copyPlain(value));
    }
  }
  return result;
}

/**
 * Merges the caller's params over the built ones: objects merge, lists append, and a member
 * the definition already filled may not be set to something else.
 */
export function mergeCallerParams(
  built: Params,
  caller: object | undefined,
  label: string,
): Params {
  if (caller === undefined || caller === null) return built;
  if (typeof caller !== 'object' || Array.isArray(caller)) {
    throw new ParamValidationError(`${label}: params must be an object, got ${describe(caller)}`);
  }
  return mergeInto(built, caller as Params, label, '');
}

function mergeInto(target: Params, source: Params, label: string, prefix: string): Params {
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined) continue;
    const current = Object.prototype.hasOwnProperty.call(target, key) ? target[key] : undefined;
    const where = prefix + key;
    if (current === undefined) {
      defineMember(target, key, copyPlain(value));
    } else if (Array.isArray(current) && Array.isArray(value)) {
      target[key] = [...current, ...value.map(copyPlain)];
    } else if (isPlainObject(current) && isPlainObject(value)) {
      mergeInto(current, value, label, `${where}.`);
    } else if (current !== value) {
      throw new ParamValidationError(
        `${label}: '${where}' is filled from the resource (${JSON.stringify(current)}); ` +
          `do not pass it (got ${JSON.stringify(value)})`,
      );
    }
  }
  return target;
}

/** Sets a member as plain data, even when it is named `__proto__`. */
function defineMember(target: Params, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Copies plain objects and arrays (not buffers, streams or dates), so merges never write into the caller's objects. */
function copyPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyPlain);
  if (!isPlainObject(value)) return value;
  const copy: Params = {};
  for (const key of Object.keys(value)) defineMember(copy, key, copyPlain(value[key]));
  return copy;
}

function isPlainObject(value: unknown): value is Params {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
}
