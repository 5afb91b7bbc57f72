import type {
  ActionDefinition,
  ContainerDefinition,
  HasDefinition,
  HasManyDefinition,
  ParamDefinition,
} from '../../src/core/definition-types.js';
import { camelCase } from '../../src/core/naming.js';
import { isPlural } from './compile-model.js';
import { doc, example, exampleArgs, kebabCase, wrap, type GenContext } from './context.js';
import { actionChecks } from './param-checks.js';
import { object, type DescriptorWriter } from './render-descriptors.js';

/** What a rendered member needs from the class it is rendered into. */
export interface Owner {
  /** The variable examples use (`bucket`, `s3`). */
  readonly varName: string;
  /** Resource type names this class refers to (collected for imports). */
  readonly uses: Set<string>;
  /** The class name the owner's named collection types start with (`Bucket`, `S3`). */
  readonly className: string;
  /** Collection classes this class refers to. */
  readonly collections: Set<string>;
  /** Named collection types (`BucketObjects`) this class refers to. */
  readonly collectionTypes: Set<string>;
  /** Member names already taken (to catch clashes). */
  readonly taken: Map<string, string>;
  /** Core names this class needs beyond the usual (`type Collection`). */
  readonly core: Set<string>;
  /** The descriptor constants of the module. */
  readonly descriptors: DescriptorWriter;
  /**
   * The v3 type of the data of a resource that loads (`TableDescription`), which an action's
   * response may carry as the resource's new state; undefined for services and resources
   * that do not load.
   */
  readonly dataShape?: string;
}

/** The name of a member's descriptor constant: `Bucket$putObject`. */
export function descriptorName(owner: Owner, member: string): string {
  return `${owner.className}$${member}`;
}

export function claim(owner: Owner, name: string, what: string): void {
  const previous = owner.taken.get(name);
  if (previous)
    throw new Error(`member '${name}' of ${owner.varName} is both ${previous} and ${what}`);
  owner.taken.set(name, what);
}

function filledNote(params: readonly ParamDefinition[] | undefined): string {
  const notes = (params ?? []).map((p) => {
    if (p.source === 'identifier') return `\`${p.target}\` (from \`${camelCase(p.name ?? '')}\`)`;
    if (p.source === 'data') return `\`${p.target}\` (from the loaded \`${p.path}\`)`;
    return `\`${p.target}\` = ${JSON.stringify(p.value)}`;
  });
  return notes.length ? ` The resource fills ${notes.join(', ')}.` : '';
}

/**
 * Where an action's response carries its resource's new data: the output is the loaded
 * shape itself, or has one member of that shape (see `SdkTypes.locate`); for an action that
 * makes this very resource again (DynamoDB's `table.update()`), the made resource's path.
 * Undefined — the engine then forgets the data, as boto3 does — for services, resources
 * without a load, operations of another package, and actions that make other resources
 * (their response describes those: PublishVersion's the new version, not the function).
 */
function newDataPath(ctx: GenContext, owner: Owner, action: ActionDefinition): string | undefined {
  if (!owner.dataShape) return undefined;
  if (action.resource) {
    const self =
      ctx.classOf(action.resource.type) === owner.className &&
      action.resource.identifiers.every(
        (identifier) =>
          identifier.source === 'identifier' &&
          (identifier.name ?? identifier.target) === identifier.target,
      );
    return self ? action.resource.path : undefined;
  }
  const op = action.request.operation;
  if (ctx.packageOf(op) !== ctx.definition.service.package) return undefined;
  return ctx.sdk.locate(`${op}CommandOutput`, owner.dataShape);
}

