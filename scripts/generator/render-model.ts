import { resolve } from 'node:path';
import type { ServiceModelDefinition } from '../../src/core/definition-types.js';
import { compileModel } from './compile-model.js';
import type { GenContext } from './context.js';
import { readPaginators, type PaginatorTokens } from './paginators.js';
import { HEADER } from './render-resource.js';

const root = resolve(__dirname, '..', '..');

/** Every operation the definition sends. */
function operations(definition: ServiceModelDefinition): Set<string> {
  const all = new Set<string>();
  const containers = [definition.service, ...Object.values(definition.resources)];
  for (const container of containers) {
    for (const action of Object.values(container.actions ?? {})) all.add(action.request.operation);
    for (const hasMany of Object.values(container.hasMany ?? {}))
      all.add(hasMany.request.operation);
  }
  for (const resource of Object.values(definition.resources)) {
    if (resource.load) all.add(resource.load.request.operation);
    if (resource.exists) all.add(resource.exists.request.operation);
    for (const batch of Object.values(resource.batchActions ?? {}))
      all.add(batch.request.operation);
  }
  return all;
}

/** The generated model file: the definition, the v3 registry and the resource classes. */
export function renderModel(ctx: GenContext): string {
  const { definition, sdk } = ctx;
  const all = operations(definition);
  // Each value comes from the package of its operation; names are unique per package.
  const imports = new Map<string, string[]>();
  const take = (packageName: string, name: string): string => {
    if (!ctx.sdkOf(packageName).hasValue(name)) throw new Error(`${packageName} has no ${name}`);
    imports.set(packageName, [...(imports.get(packageName) ?? []), name]);
    return name;
  };
  const commands = [...all].sort().map((op) => [op, take(ctx.packageOf(op), `${op}Command`)]);
  // An operation without a paginator and without a token in its input (EC2's
  // DescribeAddresses) answers in one response: the engine sends it once.
  const paginators = new Map<string, Map<string, PaginatorTokens>>();
  const paginatorOf = (op: string): PaginatorTokens | undefined => {
    const packageName = ctx.packageOf(op);
    let known = paginators.get(packageName);
    if (!known) paginators.set(packageName, (known = readPaginators(packageName, root)));
    return known.get(op);
  };
  const answersAtOnce = (op: string) =>
    !ctx.inputMembers(op).some((member) => /(Token|Marker)$/.test(member.name));
  const compiled = compileModel(definition, paginatorOf, answersAtOnce);
  const waiterNames = new Set<string>();
  for (const resource of Object.values(definition.resources)) {
    for (const waiter of Object.values(resource.waiters ?? {})) waiterNames.add(waiter.waiterName);
  }
  const waiters = [...waiterNames]
    .sort()
    .map((name) => [name, take(definition.service.package, `waitUntil${name}`)]);
  for (const [type, resource] of Object.entries(definition.resources)) {
    if (resource.shape && !sdk.hasType(resource.shape))
      throw new Error(`${type}: no type '${resource.shape}' in the package`);
  }
  const types = Object.keys(definition.resources);
  const classImports = types
    .map((type) => `import { ${ctx.classOf(type)} } from '${ctx.moduleOf(type)}';`)
    .sort();
  const adapter = definition.service.clientAdapter;
  if (adapter) classImports.push(`import { clientAdapter } from '../${adapter}.js';`);
  const entries = (pairs: string[][]) => pairs.map(([k, v]) => `    ${k}: ${v},`).join('\n');
  return [
    HEADER(ctx.sourceFile),
    ...[...imports].map(
      ([packageName, names]) => `import { ${names.join(', ')} } from '${packageName}';`,
    ),
    `import { ${[...compiled.helpers].sort().join(', ')}, ServiceModel, type CompiledModel } from '../../../core/index.js';`,
    ...classImports,
    '',
    `const definition: CompiledModel = ${compiled.code};`,
    '',
    `/** @internal The ${definition.service.className} model the engine interprets. */`,
    `export const ${ctx.serviceVar}Model = new ServiceModel(`,
    '  definition,',
    '  {',
    `    commands: {\n${entries(commands)}\n    },`,
    `    waiters: {\n${entries(waiters)}\n    },`,
    '  },',
    `  {\n${types.map((type) => `    ${type}: ${ctx.classOf(type)},`).join('\n')}\n  },`,
    ...(adapter ? ['  clientAdapter,'] : []),
    ');',
    '',
  ].join('\n');
}
