import { doc, example, type GenContext } from './context.js';
import { renderContainer, type Owner } from './render-members.js';
import { HEADER, renderImports } from './render-resource.js';

/** The generated service entry class (`S3`). */
export function renderService(ctx: GenContext): string {
  const service = ctx.definition.service;
  const owner: Owner = {
    varName: ctx.serviceVar,
    uses: new Set(),
    className: ctx.definition.service.className,
    collections: new Set(),
    collectionTypes: new Set(),
    taken: new Map(),
    core: new Set(),
  };
  for (const member of ['meta', 'toJSON', 'restore', 'constructor'])
    owner.taken.set(member, 'a member of every service');
  const body = renderContainer(ctx, owner, service, service.handWritten).join('\n\n');
  const client = service.client;
  // A customised service is generated as `<Class>Base`, extended in `../service.ts`.
  const cls = service.customized ? `${service.className}Base` : service.className;
  return [
    HEADER(ctx.sourceFile),
    ...renderImports(
      ctx,
      undefined,
      owner,
      body,
      ['ServiceResource', 'resolveClient', 'type ServiceOptions'],
      [client],
    ),
    `import { ${ctx.serviceVar}Model } from './model.js';`,
    '',
    doc(
      [
        service.customized
          ? `The generated part of {@link ${service.className}}; the hand-written class extends it.`
          : `The entry to ${service.className}: its actions, resource factories and collections.`,
        '',
        ...example([
          `const ${ctx.serviceVar} = new ${service.className}({ region: 'us-east-1' }); // or new ${service.className}({ client })`,
        ]),
      ],
      '',
    ),
    `export ${service.customized ? 'abstract ' : ''}class ${cls} extends ServiceResource<${client}> {`,
    doc([
      `@param options - a v3 \`${client}\` (\`{ client }\`), a \`Session\`'s shared client (\`{ session }\`), or the config to make one with`,
      ...example([
        `const ${ctx.serviceVar} = new ${service.className}({ client: new ${client}({ region: 'eu-west-1' }) });`,
      ]),
    ]),
    `  constructor(options?: ServiceOptions<${client}, sdk.${client}Config>) {`,
    `    super(${ctx.serviceVar}Model, resolveClient(options, ${client}));`,
    '  }',
    '',
    body,
    '}',
    '',
  ].join('\n');
}
