import { search } from 'jmespath';

/**
 * Evaluates a definition's JMESPath expression. `@` is the whole value. `$Name` stands for
 * a value from `variables` (a resource's identifiers), written into the expression as a
 * JMESPath literal (see docs/model.md).
 */
export function searchPath(
  data: unknown,
  path: string,
  variables?: Readonly<Record<string, unknown>>,
): unknown {
  if (path === '@') return data;
  if (!variables) {
    const direct = directPath(data, path);
    if (direct !== INDIRECT) return direct;
  }
  const expression = variables ? substituteVariables(path, variables) : path;
  return search(data, expression) as unknown;
}

const INDIRECT = Symbol('indirect');
const DIRECT_PATH = /^([A-Za-z_][A-Za-z0-9_]*)(\[\])?$/;

/**
 * `Name` and `Name[]` on a plain object (most listings' paths: `Contents`, `Items[]`), read
 * directly with JMESPath's result, since parsing the expression for every page shows in
 * long listings. Anything else (or a list holding lists or nulls, which `[]` would
 * flatten or drop) is left to JMESPath.
 */
function directPath(data: unknown, path: string): unknown {
  const match = DIRECT_PATH.exec(path);
  if (!match || typeof data !== 'object' || data === null) return INDIRECT;
  const prototype: unknown = Object.getPrototypeOf(data);
  if (prototype !== Object.prototype && prototype !== null) return INDIRECT;
  const value = (data as Record<string, unknown>)[match[1]!] ?? null;
  if (!match[2]) return value;
  if (!Array.isArray(value)) return null;
  return value.every((item) => item !== null && item !== undefined && !Array.isArray(item))
    ? value.slice()
    : INDIRECT;
}

function substituteVariables(path: string, variables: Readonly<Record<string, unknown>>): string {
  return path.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(variables, name)) return whole;
    // A JSON escape, not "\`": jmespath.js unescapes only the first "\`" of a literal.
    return '`' + JSON.stringify(variables[name]).replace(/`/g, '\\u0060') + '`';
  });
}

/** True when a path projects a list (`Contents[]`, `Tags[*]`, `[A,B]|[]`). */
export function isListPath(path: string): boolean {
  return /\[\*?\]/.test(path);
}

/** Removes the SDK's `$metadata` member so data is the response's payload only. */
export function withoutMetadata<T extends object>(output: T): Omit<T, '$metadata'> {
  if (!('$metadata' in output)) return output;
  const { $metadata: _metadata, ...rest } = output as T & { $metadata: unknown };
  return rest;
}
