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
  const expression = variables ? substituteVariables(path, variables) : path;
  return search(data, expression) as unknown;
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
