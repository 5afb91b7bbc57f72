import type { ParamDefinition, ServiceModelDefinition } from '../../src/core/definition-types.js';
import { requestsOf } from '../../src/core/requests-of.js';
import { camelCase } from '../../src/core/naming.js';
import { SdkTypes, type SdkMember } from './sdk-types.js';

/** `BucketAcl` → `bucket-acl`. */
export function kebabCase(name: string): string {
  return camelCase(name)
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** Words a doc example cannot use as a variable name. */
const RESERVED_WORDS = new Set([
  'function',
  'class',
  'default',
  'delete',
  'new',
  'import',
  'export',
]);

/** Where generated code goes: how it imports the engine, and the command its header names. */
export interface GenTarget {
  /** The import specifier of the engine (`aws-resources/extension` outside this repository). */
  readonly engine: string;
  /** The command that regenerates the files, named in their header. */
  readonly command: string;
}

/** This repository's services: `src/resources/<service>/generated/`, beside the engine. */
export const REPO_TARGET: GenTarget = {
  engine: '../../../core/index.js',
  command: 'npm run generate',
};

/** What every renderer needs to know about the service being generated. */
export class GenContext {
  /** The package of each operation the definition names. */
  readonly #packages = new Map<string, string>();
  readonly #sdks = new Map<string, SdkTypes>();

  constructor(
    readonly definition: ServiceModelDefinition,
    readonly sdk: SdkTypes,
    readonly sourceFile: string,
    /** The folder whose node_modules hold the v3 packages the definition names. */
    readonly root: string,
    readonly target: GenTarget = REPO_TARGET,
  ) {
    this.#sdks.set(definition.service.package, sdk);
    for (const request of requestsOf(definition)) {
      const packageName = request.package ?? definition.service.package;
      const known = this.#packages.get(request.operation);
      if (known && known !== packageName) {
        throw new Error(
          `operation ${request.operation} is named with two packages: ${known} and ${packageName}`,
        );
      }
      this.#packages.set(request.operation, packageName);
    }
  }

  /** The package an operation's command comes from. */
  packageOf(operation: string): string {
    return this.#packages.get(operation) ?? this.definition.service.package;
  }

  /** The types of a package (read once). */
  sdkOf(packageName: string): SdkTypes {
    let sdk = this.#sdks.get(packageName);
    if (!sdk) this.#sdks.set(packageName, (sdk = new SdkTypes(packageName, this.root)));
    return sdk;
  }

  /** The namespace generated code imports a package's types as: `sdk` for the service's own. */
  namespaceOf(packageName: string): string {
    if (packageName === this.definition.service.package) return 'sdk';
    return camelCase(packageName.split('/').pop() ?? packageName).replace(
      /-(\w)/g,
      (_, c: string) => c.toUpperCase(),
    );
  }

  /** Every package the definition's operations come from, the service's own first. */
  get packages(): string[] {
    return [
      this.definition.service.package,
      ...new Set([...this.#packages.values()].filter((p) => p !== this.definition.service.package)),
    ];
  }

  /** `sdk.PutObjectCommandInput`, or `libDynamodb.QueryCommandInput` for another package. */
  commandType(operation: string, suffix: 'Input' | 'Output'): string {
    return `${this.namespaceOf(this.packageOf(operation))}.${operation}Command${suffix}`;
  }

  get serviceVar(): string {
    return this.definition.service.name;
  }

  /** The final TypeScript class of a resource type. */
  classOf(type: string): string {
    return this.definition.resources[type]?.className ?? type;
  }

  /** The generated class of a resource type (`BucketBase` when it is customised by hand). */
  generatedClassOf(type: string): string {
    return this.definition.resources[type]?.customized
      ? `${this.classOf(type)}Base`
      : this.classOf(type);
  }

  /** The module that exports a type's final class, relative to the generated folder. */
  moduleOf(type: string): string {
    const file = kebabCase(type);
    return this.definition.resources[type]?.customized ? `../${file}.js` : `./${file}.js`;
  }

  /** The variable name examples use for a resource of this type. */
  varOf(type: string): string {
    // `const function = ...` would not compile: a reserved word takes the class name (`lambdaFunction`).
    const name = camelCase(type);
    return RESERVED_WORDS.has(name) ? camelCase(this.classOf(type)) : name;
  }

  /** The members of `<operation>CommandInput`. */
  inputMembers(operation: string): SdkMember[] {
    return this.sdkOf(this.packageOf(operation)).members(`${operation}CommandInput`);
  }

  /**
   * The params type of a method sending `operation` with these definition params: the
   * input minus the filled members, and whether the caller must pass it.
   */
  paramsType(
    operation: string,
    params: readonly ParamDefinition[] | undefined,
    alsoOmit: readonly string[] = [],
  ) {
    const filled = new Set<string>(alsoOmit);
    const partly = new Set<string>();
    for (const param of params ?? []) {
      const top = /^[A-Za-z0-9_]+/.exec(param.target)?.[0] ?? param.target;
      if (top === param.target) filled.add(top);
      else partly.add(top);
    }
    for (const name of filled) partly.delete(name);
    const members = this.inputMembers(operation);
    const known = new Set(members.map((m) => m.name));
    for (const name of [...filled, ...partly]) {
      if (!known.has(name)) throw new Error(`${operation}CommandInput has no member '${name}'`);
    }
    const required = members.filter(
      (m) => !m.optional && !filled.has(m.name) && !partly.has(m.name),
    );
    const input = this.commandType(operation, 'Input');
    const quote = (names: Set<string>) => [...names].map((n) => `'${n}'`).join(' | ');
    const text =
      filled.size === 0 && partly.size === 0
        ? input
        : partly.size === 0
          ? `ActionParams<${input}, ${quote(filled)}>`
          : `ActionParams<${input}, ${filled.size ? quote(filled) : 'never'}, ${quote(partly)}>`;
    return { text, required, filled: [...filled], partly: [...partly] };
  }
}

/** A placeholder value of a member's type, for doc examples. */
export function placeholder(member: SdkMember): string {
  const type = member.typeText.replace(/ \| undefined$/, '');
  if (/^(string|.*String.*)$/.test(type) || /^"/.test(type)) return `'${camelCase(member.name)}'`;
  if (type === 'number') return '1';
  if (type === 'boolean') return 'true';
  if (type.endsWith('[]')) return '[]';
  if (type.includes('StreamingBlobPayloadInputTypes')) return `'data'`;
  return '{}';
}

/** `{ Key: 'key' }` from the required members, or '' when there are none. */
export function exampleArgs(required: readonly SdkMember[]): string {
  if (required.length === 0) return '';
  return `{ ${required.map((m) => `${m.name}: ${placeholder(m)}`).join(', ')} }`;
}

/**
 * A TSDoc block from lines (already without the leading ` * `). A top-level block documents an
 * exported declaration, which users import: it is marked `@public`.
 */
export function doc(lines: readonly string[], indent = '  '): string {
  const all = indent === '' ? [...lines, '', '@public'] : lines;
  return [
    `${indent}/**`,
    ...all.map((line) => (line ? `${indent} * ${line}` : `${indent} *`)),
    `${indent} */`,
  ].join('\n');
}

/** Prose as doc lines of at most `width` characters (words are never split). */
export function wrap(text: string, width = 94): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A TSDoc example section. */
export function example(code: readonly string[]): string[] {
  return ['@example', '```ts', ...code, '```'];
}

/** Words of a resource type name that are acronyms, as they are written in prose. */
const ACRONYMS: Record<string, string> = {
  Acl: 'ACL',
  Cors: 'CORS',
  Dhcp: 'DHCP',
  Vpc: 'VPC',
};

/** A resource type as prose: `VpcPeeringConnection` → `VPC peering connection`. */
export function typeWords(type: string): string {
  return (type.match(/[A-Z][a-z0-9]*|[a-z0-9]+/g) ?? [type])
    .map((word) => ACRONYMS[word] ?? word.toLowerCase())
    .join(' ');
}

/** What a waiter waits for, as a predicate: `Exists` → `exists`, `Running` → `is running`. */
const WAITER_PREDICATES: Record<string, string> = {
  Exists: 'exists',
  NotExists: 'no longer exists',
  Updated: 'has finished updating',
  InUse: 'is in use',
};

/** `Waits until the bucket exists`, `Waits until the instance is running`. */
export function waiterSentence(type: string, waiter: string): string {
  const words = (name: string) =>
    (name.match(/[A-Z][a-z0-9]*/g) ?? [name]).map((w) => w.toLowerCase()).join(' ');
  const predicate =
    WAITER_PREDICATES[waiter] ??
    (waiter.startsWith('Not') && waiter.length > 3
      ? `is no longer ${words(waiter.slice(3))}`
      : `is ${words(waiter)}`);
  return `Waits until the ${typeWords(type)} ${predicate}`;
}
