import type {
  HasManyDefinition,
  ParamDefinition,
  RequestDefinition,
  ResourceTargetDefinition,
} from '../../src/core/definition-types.js';
import { targetFacts, withTokens } from './compile-model.js';
import { compilePath, type Helper } from './compile-path.js';
import type { GenContext } from './context.js';
import { paginatorTokensOf } from './paginators.js';

/**
 * Collects the descriptor constants of one generated module (see `src/core/descriptors.ts`)
 * and the imports they need: command and waiter classes, the resource classes their targets
 * make, and the accessor helpers of their compiled paths.
 */
export class DescriptorWriter {
  /** `const Bucket$putObject: ActionSpec<...> = {...};`, in the order they were added. */
  readonly #declarations: string[] = [];
  readonly #names = new Set<string>();
  readonly #helpers = new Set<Helper>();
  /** Value imports per package (commands, waiters). */
  readonly #values = new Map<string, Set<string>>();
  /** Resource types whose classes the targets make. */
  readonly classes = new Set<string>();

  constructor(private readonly ctx: GenContext) {}

  /** Declares a descriptor constant and gives its name. */
  add(name: string, type: string, value: string, exported = false): string {
    if (this.#names.has(name)) throw new Error(`descriptor ${name} is declared twice`);
    this.#names.add(name);
    this.#declarations.push(`${exported ? 'export ' : ''}const ${name}: ${type} = ${value};`);
    return name;
  }

  get declarations(): readonly string[] {
    return this.#declarations;
  }

  /** A compiled path as code. */
  path(expression: string): string {
    const compiled = compilePath(expression);
    compiled.helpers.forEach((helper) => this.#helpers.add(helper));
    return compiled.code;
  }

  /** A value of a package (a command class, a waiter function), imported by name. */
  value(packageName: string, name: string): string {
    if (!this.ctx.sdkOf(packageName).hasValue(name))
      throw new Error(`${packageName} has no ${name}`);
    let names = this.#values.get(packageName);
    if (!names) this.#values.set(packageName, (names = new Set()));
    names.add(name);
    return name;
  }

  params(params: readonly ParamDefinition[] | undefined): string | undefined {
    if (!params?.length) return undefined;
    return `[${params
      .map((param) =>
        object([
          ['target', JSON.stringify(param.target)],
          ['source', JSON.stringify(param.source)],
          ['name', param.name === undefined ? undefined : JSON.stringify(param.name)],
          ['path', param.path === undefined ? undefined : this.path(param.path)],
          ['value', param.value === undefined ? undefined : JSON.stringify(param.value)],
        ]),
      )
      .join(', ')}]`;
  }

  request(request: RequestDefinition): string {
    const packageName = this.ctx.packageOf(request.operation);
    return object([
      ['command', this.value(packageName, `${request.operation}Command`)],
      [
        'package',
        packageName === this.ctx.definition.service.package
          ? undefined
          : JSON.stringify(packageName),
      ],
      ['params', this.params(request.params)],
    ]);
  }

  target(definition: ResourceTargetDefinition): string {
    const target = targetFacts(definition);
    this.classes.add(target.type);
    return object([
      ['type', `() => ${this.ctx.classOf(target.type)}`],
      [
        'identifiers',
        `[${target.identifiers
          .map((identifier) =>
            object([
              ['target', JSON.stringify(identifier.target)],
              ['source', JSON.stringify(identifier.source)],
              ['name', identifier.name === undefined ? undefined : JSON.stringify(identifier.name)],
              ['path', identifier.path === undefined ? undefined : this.path(identifier.path)],
              ['list', identifier.list ? 'true' : undefined],
              ['item', identifier.item === undefined ? undefined : this.path(identifier.item)],
            ]),
          )
          .join(', ')}]`,
      ],
      ['path', target.path === undefined ? undefined : this.path(target.path)],
      ['plural', target.plural ? 'true' : undefined],
    ]);
  }

  /** A collection's paging, with its v3 paginator's tokens. */
  paging(hasMany: HasManyDefinition): string | undefined {
    const operation = hasMany.request.operation;
    const paging = withTokens(
      hasMany,
      (op) => paginatorTokensOf(this.ctx.packageOf(op), op, this.ctx.root),
      (op) => !this.ctx.inputMembers(op).some((member) => /(Token|Marker)$/.test(member.name)),
    ).paging;
    if (!paging) return undefined;
    if (paging.inputTokens?.length && !paging.outputTokens?.length)
      throw new Error(`${operation}: paging names inputTokens without outputTokens`);
    return object([
      ['limitKey', paging.limitKey === undefined ? undefined : JSON.stringify(paging.limitKey)],
      ['inputTokens', paging.inputTokens ? JSON.stringify(paging.inputTokens) : undefined],
      [
        'outputTokens',
        paging.outputTokens
          ? `[${paging.outputTokens.map((p) => this.path(p)).join(', ')}]`
          : undefined,
      ],
      ['moreResults', paging.moreResults === undefined ? undefined : this.path(paging.moreResults)],
      ['minPageSize', paging.minPageSize === undefined ? undefined : String(paging.minPageSize)],
    ]);
  }

  /** The import lines of what the descriptors name (resource classes are imported by the caller). */
  imports(): string[] {
    const lines = [...this.#values].map(
      ([packageName, names]) => `import { ${[...names].sort().join(', ')} } from '${packageName}';`,
    );
    return lines;
  }

  /** The accessor helpers the compiled paths call, to import from the core. */
  get helpers(): readonly string[] {
    return [...this.#helpers].sort();
  }
}

/** An object literal of the members that have a value. */
export function object(members: readonly (readonly [string, string | undefined])[]): string {
  const present = members.filter((member): member is [string, string] => member[1] !== undefined);
  return `{ ${present.map(([key, value]) => `${key}: ${value}`).join(', ')} }`;
}
