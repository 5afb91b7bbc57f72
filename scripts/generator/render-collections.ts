import type { ContainerDefinition } from '../../src/core/definition-types.js';
import { camelCase } from '../../src/core/naming.js';
import { DescriptorWriter, object } from './render-descriptors.js';
import { doc, example, exampleArgs, typeWords, wrap, type GenContext } from './context.js';
import {
  collectionClassOf,
  collectionModuleOf,
  collectionTypesOf,
  generatedCollectionClassOf,
  type CollectionTypes,
  type Owner,
} from './render-members.js';
import { batchAllowedParams } from './param-checks.js';
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

/** One declared collection property: where it is and its named types. */
export interface DeclaredCollection {
  /** The variable examples use for the owner (`bucket`, `s3`). */
  readonly ownerVar: string;
  /** The owner in prose (`a bucket`, `EC2`). */
  readonly ownerWords: string;
  /** The property (`objects`). */
  readonly property: string;
  readonly operation: string;
  readonly types: CollectionTypes;
}

/**
 * Every collection property the generated classes declare (hand-written ones left out), the
 * service's first, each with its named types; two collections never share a name.
 */
export function declaredCollections(ctx: GenContext): DeclaredCollection[] {
  const service = ctx.definition.service;
  const owners: [
    string,
    string,
    string,
    ContainerDefinition & { readonly handWritten?: readonly string[] },
  ][] = [
    [ctx.serviceVar, service.className, service.className, service],
    ...Object.entries(ctx.definition.resources).map(
      ([type, r]): [
        string,
        string,
        string,
        ContainerDefinition & { readonly handWritten?: readonly string[] },
      ] => [
        ctx.varOf(type),
        `${/^[aeio]/i.test(typeWords(type)) ? 'an' : 'a'} ${typeWords(type)}`,
        ctx.classOf(type),
        r,
      ],
    ),
  ];
  const taken = new Set<string>([
    ...Object.keys(ctx.definition.resources).flatMap((type) => [
      ctx.classOf(type),
      ctx.generatedClassOf(type),
      collectionClassOf(ctx, type),
    ]),
    service.className,
  ]);
  const declared: DeclaredCollection[] = [];
  for (const [ownerVar, ownerWords, ownerClass, container] of owners) {
    for (const [name, hasMany] of Object.entries(container.hasMany ?? {})) {
      if (container.handWritten?.includes(name)) continue;
      const types = collectionTypesOf(ctx, ownerClass, name, hasMany);
      for (const typeName of [types.params, types.collection, types.manager]) {
        if (taken.has(typeName))
          throw new Error(`the collection type ${typeName} (${ownerClass}.${name}) is taken`);
        taken.add(typeName);
      }
      declared.push({
        ownerVar,
        ownerWords,
        property: camelCase(name),
        operation: hasMany.request.operation,
        types,
      });
    }
  }
  return declared;
}

/** ` without `Bucket` (filled from the bucket) and `MaxKeys` (set by ...)`, or ''. */
function without(c: DeclaredCollection): string {
  const names = (list: readonly string[]) =>
    list.map((n) => `\`${n}\``).join(list.length > 2 ? ', ' : ' and ');
  const parts = [
    ...(c.types.filled.length ? [`${names(c.types.filled)} (filled from ${c.ownerWords})`] : []),
    ...(c.types.paging.length
      ? [`${names(c.types.paging)} (set by \`limit()\`, \`pageSize()\` and paging)`]
      : []),
  ];
  const added = c.types.partly.length
    ? `; ${c.ownerWords.replace(/^an? /, 'the ')} adds to ${names(c.types.partly)}`
    : '';
  return (parts.length ? ` without ${parts.join(' and ')}` : '') + added;
}

/** The named types of one collection property. */
function renderCollectionTypes(c: DeclaredCollection): string {
  const where = `${c.ownerVar}.${c.property}`;
  return [
    doc(
      wrap(
        `The listing params \`${where}.filter()\` takes: the \`${c.operation}\` input${without(c)}.`,
      ),
      '',
    ),
    `export type ${c.types.params} = ${c.types.paramsText};`,
    '',
    doc(
      wrap(
        `A query over the ${c.types.yields} of ${c.ownerWords}, as \`${where}.all()\`, \`.filter()\` and \`.limit()\` return it.`,
      ),
      '',
    ),
    `export type ${c.types.collection} = ${c.types.collectionText};`,
    '',
    doc(
      wrap(
        `The \`${where}\` property: starts queries over the ${c.types.yields} of ${c.ownerWords} (no batch actions until \`.all()\` or \`.filter()\`).`,
      ),
      '',
    ),
    `export type ${c.types.manager} = ${c.types.managerText};`,
  ].join('\n');
}

/** The error class a batch operation raises its failed items with. */
export interface BatchError {
  /** `DeleteObjectsError`. */
  readonly className: string;
  readonly operation: string;
  /** Where the failures are in each response (`Errors[]`). */
  readonly path: string;
  /** The v3 type of one failure (`sdk._Error`). */
  readonly failure: string;
  /** The v3 output type (`sdk.DeleteObjectsCommandOutput`). */
  readonly output: string;
  /** Where examples run one such batch action (`bucket.objects.all().delete()`). */
  readonly example: string;
  /** A member of the failure type, for examples (`Key`). */
  readonly member: string;
}

