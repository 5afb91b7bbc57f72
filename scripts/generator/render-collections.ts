import type { ContainerDefinition } from '../../src/core/definition-types.js';
import { camelCase } from '../../src/core/naming.js';
import { doc, example, exampleArgs, type GenContext } from './context.js';
import { collectionClassOf, type Owner } from './render-members.js';
import { HEADER, renderImports } from './render-resource.js';

/** Every resource type some collection yields, in definition order. */
export function collectedTypes(ctx: GenContext): string[] {
  const types = new Set<string>();
  const containers = [ctx.definition.service, ...Object.values(ctx.definition.resources)];
  for (const container of containers) {
    for (const hasMany of Object.values(container.hasMany ?? {}))
      if (hasMany.resource) types.add(hasMany.resource.type);
  }
  return Object.keys(ctx.definition.resources).filter((type) => types.has(type));
}

/** Where examples list resources of a type from (`bucket.objects`). */
function listing(ctx: GenContext, type: string): string {
  const owners: [string, ContainerDefinition][] = [
    [ctx.serviceVar, ctx.definition.service],
    ...Object.entries(ctx.definition.resources).map(([name, r]): [string, ContainerDefinition] => [
      ctx.varOf(name),
      r,
    ]),
  ];
  for (const [owner, container] of owners) {
    for (const [name, hasMany] of Object.entries(container.hasMany ?? {})) {
      if (hasMany.resource?.type === type) return `${owner}.${camelCase(name)}`;
    }
  }
  return 'collection';
}

/** The generated collections file: one class per collected type, with its batch actions. */
export function renderCollections(ctx: GenContext): string {
  const owner: Owner = {
    varName: 'collection',
    uses: new Set(),
    collections: new Set(),
    taken: new Map(),
    core: new Set(),
  };
  const classes = collectedTypes(ctx).map((type) => {
    owner.uses.add(type);
    const cls = ctx.classOf(type);
    const collection = collectionClassOf(ctx, type);
    const batch = Object.entries(ctx.definition.resources[type]?.batchActions ?? {}).map(
      ([name, action]) => {
        const method = camelCase(name);
        const op = action.request.operation;
        const params = ctx.paramsType(op, action.request.params);
        const optional = params.required.length === 0 ? '?' : '';
        const failures = action.errors
          ? ` Items that fail (\`${action.errors}\`) are raised together after the last page as a \`BatchActionError\` with every failure attached.`
          : '';
        return [
          doc([
            `Sends one \`${op}\` per page of this collection, with every listed ${cls} in it.${failures}`,
            '',
            `@param params - the rest of the \`${op}\` input, sent with every page`,
            '@param options - `concurrency`: requests in flight at once (default 1; the next pages are listed meanwhile); `abortSignal` stops before the next page',
            '@returns the output of each request',
            ...example([
              `const outputs = await ${listing(ctx, type)}.all().${method}(${exampleArgs(params.required)});`,
            ]),
          ]),
          `  ${method}(params${optional}: ${params.text}, options?: BatchActionOptions): Promise<${ctx.commandType(op, 'Output')}[]> {`,
          `    return this.$batch('${name}', params, options) as Promise<${ctx.commandType(op, 'Output')}[]>;`,
          '  }',
        ].join('\n');
      },
    );
    return [
      doc(
        [
          `A lazy, chainable query over ${cls} resources${batch.length ? ', with their batch actions' : ''}.`,
          '',
          '@typeParam P - the listing params `filter` takes',
        ],
        '',
      ),
      `export class ${collection}<P extends object = object> extends Collection<${cls}, P> {`,
      batch.join('\n\n'),
      '}',
    ].join('\n');
  });
  const body = classes.join('\n\n');
  const imports = renderImports(ctx, undefined, owner, body, ['Collection']);
  return [HEADER(ctx.sourceFile), ...imports, '', body, ''].join('\n');
}