export function renderAction(
  ctx: GenContext,
  owner: Owner,
  name: string,
  action: ActionDefinition,
  handWritten = false,
): string {
  const method = camelCase(name);
  const op = action.request.operation;
  const params = ctx.paramsType(op, action.request.params);
  let result = ctx.commandType(op, 'Output');
  let resultNote = `the \`${op}\` output`;
  let resultVar = 'output';
  if (action.resource) {
    const cls = ctx.classOf(action.resource.type);
    owner.uses.add(action.resource.type);
    const plural = isPlural(action.resource);
    result = plural ? `${cls}[]` : cls;
    resultNote = plural ? `the ${cls} resources it made` : `the ${cls} resource it made`;
    resultVar = plural ? `${ctx.varOf(action.resource.type)}s` : ctx.varOf(action.resource.type);
  }
  owner.core.add('type ActionSpec');
  const dataPath = newDataPath(ctx, owner, action);
  const descriptor = owner.descriptors.add(
    descriptorName(owner, method),
    `ActionSpec<${ctx.commandType(op, 'Input')}, ${result}>`,
    object([
      ['name', `'${method}'`],
      ['request', owner.descriptors.request(action.request)],
      ['resource', action.resource ? owner.descriptors.target(action.resource) : undefined],
      ['checks', actionChecks(ctx, action)],
      ['data', dataPath === undefined ? undefined : owner.descriptors.path(dataPath)],
    ]),
    handWritten,
  );
  if (handWritten) return '';
  claim(owner, method, `action ${name}`);
  owner.core.add('runAction');
  const optional = params.required.length === 0 ? '?' : '';
  const about = ctx.sdkOf(ctx.packageOf(op)).operationDoc(op);
  return [
    doc([
      ...(about ? [...wrap(about), ''] : []),
      ...wrap(`Sends \`${op}\`.${filledNote(action.request.params)} Resolves to ${resultNote}.`),
      '',
      `@param params - the rest of the \`${op}\` input`,
      '@param options - `abortSignal` (or `signal`) cancels the request',
      ...example([
        `const ${resultVar} = await ${owner.varName}.${method}(${exampleArgs(params.required)});`,
      ]),
    ]),
    `  ${method}(params${optional}: ${params.text}, options?: RequestOptions): Promise<${result}> {`,
    `    return runAction(this, ${descriptor}, params, options);`,
    '  }',
  ].join('\n');
}

export function renderHas(
  ctx: GenContext,
  owner: Owner,
  name: string,
  has: HasDefinition,
  handWritten = false,
): string {
  const target = has.resource;
  const cls = ctx.classOf(target.type);
  owner.uses.add(target.type);
  const isReference = target.identifiers.some((identifier) => identifier.source === 'data');
  const member = isReference ? camelCase(name) : name;
  const plural =
    isPlural(target) ||
    target.identifiers.some((i) => i.source === 'data' && /\[\*?\]/.test(i.path ?? ''));
  const type = isReference ? (plural ? `${cls}[]` : `${cls} | undefined`) : cls;
  owner.core.add('type HasSpec');
  const descriptor = owner.descriptors.add(
    descriptorName(owner, member),
    `HasSpec<${type}>`,
    `{ name: '${member}', resource: ${owner.descriptors.target(target)} }`,
    handWritten,
  );
  if (handWritten) return '';
  if (isReference) {
    const getter = member;
    claim(owner, getter, `reference ${name}`);
    owner.core.add('readReference');
    return [
      doc([
        `The ${cls} this ${owner.varName} refers to, built from its data (loaded first if needed).`,
        ...example([`const ${ctx.varOf(target.type)} = await ${owner.varName}.${getter};`]),
      ]),
      `  get ${getter}(): Promise<${type}> {`,
      `    return readReference(this, ${descriptor});`,
      '  }',
    ].join('\n');
  }
  claim(owner, name, `sub-resource ${name}`);
  owner.core.add('subResource');
  const inputs = target.identifiers.filter((identifier) => identifier.source === 'input');
  const definitionOf = ctx.definition.resources[target.type];
  const args = inputs.map((input) => {
    const identifier = definitionOf?.identifiers?.find((i) => i.name === input.target);
    return {
      name: camelCase(input.target),
      type: identifier?.type === 'integer' ? 'number' : 'string',
    };
  });
  const exampleValues = args
    .map((arg) => (arg.type === 'number' ? '1' : `'${arg.name}'`))
    .join(', ');
  return [
    doc([
      `The ${cls} ${args.length ? `with the given ${args.map((a) => `\`${a.name}\``).join(' and ')}` : `of this ${owner.varName}`}. Sends no request.`,
      ...example([`const ${ctx.varOf(target.type)} = ${owner.varName}.${name}(${exampleValues});`]),
    ]),
    `  ${name}(${args.map((a) => `${a.name}: ${a.type}`).join(', ')}): ${cls};`,
    // The implementation takes every argument, so plain-JavaScript callers who pass too many hear about it.
    `  ${name}(...args: unknown[]): ${cls} {`,
    `    return subResource(this, ${descriptor}, args);`,
    '  }',
  ].join('\n');
}

