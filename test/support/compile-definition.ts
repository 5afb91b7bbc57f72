/**
 * Compiles a JSON definition into the model the engine tests read, with the generator's own
 * pieces: paths by its path compiler, list facts and paging tokens as it works them out. The
 * generator writes such code into descriptors; here it is evaluated instead (test code only:
 * the run time never builds code from strings).
 */
import ts from 'typescript';
import * as accessors from '../../src/core/accessors.js';
import type {
  CompiledModel,
  HasManyDefinition,
  ResourceTargetDefinition,
  ServiceModelDefinition,
} from '../../src/core/definition-types.js';
import { compilePath } from '../../scripts/generator/compile-path.js';
import { targetFacts, withTokens } from '../../scripts/generator/compile-model.js';
import type { PaginatorTokens } from '../../scripts/generator/paginators.js';

/** Code to print as it is inside a rendered value (a compiled path). */
class Code {
  constructor(readonly text: string) {}
}

/** Members of a definition that hold JMESPath expressions. */
const PATH_MEMBERS = new Set(['path', 'errors', 'items', 'moreResults', 'item']);

export function compileDefinition(
  definition: ServiceModelDefinition,
  paginators: Readonly<Record<string, PaginatorTokens>> = {},
): CompiledModel {
  const withFacts = transform(definition, (key, value) =>
    key === 'resource' && isTarget(value) ? targetFacts(value) : value,
  );
  // Every collection's paging, with the tokens of its (fake) v3 paginator.
  for (const container of [withFacts.service, ...Object.values(withFacts.resources)]) {
    for (const [name, hasMany] of Object.entries(container.hasMany ?? {})) {
      (container.hasMany as Record<string, HasManyDefinition>)[name] = withTokens(
        hasMany,
        (operation) => paginators[operation],
        () => true,
      );
    }
  }
  const code = print(withFacts, (key, value) => {
    if (typeof value === 'string' && PATH_MEMBERS.has(key))
      return new Code(compilePath(value).code);
    if (key === 'outputTokens' && Array.isArray(value))
      return value.map((p: string) => new Code(compilePath(p).code));
    return value;
  });
  const js = ts.transpile(`return ${code};`, { target: ts.ScriptTarget.ES2022 });
  const names = Object.keys(accessors);
  const build = new Function(...names, js) as (...helpers: unknown[]) => CompiledModel;
  return build(...names.map((name) => (accessors as Record<string, unknown>)[name]));
}

function isTarget(value: unknown): value is ResourceTargetDefinition {
  return typeof value === 'object' && value !== null && 'type' in value && 'identifiers' in value;
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
