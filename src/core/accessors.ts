/**
 * The building blocks of compiled paths. A definition's JMESPath expressions (`Contents[]`,
 * `Reservations[].Instances[].InstanceId`) are compiled by the generator into small functions
 * made of these helpers, so the run time reads responses with plain code and parses nothing.
 * Each helper follows JMESPath's rules for the case it covers: a member of something that is
 * not an object is null, projections drop nulls, and so on.
 *
 * @packageDocumentation
 */

/** Values a path may refer to by `$Name`: the identifiers of the resource it reads for. */
export type PathVariables = Readonly<Record<string, unknown>>;

/** A compiled path: reads a value out of a response, a resource's data or a request. */
export type Path = (value: unknown, variables: PathVariables) => unknown;

/** `@`, the whole value: a response without the SDK's `$metadata`, or data as it is. */
export const whole: Path = (value) => {
  if (typeof value !== 'object' || value === null || !('$metadata' in value)) return value;
  const { $metadata: _metadata, ...rest } = value as Record<string, unknown>;
  return rest;
};

/** `value.name`: null unless `value` is an object that has the member. */
export function field(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return (value as Record<string, unknown>)[name] ?? null;
}

/** `value[i]`: null unless `value` is a list that long (negative indexes count from the end). */
export function index(value: unknown, i: number): unknown {
  if (!Array.isArray(value)) return null;
  return value[i < 0 ? value.length + i : i] ?? null;
}

/**
 * `value[]`: the list with its sub-lists merged one level and nulls left out (a flatten is
 * always a projection, which drops nulls), or null for a non-list.
 */
export function flatten(value: unknown): unknown[] | null {
  if (!Array.isArray(value)) return null;
  const out: unknown[] = [];
  for (const item of value as unknown[]) {
    if (Array.isArray(item)) {
      for (const inner of item as unknown[])
        if (inner !== null && inner !== undefined) out.push(inner);
    } else if (item !== null && item !== undefined) out.push(item);
  }
  return out;
}

/** A projection: `each` applied to every element of a list, null results left out. */
export function project(list: unknown, each: (item: unknown) => unknown): unknown[] | null {
  if (!Array.isArray(list)) return null;
  const out: unknown[] = [];
  for (const item of list) {
    const value = each(item);
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

/** `list[?condition]`: the elements for which `condition` is truthy, then projected by `each`. */
export function select(
  list: unknown,
  condition: (item: unknown) => unknown,
  each: (item: unknown) => unknown,
): unknown[] | null {
  if (!Array.isArray(list)) return null;
  return project(
    list.filter((item) => truthy(condition(item))),
    each,
  );
}

/** JMESPath truth: null, false, '' and empty lists and objects are false. */
export function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** `a || b`. */
export function or(a: unknown, b: unknown): unknown {
  return truthy(a) ? a : b;
}

/** `a && b`. */
export function and(a: unknown, b: unknown): unknown {
  return truthy(a) ? b : a;
}

/** `a == b`, by value (JMESPath compares lists and objects deeply). */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** `join(separator, list)`: null unless every element is a string. */
export function join(separator: unknown, list: unknown): string | null {
  if (typeof separator !== 'string' || !Array.isArray(list)) return null;
  return list.every((item) => typeof item === 'string') ? list.join(separator) : null;
}

/** A multiselect (`[a, b]`, `{A: a}`): null on a null value, as JMESPath has it. */
export function multiselect<T>(value: unknown, build: () => T): T | null {
  return value === null || value === undefined ? null : build();
}