export function collectionClassOf(ctx: GenContext, type: string): string {
  return `${ctx.classOf(type)}Collection`;
}

/** The generated collection class of a type (`<Class>CollectionBase` when customised by hand). */
export function generatedCollectionClassOf(ctx: GenContext, type: string): string {
  const name = collectionClassOf(ctx, type);
  return ctx.definition.resources[type]?.customizedCollection ? `${name}Base` : name;
}

/** The module that exports a type's final collection class, relative to the generated folder. */
export function collectionModuleOf(ctx: GenContext, type: string): string {
  return ctx.definition.resources[type]?.customizedCollection
    ? `../${kebabCase(type)}-collection.js`
    : './collections.js';
}

/** The module of a final collection class named `className` (`ObjectSummaryCollection`). */
export function moduleOfCollectionClass(ctx: GenContext, className: string): string {
  const type = Object.keys(ctx.definition.resources).find(
    (t) => collectionClassOf(ctx, t) === className,
  );
  return type === undefined ? './collections.js' : collectionModuleOf(ctx, type);
}

/** The named types of one declared collection (`bucket.objects`). */
export interface CollectionTypes {
  /** `BucketObjectsParams`: what `filter` takes. */
  readonly params: string;
  /** `BucketObjectsCollection`: what `all()`, `filter()` and `limit()` return. */
  readonly collection: string;
  /** `BucketObjects`: the type of the collection property. */
  readonly manager: string;
  /** The TypeScript text each name stands for. */
  readonly paramsText: string;
  readonly collectionText: string;
  readonly managerText: string;
  /** The generated collection class (`ObjectSummaryCollection`); undefined for plain items. */
  readonly collectionClass: string | undefined;
  /** What the collection yields, for docs: `ObjectSummary resources`, `` `Items` ``. */
  readonly yields: string;
  /** The input members the owner fills, fills in part (adds to), and those paging sets. */
  readonly filled: readonly string[];
  readonly partly: readonly string[];
  readonly paging: readonly string[];
}

/**
 * The named types of the collection `name` of an owner class (`Bucket`, `S3`):
 * `<Owner><Name>Params`, `<Owner><Name>Collection` and `<Owner><Name>` for the property.
 */
