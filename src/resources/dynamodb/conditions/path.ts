/**
 * Document paths (`a.b[1].c`) as DynamoDB expressions see them: a list of attribute names and
 * list indexes.
 */
import { ParamValidationError } from '../../../core/index.js';

/** One step of a document path: an attribute/map key name, or a list index. */
export type PathSegment = { readonly name: string } | { readonly index: number };

/**
 * Splits `a.b[1].c` into `a`, `b`, `[1]`, `c`. Dots always separate names (as in boto3);
 * every name must be non-empty.
 *
 * @example
 * ```ts
 * parsePath('info.tags[0]'); // [{ name: 'info' }, { name: 'tags' }, { index: 0 }]
 * ```
 */
export function parsePath(path: string): readonly PathSegment[] {
  if (typeof path !== 'string' || path === '') {
    throw new ParamValidationError(
      `an attribute name must be a non-empty string, got ${typeof path === 'string' ? '""' : String(path)}`,
    );
  }
  const segments: PathSegment[] = [];
  for (const part of path.split('.')) {
    const bracket = part.indexOf('[');
    const name = bracket === -1 ? part : part.slice(0, bracket);
    if (name === '') throw new ParamValidationError(`attribute path '${path}' has an empty name`);
    segments.push({ name });
    if (bracket === -1) continue;
    const index = /\[(\d+)\]/y;
    index.lastIndex = bracket;
    let match: RegExpExecArray | null;
    while (index.lastIndex < part.length && (match = index.exec(part))) {
      segments.push({ index: Number(match[1]) });
    }
    if (index.lastIndex !== part.length) {
      throw new ParamValidationError(
        `attribute path '${path}' has a bad list index: write it as name[0]`,
      );
    }
  }
  return segments;
}
