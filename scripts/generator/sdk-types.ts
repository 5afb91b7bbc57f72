import { createRequire } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';

/** One member of a v3 type. */
export interface SdkMember {
  readonly name: string;
  readonly optional: boolean;
  /** The member's type, as TypeScript prints it (for doc examples). */
  readonly typeText: string;
}

/**
 * Reads the exported types of a v3 client package with the TypeScript checker, so the
 * generator knows each input's required members and each shape's attributes.
 */
export class SdkTypes {
  readonly #checker: ts.TypeChecker;
  readonly #exports: Map<string, ts.Symbol>;
  readonly #values: Set<string>;

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
    const runtime = createRequire(join(root, 'package.json'))(packageName) as Record<
      string,
      unknown
    >;
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
      }));
  }
}
