/**
 * Runs the type tests (test/types) through the TypeScript compiler with the repo's
 * tsconfig, and proves they can fail: with the `@ts-expect-error` lines taken out, every line
 * they guarded is an error. The altered text is given to the compiler in memory, so no
 * broken file ever lands in the repo (other runs type-check it at the same time).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(__dirname, '..', '..');
const typesDir = join(root, 'test', 'types');
const files = readdirSync(typesDir)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join(typesDir, name));

let previous: ts.Program | undefined;

/** Type-checks test/types only, with `overrides` replacing file texts. */
function typeCheck(overrides: ReadonlyMap<string, string> = new Map()): readonly ts.Diagnostic[] {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(
    { ...config.config, include: ['test/types'] },
    ts.sys,
    root,
    { noEmit: true },
  );
  expect(parsed.errors).toEqual([]);
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => overrides.get(resolve(name)) ?? readFile(name);
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host,
    ...(previous && overrides.size > 0 ? { oldProgram: previous } : {}),
  });
  previous = program;
  return ts.getPreEmitDiagnostics(program);
}

function describeDiagnostic(d: ts.Diagnostic): string {
  const where =
    d.file && d.start !== undefined
      ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}`
      : '';
  return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
}

describe('type tests (test/types)', () => {
  it('has type test files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('compile', () => {
    expect(typeCheck().map(describeDiagnostic)).toEqual([]);
  });

  it('fail on every guarded line once its @ts-expect-error is removed', () => {
    const overrides = new Map<string, string>();
    const guarded = new Map<string, number[]>();
    for (const file of files) {
      const lines = readFileSync(file, 'utf8').split('\n');
      const marked = lines.flatMap((line, i) =>
        /^\s*\/\/ @ts-expect-error/.test(line) ? [i] : [],
      );
      // Blank the directive lines (keeping line numbers): the next line is then unguarded.
      for (const i of marked) lines[i] = '';
      overrides.set(file, lines.join('\n'));
      guarded.set(
        file,
        marked.map((i) => i + 2),
      );
    }
    expect([...guarded.values()].flat().length).toBeGreaterThanOrEqual(9);

    const errorLines = new Map<string, Set<number>>();
    for (const d of typeCheck(overrides)) {
      expect(d.file).toBeDefined();
      const file = resolve(d.file!.fileName);
      const line = d.file!.getLineAndCharacterOfPosition(d.start ?? 0).line + 1;
      if (!errorLines.has(file)) errorLines.set(file, new Set());
      errorLines.get(file)!.add(line);
    }
    for (const [file, lines] of guarded) {
      const failing = errorLines.get(file) ?? new Set<number>();
      // Each guarded line fails on its own, and nothing else does.
      expect(lines.filter((line) => !failing.has(line))).toEqual([]);
      expect([...failing].filter((line) => !lines.includes(line))).toEqual([]);
    }
  });
});
