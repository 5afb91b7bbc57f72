import { createRequire } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';

/** One member of a v3 type. */
export interface SdkMember {
  readonly name: string;
  readonly optional: boolean;
  /** The member's type, as TypeScript prints it (for doc examples). */
  readonly typeText: string;
  /** The v3 documentation of the member, as short plain text (see {@link summaryOf}); '' when none. */
  readonly doc: string;
  /** The v3 `@deprecated` note ('' for a bare tag), or undefined when the member is current. */
  readonly deprecated?: string | undefined;
}

/** What the generator reads of a `@smithy/core/schema` NormalizedSchema. */
interface NormalizedMember {
  structIterator(): Iterable<[string, NormalizedMember]>;
  getMergedTraits(): { readonly httpLabel?: unknown };
  isStringSchema(): boolean;
}

/** Tags that separate blocks of text; any other tag is inline and dropped without a gap. */
const BLOCK_TAGS = /<\/?(p|li|ul|ol|br|dl|dt|dd|important|note|para)\b[^>]*>/gi;

/** Inline HTML of the v3 docs, as Markdown-ish text. */
function inlineText(html: string): string {
  return html
    .replace(
      /<code>([\s\S]*?)<\/code>/gi,
      (_, code: string) => `\`${code.replace(/\s+/g, ' ').trim()}\``,
    )
    .replace(/<a\b[^>]*>([\s\S]*?)<\/a>/gi, '$1')
    .replace(BLOCK_TAGS, ' ')
    .replace(/<[^>]+>/g, '')
    .replace(
      /\{@link(?:code|plain)?\s+([^}|\s]+)\s*(?:\|\s*([^}]*?)\s*)?\}/g,
      (_, target: string, text?: string) =>
        text ? text : `\`${target.split(/[#.]/).pop() ?? target}\``,
    )
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits prose into sentences (a full stop followed by a capital or a backtick starts one). */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z`"(])/).filter(Boolean);
}

/**
 * The first paragraph of a v3 doc comment, as plain text of at most `maxSentences`
 * sentences: `<important>` and `<note>` asides are skipped, `<code>x</code>` becomes
 * `` `x` ``, links become their text, other tags are dropped, and the text can neither end
 * the comment it is pasted into nor start a tag. '' when the docs say nothing.
 */
export function summaryOf(html: string, maxSentences = 3): string {
  const body = html.replace(/<(important|note)>[\s\S]*?<\/\1>/gi, ' ');
  const paragraph = /<p>([\s\S]*?)<\/p>/i.exec(body)?.[1] ?? body.split(/\n\s*\n/)[0] ?? '';
  const text = sentences(inlineText(paragraph)).slice(0, maxSentences).join(' ');
  return (
    text
      // A paragraph that introduced a list the summary leaves out ends as a sentence.
      .replace(/:$/, '.')
      .replace(/\*\//g, '*\\/')
      .replace(/(^|\s)@/g, '$1\\@')
  );
}

/**
 * Reads the exported types of a v3 client package with the TypeScript checker, so the
 * generator knows each input's required members and each shape's attributes.
 */
export class SdkTypes {
  readonly #checker: ts.TypeChecker;
  readonly #exports: Map<string, ts.Symbol>;
  readonly #values: Set<string>;
  readonly #runtime: Record<string, unknown>;
  readonly #requireFromPackage: NodeJS.Require;

  constructor(packageName: string, root: string) {
    const probe = join(root, '__sdk_probe__.ts');
    const text = `export * from '${packageName}';\n`;
    const options: ts.CompilerOptions = {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
    };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version, onError, create) =>
      name === probe
        ? ts.createSourceFile(name, text, version)
        : getSourceFile(name, version, onError, create);
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (name) => name === probe || fileExists(name);
    const program = ts.createProgram([probe], options, host);
    this.#checker = program.getTypeChecker();
    const source = program.getSourceFile(probe);
    const moduleSymbol = source && this.#checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`cannot read the types of ${packageName}`);
    this.#exports = new Map(
      this.#checker.getExportsOfModule(moduleSymbol).map((s) => [s.getName(), s]),
    );
    const fromRoot = createRequire(join(root, 'package.json'));
    const runtime = fromRoot(packageName) as Record<string, unknown>;
    this.#runtime = runtime;
    this.#requireFromPackage = createRequire(fromRoot.resolve(packageName));
    this.#values = new Set(Object.keys(runtime));
  }

  /** True when the package exports a type (interface or alias) of this name. */
  hasType(name: string): boolean {
    return this.#exports.has(name);
  }

  /** True when the package exports a run-time value of this name (commands, paginators, waiters). */
  hasValue(name: string): boolean {
    return this.#values.has(name);
  }

  /** The documentation of a symbol, summarised (see {@link summaryOf}). */
  #docOf(symbol: ts.Symbol): { doc: string; deprecated?: string } {
    const doc = summaryOf(ts.displayPartsToString(symbol.getDocumentationComment(this.#checker)));
    const tag = symbol.getJsDocTags(this.#checker).find((t) => t.name === 'deprecated');
    return tag ? { doc, deprecated: summaryOf(ts.displayPartsToString(tag.text)) } : { doc };
  }

  /**
   * The first paragraph of an operation's v3 documentation, from its command class
   * (`PutObjectCommand`); '' when the package documents none.
   */
  operationDoc(operation: string): string {
    const symbol = this.#exports.get(`${operation}Command`);
    if (!symbol) return '';
    const resolved =
      symbol.flags & ts.SymbolFlags.Alias ? this.#checker.getAliasedSymbol(symbol) : symbol;
    return this.#docOf(resolved).doc;
  }

  /**
   * The exception classes of a client package: `base` (`S3ServiceException`) and every
   * exported class that extends it (`NoSuchKey`), sorted, base first. Read from the declared
   * class hierarchy, so a new SDK release brings its new exceptions with the next generation.
   */
  exceptionClasses(base: string): string[] {
    const baseSymbol = this.#resolved(base);
    if (!baseSymbol || !(baseSymbol.flags & ts.SymbolFlags.Class) || !this.hasValue(base))
      throw new Error(`the package exports no class '${base}'`);
    const extendsBase = (symbol: ts.Symbol): boolean => {
      let types = this.#checker.getBaseTypes(
        this.#checker.getDeclaredTypeOfSymbol(symbol) as ts.InterfaceType,
      );
      while (types.length > 0) {
        if (types.some((type) => type.getSymbol() === baseSymbol)) return true;
        types = types.flatMap((type) =>
          type.isClassOrInterface() ? this.#checker.getBaseTypes(type) : [],
        );
      }
      return false;
    };
    const derived = [...this.#exports.keys()].filter((name) => {
      const symbol = this.#resolved(name);
      return (
        name !== base &&
        symbol !== undefined &&
        (symbol.flags & ts.SymbolFlags.Class) !== 0 &&
        this.hasValue(name) &&
        extendsBase(symbol)
      );
    });
    return [base, ...derived.sort()];
  }

  /**
   * The exported name of the type found at `path` (`Errors[]`: members, then list elements)
   * in an exported type, `undefined` values left out: `_Error` for `Errors[]` of
   * `DeleteObjectsCommandOutput`. Throws when the path leads nowhere or to an unnamed type.
   */
  typeNameAt(typeName: string, path: string): string {
    const symbol = this.#resolved(typeName);
    if (!symbol) throw new Error(`the package exports no type '${typeName}'`);
    let type = this.#checker.getDeclaredTypeOfSymbol(symbol);
    for (const segment of path.split('.')) {
      const match = /^([A-Za-z0-9_]+)((?:\[\*?\])*)$/.exec(segment);
      if (!match?.[1]) throw new Error(`${typeName}: cannot follow '${path}' (at '${segment}')`);
      const member = type.getProperty(match[1]);
      if (!member) throw new Error(`${typeName}: '${path}' names no member '${match[1]}'`);
      type = this.#checker.getNonNullableType(this.#checker.getTypeOfSymbol(member));
      for (let lists = (match[2] ?? '').length / 2; lists >= 1; lists -= 1) {
        const element = this.#checker.getIndexTypeOfType(type, ts.IndexKind.Number);
        if (!element) throw new Error(`${typeName}: '${path}' indexes a non-list at '${segment}'`);
        type = this.#checker.getNonNullableType(element);
      }
    }
    const name = (type.aliasSymbol ?? type.getSymbol())?.getName();
    const exported = name === undefined ? undefined : this.#resolved(name);
    if (!name || !exported || this.#checker.getDeclaredTypeOfSymbol(exported) !== type)
      throw new Error(`${typeName}: '${path}' leads to a type the package does not name`);
    return name;
  }

  /** An export, through its alias. */
  #resolved(name: string): ts.Symbol | undefined {
    const symbol = this.#exports.get(name);
    if (!symbol) return undefined;
    return symbol.flags & ts.SymbolFlags.Alias ? this.#checker.getAliasedSymbol(symbol) : symbol;
  }

  /**
   * The input members an operation writes into its URL (`httpLabel` in the command's schema),
   * with whether each is a string: the v3 serializer refuses an empty one with a plain Error.
   * None for commands without a schema (lib-dynamodb's, JSON protocols have no labels).
   */
  labelMembers(operation: string): { readonly name: string; readonly string: boolean }[] {
    const Command = this.#runtime[`${operation}Command`] as
      (new (input: object) => { readonly schema?: unknown }) | undefined;
    const schema = Command ? new Command({}).schema : undefined;
    if (!Array.isArray(schema)) return [];
    // An operation schema: [9, namespace, name, traits, input, output]; members may be thunks.
    const input: unknown =
      typeof schema[4] === 'function' ? (schema[4] as () => unknown)() : schema[4];
    const { NormalizedSchema } = this.#requireFromPackage('@smithy/core/schema') as {
      NormalizedSchema: { of(schema: unknown): NormalizedMember };
    };
    const labels: { name: string; string: boolean }[] = [];
    for (const [name, member] of NormalizedSchema.of(input).structIterator()) {
      if (member.getMergedTraits().httpLabel)
        labels.push({ name, string: member.isStringSchema() });
    }
    return labels;
  }

  /**
   * Where a value of the exported type `shape` is in the exported type `output`: `@` when
   * `output` is `shape` or extends it (Lambda's `UpdateFunctionConfigurationCommandOutput`
   * extends `FunctionConfiguration`), the name of the one member of type `shape` otherwise
   * (`TableDescription` of `UpdateTableCommandOutput`), or undefined when there is none or
   * more than one.
   */
  locate(output: string, shape: string): string | undefined {
    const outputType = this.#declaredType(output);
    const shapeType = this.#declaredType(shape);
    if (!outputType || !shapeType) return undefined;
    if (outputType === shapeType) return '@';
    const bases = outputType.isClassOrInterface() ? this.#checker.getBaseTypes(outputType) : [];
    if (bases.includes(shapeType as ts.BaseType)) return '@';
    const holders = this.#checker
      .getPropertiesOfType(outputType)
      .filter(
        (property) =>
          this.#checker.getNonNullableType(this.#checker.getTypeOfSymbol(property)) === shapeType,
      );
    return holders.length === 1 ? holders[0]?.getName() : undefined;
  }

  #declaredType(name: string): ts.Type | undefined {
    const symbol = this.#exports.get(name);
    if (!symbol) return undefined;
    const resolved =
      symbol.flags & ts.SymbolFlags.Alias ? this.#checker.getAliasedSymbol(symbol) : symbol;
    return this.#checker.getDeclaredTypeOfSymbol(resolved);
  }

  /** The members of an exported type, in declaration order; `$metadata` left out. */
  members(typeName: string): SdkMember[] {
    const symbol = this.#exports.get(typeName);
    if (!symbol) throw new Error(`the package exports no type '${typeName}'`);
    const resolved =
      symbol.flags & ts.SymbolFlags.Alias ? this.#checker.getAliasedSymbol(symbol) : symbol;
    const type = this.#checker.getDeclaredTypeOfSymbol(resolved);
    return this.#checker
      .getPropertiesOfType(type)
      .filter((property) => property.getName() !== '$metadata')
      .map((property) => ({
        name: property.getName(),
        optional: (property.flags & ts.SymbolFlags.Optional) !== 0,
        typeText: this.#checker.typeToString(this.#checker.getTypeOfSymbol(property)),
        ...this.#docOf(property),
      }));
  }
}
