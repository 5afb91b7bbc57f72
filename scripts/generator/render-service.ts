import { doc, example, type GenContext } from './context.js';
import { DescriptorWriter } from './render-descriptors.js';
import { renderContainer, type Owner } from './render-members.js';
import { collectionNames, HEADER, renderImports, serviceSpecName } from './render-resource.js';

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
    descriptors: new DescriptorWriter(ctx),
  };
  for (const member of ['meta', 'toJSON', 'restore', 'constructor'])
    owner.taken.set(member, 'a member of every service');
  const body = renderContainer(ctx, owner, service, service.handWritten).join('\n\n');
  // Every resource class, for `restore` (behind functions, as the modules import each other).
  const types = Object.keys(ctx.definition.resources);
  types.forEach((type) => owner.descriptors.classes.add(type));
  const typesName = `${service.className}$types`;
  owner.descriptors.add(
    typesName,
    'Readonly<Record<string, () => ResourceClass>>',
    `{ ${types.map((type) => `${type}: () => ${ctx.classOf(type)}`).join(', ')} }`,
  );
  const client = service.client;
  // A customised service is generated as `<Class>Base`, extended in `../service.ts`.
  const cls = service.customized ? `${service.className}Base` : service.className;
  const constructor = `  constructor(options?: ServiceOptions<${client}, sdk.${client}Config>) {`;
  return [
    HEADER(ctx),
    ...renderImports(
      ctx,
      undefined,
      owner,
      // The constructor names the client's config type (`sdk.S3ClientConfig`): a service
      // without actions needs the package's types for it alone.
      `${body}\nsdk.${client}Config`,
      ['ServiceResource', 'resolveClient', 'type ServiceOptions', 'type ResourceClass'],
      [client],
    ),
    `import { ${serviceSpecName(ctx)} } from './spec.js';`,
    '',
    ...owner.descriptors.declarations,
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
    constructor,
    `    super(${serviceSpecName(ctx)}, resolveClient(options, ${client}), ${typesName});`,
    '  }',
    '',
    body,
    '}',
    '',
  ].join('\n');
}

/** `generated/spec.ts`: the service's `ServiceSpec`, which every resource type names. */
export function renderServiceSpec(ctx: GenContext): string {
  const service = ctx.definition.service;
  const adapter = service.clientAdapter;
  const members = [
    `name: ${JSON.stringify(service.name)}`,
    `className: ${JSON.stringify(service.className)}`,
    `notFoundErrors: ${JSON.stringify(service.notFoundErrors ?? [])}`,
    ...(adapter ? ['clientAdapter'] : []),
  ];
  // The service's own collections, which `restore` may rebuild a checkpoint through.
  const collections = collectionNames(service.hasMany);
  if (collections) members.push(`collections: ${collections}`);
  return [
    HEADER(ctx),
    `import type { ServiceSpec } from '${ctx.target.engine}';`,
    ...(adapter ? [`import { clientAdapter } from '../${adapter}.js';`] : []),
    '',
    `/** @internal ${service.className}: what its resource types share. */`,
    `export const ${serviceSpecName(ctx)}: ServiceSpec = { ${members.join(', ')} };`,
    '',
  ].join('\n');
}
