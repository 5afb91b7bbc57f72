/**
 * The public boundary: every name a user can import from the package's entry points is
 * documented and marked `@public`, the root entry exports none of the engine, and the engine is
 * reachable through the one extension subpath only.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, unknown>;
};

const applicationEntries = Object.keys(pkg.exports)
  .filter((path) => path !== './package.json' && path !== './extension')
  .map((path) => (path === '.' ? 'src/index.ts' : `src/resources/${path.slice(2)}/index.ts`));

const program = ts.createProgram(
  applicationEntries.map((file) => join(root, file)),
  {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  },
);
const checker = program.getTypeChecker();

/** Every name an entry exports, with whether its declaration says `@public` and has a summary. */
function exportsOf(file: string): { name: string; public: boolean; documented: boolean }[] {
  const source = program.getSourceFile(join(root, file));
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`cannot read ${file}`);
  return checker.getExportsOfModule(moduleSymbol).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declarations = target.getDeclarations() ?? [];
    // Names re-exported from the SDK (`NumberValue`, its exception classes) are its own.
    const fromSdk = declarations.every((d) => d.getSourceFile().fileName.includes('node_modules'));
    const tags = declarations.flatMap((d) => ts.getJSDocTags(d).map((tag) => tag.tagName.text));
    const documented = target.getDocumentationComment(checker).length > 0;
    return {
      name: symbol.getName(),
      public: fromSdk || tags.includes('public'),
      documented: fromSdk || documented,
    };
  });
}

describe('the public boundary', () => {
  it.each(applicationEntries)('%s exports only documented, @public names', (file) => {
    const exported = exportsOf(file);
    expect(exported.length).toBeGreaterThan(3);
    expect(exported.filter((e) => !e.public).map((e) => e.name)).toEqual([]);
    expect(exported.filter((e) => !e.documented).map((e) => e.name)).toEqual([]);
  });

  it('exports none of the engine from the root entry point', () => {
    const names = exportsOf('src/index.ts').map((e) => e.name);
    for (const internal of [
      'runAction',
      'ServiceModel',
      'resolveClient',
      'ActionSpec',
      'OWNER',
      'construct',
      'ServiceModelDefinition',
      'field',
    ]) {
      expect(names).not.toContain(internal);
    }
  });

  it('reaches the engine through aws-resources/extension only', () => {
    const subpaths = Object.keys(pkg.exports);
    expect(subpaths).toContain('./extension');
    expect(
      subpaths
        .filter((path) => !['.', './extension', './package.json'].includes(path))
        .every((path) => /^\.\/[a-z0-9]+$/.test(path)),
    ).toBe(true);
  });
});