export function collectionTypesOf(
  ctx: GenContext,
  ownerClass: string,
  name: string,
  hasMany: HasManyDefinition,
): CollectionTypes {
  const op = hasMany.request.operation;
  const omit = [hasMany.paging?.limitKey, ...(hasMany.paging?.inputTokens ?? [])].filter(
    (n): n is string => !!n,
  );
  const base = `${ownerClass}${name}`;
  const params = `${base}Params`;
  const {
    text: paramsText,
    filled: all,
    partly,
  } = ctx.paramsType(op, hasMany.request.params, omit);
  const filled = all.filter((n) => !omit.includes(n));
  if (hasMany.resource) {
    const collectionClass = collectionClassOf(ctx, hasMany.resource.type);
    // The class with the params named, so hovers read `ObjectSummaryCollection<BucketObjectsParams>`.
    const collectionText = `${collectionClass}<${params}>`;
    return {
      params,
      collection: `${base}Collection`,
      manager: base,
      paramsText,
      collectionText,
      managerText: `CollectionManager<${collectionText}>`,
      collectionClass,
      yields: `${ctx.classOf(hasMany.resource.type)} resources`,
      filled,
      partly,
      paging: omit,
    };
  }
  // A collection of the response's plain items (`Items[]`): typed from the output member.
  const member = /^[A-Za-z0-9_]+/.exec(hasMany.items ?? '')?.[0] ?? 'Items';
  return {
    params,
    collection: `${base}Collection`,
    manager: base,
    paramsText,
    collectionText: `Collection<NonNullable<${ctx.commandType(op, 'Output')}['${member}']>[number], ${params}>`,
    managerText: `CollectionManager<${base}Collection>`,
    collectionClass: undefined,
    yields: `\`${member}\``,
    filled,
    partly,
    paging: omit,
  };
}

export function renderHasMany(
  ctx: GenContext,
  owner: Owner,
  name: string,
  hasMany: HasManyDefinition,
  handWritten = false,
): string {
  const getter = camelCase(name);
  const op = hasMany.request.operation;
  owner.core.add('type HasManySpec');
  const writer = owner.descriptors;
  const paging = writer.paging(hasMany);
  const descriptor = writer.add(
    descriptorName(owner, getter),
    'HasManySpec',
    `{ name: '${getter}', request: ${writer.request(hasMany.request)}${
      hasMany.resource ? `, resource: ${writer.target(hasMany.resource)}` : ''
    }${hasMany.items ? `, items: ${writer.path(hasMany.items)}` : ''}${
      paging ? `, paging: ${paging}` : ''
    } }`,
    handWritten,
  );
  if (handWritten) return '';
  claim(owner, getter, `collection ${name}`);
  owner.core.add('collectionOf');
  const types = collectionTypesOf(ctx, owner.className, name, hasMany);
  owner.collectionTypes.add(types.manager);
  let body: string;
  if (types.collectionClass) {
    owner.collections.add(types.collectionClass);
    owner.collectionTypes.add(types.collection);
    body = `    return collectionOf<${types.collection}>(this, ${descriptor}, ${types.collectionClass});`;
  } else {
    owner.core.add('Collection');
    owner.collectionTypes.add(types.collection);
    body = `    return collectionOf<${types.collection}>(this, ${descriptor}, Collection);`;
  }
  return [
    doc([
      ...wrap(
        `The ${types.yields} of this ${owner.varName}, listed with \`${op}\` (lazy: nothing is sent until iterated).${filledNote(hasMany.request.params)}`,
      ),
      ...example([`for await (const item of ${owner.varName}.${getter}.all()) console.log(item);`]),
    ]),
    `  get ${getter}(): ${types.manager} {`,
    body,
    '  }',
  ].join('\n');
}

/** The actions, `has` and `hasMany` members shared by services and resources. */
export function renderContainer(
  ctx: GenContext,
  owner: Owner,
  container: ContainerDefinition,
  handWritten: readonly string[] = [],
): string[] {
  // A hand-written member gets its descriptor (exported, for the hand-written class) but no method.
  return [
    ...Object.entries(container.actions ?? {}).map(([n, a]) =>
      renderAction(ctx, owner, n, a, handWritten.includes(n)),
    ),
    ...Object.entries(container.has ?? {}).map(([n, h]) =>
      renderHas(ctx, owner, n, h, handWritten.includes(n)),
    ),
    ...Object.entries(container.hasMany ?? {}).map(([n, h]) =>
      renderHasMany(ctx, owner, n, h, handWritten.includes(n)),
    ),
  ].filter(Boolean);
}