/**
 * One error class per operation whose batch actions report failed items (`errors`), named
 * after it (`DeleteObjectsError`, as DynamoDB's `BatchWriteError`), so `instanceof` gives the
 * failures their v3 type.
 */
export function batchErrorsOf(ctx: GenContext): BatchError[] {
  const byOperation = new Map<string, BatchError>();
  for (const type of collectedTypes(ctx)) {
    for (const [name, action] of Object.entries(
      ctx.definition.resources[type]?.batchActions ?? {},
    )) {
      if (action.errors === undefined) continue;
      const operation = action.request.operation;
      const known = byOperation.get(operation);
      if (known) {
        if (known.path !== action.errors)
          throw new Error(
            `${operation}: batch actions read failures at ${known.path} and ${action.errors}`,
          );
        continue;
      }
      const packageName = ctx.packageOf(operation);
      const sdk = ctx.sdkOf(packageName);
      const className = `${operation}Error`;
      if (sdk.hasValue(className) || sdk.hasType(className) || ctx.definition.resources[className])
        throw new Error(`the batch error class ${className} would shadow a name of the service`);
      const failure = sdk.typeNameAt(`${operation}CommandOutput`, action.errors);
      byOperation.set(operation, {
        className,
        operation,
        path: action.errors,
        failure: `${ctx.namespaceOf(packageName)}.${failure}`,
        output: ctx.commandType(operation, 'Output'),
        example: `${listing(ctx, type)}.all().${camelCase(name)}()`,
        member: sdk.members(failure)[0]?.name ?? 'toString',
      });
    }
  }
  return [...byOperation.values()];
}

/** The declaration of a batch error class. */
function renderBatchError(error: BatchError): string {
  return [
    doc(
      [
        ...wrap(
          `Items a \`${error.operation}\` batch action (\`${error.example}\`) could not act on, raised after the last page: \`failures\` holds every \`${error.path}\` entry of every response (\`${error.failure.replace(/^\w+\./, '')}\`), \`responses\` every output. It is a \`BatchActionError\`.`,
        ),
        '',
        ...example([
          'try {',
          `  await ${error.example};`,
          '} catch (error) {',
          `  if (error instanceof ${error.className}) console.error(error.failures.map((f) => f.${error.member}));`,
          '}',
        ]),
      ],
      '',
    ),
    `export class ${error.className} extends BatchActionError<${error.failure}, ${error.output}> {}`,
  ].join('\n');
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
    className: 'Collection',
    collections: new Set(),
    collectionTypes: new Set(),
    taken: new Map(),
    core: new Set(),
    descriptors: new DescriptorWriter(ctx),
  };
  const errors = new Map(batchErrorsOf(ctx).map((error) => [error.operation, error]));
  if (errors.size > 0) owner.core.add('BatchActionError');
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
        const output = ctx.commandType(op, 'Output');
        const error = action.errors === undefined ? undefined : errors.get(op);
        owner.core.add('runBatch');
        owner.core.add('type BatchActionSpec');
        const writer = owner.descriptors;
        const descriptor = writer.add(
          `${collection}$${method}`,
          `BatchActionSpec<${output}${error ? `, ${error.failure}` : ''}>`,
          object([
            ['name', JSON.stringify(method)],
            ['request', writer.request(action.request)],
            ['errors', action.errors === undefined ? undefined : writer.path(action.errors)],
            ['error', error?.className],
            ['allowedParams', batchAllowedParams(ctx, action.request)],
          ]),
        );
        const failures = error
          ? ` Items that fail (\`${error.path}\`) are raised together after the last page as a {@link ${error.className}} with every failure attached.`
          : ` A request that fails rejects with the client's error.`;
        return [
          doc([
            `Sends one \`${op}\` per page of this collection, with every listed ${cls} in it.${failures}`,
            '',
            `@param params - the rest of the \`${op}\` input, sent with every page`,
            '@param options - `concurrency`: requests in flight at once (default 1; the next pages are listed meanwhile); `abortSignal` (or `signal`) stops before the next page',
            '@returns the output of each request',
            ...(error
              ? [
                  `@throws {@link ${error.className}} when some items failed, after every page was sent`,
                ]
              : []),
            ...example([
              `const outputs = await ${listing(ctx, type)}.all().${method}(${exampleArgs(params.required)});`,
            ]),
          ]),
          `  ${method}(params${optional}: ${params.text}, options?: BatchActionOptions): Promise<${output}[]> {`,
          `    return runBatch(this, ${descriptor}, params, options);`,
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
      `export class ${generatedCollectionClassOf(ctx, type)}<P extends object = object> extends Collection<${cls}, P> {`,
      batch.join('\n\n'),
      '}',
    ].join('\n');
  });
  const body = [...classes, ...declaredCollections(ctx).map(renderCollectionTypes)].join('\n\n');
  const imports = renderImports(ctx, undefined, owner, body, ['Collection']);
  // The named collection types name the final class of a collection customised by hand.
  for (const type of collectedTypes(ctx)) {
    if (ctx.definition.resources[type]?.customizedCollection)
      imports.push(
        `import type { ${collectionClassOf(ctx, type)} } from '${collectionModuleOf(ctx, type)}';`,
      );
  }
  return [
    HEADER(ctx),
    ...imports,
    '',
    // Before the descriptors that name them: a class is not hoisted.
    ...[...errors.values()].flatMap((error) => [renderBatchError(error), '']),
    ...owner.descriptors.declarations,
    '',
    body,
    '',
  ].join('\n');
}
