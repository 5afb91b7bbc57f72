import type { ServiceModelDefinition } from '../../src/core/definition-types.js';
import type { GenContext } from './context.js';
import { HEADER } from './render-resource.js';

function operations(definition: ServiceModelDefinition): {
  all: Set<string>;
  listed: Set<string>;
  generic: Set<string>;
} {
  const all = new Set<string>();
  const listed = new Set<string>();
  const generic = new Set<string>();
  const containers = [definition.service, ...Object.values(definition.resources)];
  for (const container of containers) {
    for (const action of Object.values(container.actions ?? {})) all.add(action.request.operation);
    for (const hasMany of Object.values(container.hasMany ?? {})) {
      all.add(hasMany.request.operation);
      (hasMany.paging?.inputTokens ? generic : listed).add(hasMany.request.operation);
    }
  }
  for (const resource of Object.values(definition.resources)) {
    if (resource.load) all.add(resource.load.request.operation);
    if (resource.exists) all.add(resource.exists.request.operation);
    for (const batch of Object.values(resource.batchActions ?? {}))
      all.add(batch.request.operation);
  }
  return { all, listed, generic };
}

/** The generated model file: the definition, the v3 registry and the resource classes. */
export function renderModel(ctx: GenContext): string {
  const { definition, sdk } = ctx;
  const { all, listed } = operations(definition);
  const commands = [...all].sort().map((op) => {
    if (!sdk.hasValue(`${op}Command`))
      throw new Error(`${definition.service.package} has no ${op}Command`);
    return [op, `${op}Command`];
  });
  const paginators = [...listed].sort().flatMap((op) => {
    if (!sdk.hasValue(`paginate${op}`))
      throw new Error(`${op} has no v3 paginator: give its paging inputTokens`);
    return [[op, `paginate${op}`]];
  });
  const waiterNames = new Set<string>();
  for (const resource of Object.values(definition.resources)) {
    for (const waiter of Object.values(resource.waiters ?? {})) waiterNames.add(waiter.waiterName);
  }
  const waiters = [...waiterNames].sort().map((name) => {
    if (!sdk.hasValue(`waitUntil${name}`))
      throw new Error(`${definition.service.package} has no waitUntil${name}`);
    return [name, `waitUntil${name}`];
  });
  for (const [type, resource] of Object.entries(definition.resources)) {
    if (resource.shape && !sdk.hasType(resource.shape))
      throw new Error(`${type}: no type '${resource.shape}' in the package`);
  }
  const values = [...commands, ...paginators, ...waiters].map(([, v]) => v);
  const types = Object.keys(definition.resources);
  const classImports = types
    .map((type) => `import { ${ctx.classOf(type)} } from '${ctx.moduleOf(type)}';`)
    .sort();
  const entries = (pairs: string[][]) => pairs.map(([k, v]) => `    ${k}: ${v},`).join('\n');
  const { $schema: _schema, ...embedded } = definition as ServiceModelDefinition & {
    $schema?: string;
  };
  return [
    HEADER(ctx.sourceFile),
    `import { ${values.join(', ')} } from '${definition.service.package}';`,
    `import { ServiceModel, type ServiceModelDefinition } from '../../../core/index.js';`,
    ...classImports,
    '',
    `const definition: ServiceModelDefinition = ${JSON.stringify(embedded, null, 2)};`,
    '',
    `/** @internal The ${definition.service.className} model the engine interprets. */`,
    `export const ${ctx.serviceVar}Model = new ServiceModel(`,
    '  definition,',
    '  {',
    `    commands: {\n${entries(commands)}\n    },`,
    `    paginators: {\n${entries(paginators)}\n    },`,
    `    waiters: {\n${entries(waiters)}\n    },`,
    '  },',
    `  {\n${types.map((type) => `    ${type}: ${ctx.classOf(type)},`).join('\n')}\n  },`,
    ');',
    '',
  ].join('\n');
}
