/**
 * Compiles a JSON definition into the model the run time reads, with the generator's own
 * compiler, for tests that define small services of their own. The generator writes this code
 * into `generated/model.ts`; here it is evaluated instead (test code only: the run time never
 * builds code from strings).
 */
import ts from 'typescript';
import * as accessors from '../../src/core/accessors.js';
import type { CompiledModel, ServiceModelDefinition } from '../../src/core/definition-types.js';
import { compileModel } from '../../scripts/generator/compile-model.js';
import type { PaginatorTokens } from '../../scripts/generator/paginators.js';

export function compileDefinition(
  definition: ServiceModelDefinition,
  paginators: Readonly<Record<string, PaginatorTokens>> = {},
): CompiledModel {
  const { code } = compileModel(
    definition,
    (operation) => paginators[operation],
    () => true,
  );
  const js = ts.transpile(`return ${code};`, { target: ts.ScriptTarget.ES2022 });
  const names = Object.keys(accessors);
  const build = new Function(...names, js) as (...helpers: unknown[]) => CompiledModel;
  return build(...names.map((name) => (accessors as Record<string, unknown>)[name]));
}
