import type {
  HasManyDefinition,
  ResourceTargetDefinition,
  ServiceModelDefinition,
} from '../../src/core/definition-types.js';
import { compilePath, isListPath, itemPathOf, type Helper } from './compile-path.js';
import type { PaginatorTokens } from './paginators.js';

/** Code to print as it is inside a rendered value (a compiled path). */
class Code {
  constructor(readonly text: string) {}
}

/** Members of a definition that hold JMESPath expressions. */
const PATH_MEMBERS = new Set(['path', 'errors', 'items', 'moreResults', 'item']);

/**
 * Turns a validated definition into the compiled model the run time reads: every path a
 * function (see `compile-path.ts`), list facts worked out (`plural`, `list`, `item`), and each
 * collection's paging tokens filled in from its v3 paginator. Returns the model as code.
 */
export function compileModel(
  definition: ServiceModelDefinition,
  paginatorOf: (operation: string) => PaginatorTokens | undefined,
  pagesWithoutTokens: (operation: string) => boolean,
): { readonly code: string; readonly helpers: ReadonlySet<Helper> } {
  const helpers = new Set<Helper>();
  const compile = (expression: string): Code => {
    const compiled = compilePath(expression);
    compiled.helpers.forEach((helper) => helpers.add(helper));
    return new Code(compiled.code);
  };
  const withFacts = transform(definition, (key, value) =>
    key === 'resource' && isTarget(value) ? targetFacts(value) : value,
  );
  // Every collection's paging, with the tokens of its v3 paginator.
  for (const container of [withFacts.service, ...Object.values(withFacts.resources)]) {
    for (const [name, hasMany] of Object.entries(container.hasMany ?? {})) {
      (container.hasMany as Record<string, HasManyDefinition>)[name] = withTokens(
        hasMany,
        paginatorOf,
        pagesWithoutTokens,
      );
    }
  }
  const code = print(withFacts, (key, value) => {
    if (typeof value === 'string' && PATH_MEMBERS.has(key)) return compile(value);
    if (key === 'outputTokens' && Array.isArray(value)) return value.map((p: string) => compile(p));
    return value;
  });
  return { code, helpers };
}

function isTarget(value: unknown): value is ResourceTargetDefinition {
  return typeof value === 'object' && value !== null && 'type' in value && 'identifiers' in value;
}

/** True when the target produces a list of resources (an identifier path projects a list). */
export function isPlural(target: ResourceTargetDefinition): boolean {
  return target.identifiers.some((identifier) => isListIdentifier(identifier));
}

function isListIdentifier(identifier: ResourceTargetDefinition['identifiers'][number]): boolean {
  return (
    (identifier.source === 'response' ||
      identifier.source === 'requestParameter' ||
      identifier.source === 'data') &&
    isListPath(identifier.path ?? '')
  );
}

export function targetFacts(target: ResourceTargetDefinition): ResourceTargetDefinition {
  const plural = isPlural(target);
  return {
    ...target,
    identifiers: target.identifiers.map((identifier) => {
      if (!isListIdentifier(identifier)) return identifier;
      const item = itemPathOf(identifier.path ?? '', target.path);
      return { ...identifier, list: true, ...(item !== undefined ? { item } : {}) };
    }),
    ...(plural ? { plural } : {}),
  };
}

export function withTokens(
  hasMany: HasManyDefinition,
  paginatorOf: (operation: string) => PaginatorTokens | undefined,
  pagesWithoutTokens: (operation: string) => boolean,
): HasManyDefinition {
  const operation = hasMany.request.operation;
  if (hasMany.paging?.inputTokens) return hasMany;
  const tokens = paginatorOf(operation);
  if (!tokens) {
    if (pagesWithoutTokens(operation)) return hasMany;
    throw new Error(`${operation} has no v3 paginator: give its paging inputTokens`);
  }
  return {
    ...hasMany,
    paging: {
      ...hasMany.paging,
      inputTokens: [tokens.inputToken],
      outputTokens: [tokens.outputToken],
    },
  };
}

/** A deep copy of a JSON value in which `change` may replace any member. */
function transform<T>(value: T, change: (key: string, value: unknown) => unknown): T {
  const walk = (key: string, node: unknown): unknown => {
    const changed = change(key, node);
    if (Array.isArray(changed)) return changed.map((item) => walk(key, item));
    if (typeof changed !== 'object' || changed === null) return changed;
    return Object.fromEntries(Object.entries(changed).map(([k, v]) => [k, walk(k, v)]));
  };
  return walk('', value) as T;
}

/** Prints a value as TypeScript, compiled paths as code. */
function print(value: unknown, change: (key: string, value: unknown) => unknown): string {
  const walk = (key: string, node: unknown): string => {
    const changed = change(key, node);
    if (changed instanceof Code) return changed.text;
    if (Array.isArray(changed)) return `[${changed.map((item) => walk(key, item)).join(', ')}]`;
    if (typeof changed === 'object' && changed !== null) {
      const members = Object.entries(changed)
        .filter(([k]) => k !== '$schema')
        .map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${walk(k, v)}`);
      return `{ ${members.join(', ')} }`;
    }
    return JSON.stringify(changed);
  };
  return walk('', value);
}
