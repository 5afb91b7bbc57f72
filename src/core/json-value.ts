/**
 * JSON values, as a type and as a run-time check: what a Lambda event, an SNS message or a
 * CloudFormation template can carry as it is.
 *
 * @packageDocumentation
 */

/**
 * A value JSON carries as it is: a string, a finite number, a boolean, null, or arrays and
 * plain objects of these. Object members that are `undefined` are left out, as
 * `JSON.stringify` does (optional properties). Declare event shapes with `type`: TypeScript
 * gives an `interface` no index signature, so interface types are not assignable to it.
 *
 * @example
 * ```ts
 * const event: JsonValue = { id: 7, tags: ['a', 'b'], nested: { ok: true, none: null } };
 * ```
 *
 * @public
 */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined };

/** `Payload.items[2]`, `Payload["a b"]`. */
function member(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The name of a non-plain object's class, for messages (`Map`, `Date`, `Uint8Array`). */
function className(value: object): string {
  const name = (value.constructor as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name !== '' ? name : 'class instance';
}

/** `a Map`, `an ArrayBuffer`. */
function withArticle(noun: string): string {
  return `${/^[AEIOaeio]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * What JSON cannot carry in `value`, named by its path (`Payload.items[2] is a function, ...`), or
 * undefined when `JSON.stringify` would give back the same data: no functions, symbols,
 * bigints, non-finite numbers, class instances (`Map`, `Set`, `Date`, bytes), `undefined` in
 * a list, or cycles. Members that send a value as JSON check it with this before any request,
 * and raise the problem as a `ParamValidationError`.
 *
 * @param value - the value to be sent as JSON
 * @param path - what the value is called in messages (`Payload`, `params.Message`)
 * @example
 * ```ts
 * jsonProblem({ when: new Date() }, 'Payload');
 * // 'Payload.when is a Date, which JSON cannot carry: give plain objects and arrays (...)'
 * jsonProblem({ id: 7, tags: ['a'] }, 'Payload'); // undefined
 * const problem = jsonProblem(params.Message, 'params.Message');
 * if (problem !== undefined) throw new ParamValidationError(`SNS.publish: ${problem}`);
 * ```
 *
 * @public
 */
export function jsonProblem(value: unknown, path: string): string | undefined {
  return problemAt(value, path, new Map());
}

function problemAt(
  value: unknown,
  path: string,
  ancestors: Map<object, string>,
): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value)
        ? undefined
        : `${path} is ${value}, which JSON cannot carry (it would send null)`;
    case 'undefined':
      return `${path} is undefined, which JSON cannot carry in a list (it would send null)`;
    case 'function':
    case 'symbol':
    case 'bigint':
      return `${path} is a ${typeof value}, which JSON cannot carry`;
  }
  if (value === null) return undefined;
  const object = value as object;
  const seen = ancestors.get(object);
  if (seen !== undefined) return `${path} refers back to ${seen}: JSON cannot carry a cycle`;
  if (!Array.isArray(object) && !isPlainObject(object)) {
    return `${path} is ${withArticle(className(object))}, which JSON cannot carry: give plain objects and arrays (or the whole payload as Uint8Array bytes)`;
  }
  ancestors.set(object, path);
  try {
    if (Array.isArray(object)) {
      for (let index = 0; index < object.length; index++) {
        const found = problemAt(object[index] as unknown, member(path, index), ancestors);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    for (const key of Object.keys(object)) {
      const item = (object as Record<string, unknown>)[key];
      // An undefined member is left out, as JSON.stringify does: an optional property.
      if (item === undefined) continue;
      const found = problemAt(item, member(path, key), ancestors);
      if (found !== undefined) return found;
    }
    return undefined;
  } finally {
    ancestors.delete(object);
  }
}
