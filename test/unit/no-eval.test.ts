/**
 * No code from strings anywhere in the runtime: no `eval(`, no `new Function(`, no `node:vm`,
 * in src/ and in the built dist/ bundles (only their own modules: esbuild marks each
 * module's code with a `// path` line; dependencies stay external, and would be skipped).
 * The generate command (dist/cli) is not the runtime: no entry point of the package loads it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const FORBIDDEN: ReadonlyArray<[string, RegExp]> = [
  ['eval(', /(?<![\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['node:vm', /['"](?:node:)?vm['"]/],
];

function filesBelow(dir: string, extension: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extension.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The code of a bundle that comes from this package's sources (`// src/...` sections). */
function ownCode(bundle: string): string {
  const sections = bundle.split(/^(?=\/\/ (?:src|node_modules)\/)/m);
  return sections.filter((section) => !section.startsWith('// node_modules/')).join('');
}

function findings(files: readonly string[], read: (file: string) => string): string[] {
  return files.flatMap((file) => {
    const lines = read(file).split('\n');
    return lines.flatMap((line, i) =>
      FORBIDDEN.filter(([, pattern]) => pattern.test(line)).map(
        ([name]) => `${relative(root, file)}:${i + 1}: ${name}`,
      ),
    );
  });
}

describe('no eval or new Function in the runtime', () => {
  it('the patterns catch what they must, and not FunctionInvocationError or lambda.Function()', () => {
    const hits = (code: string) => FORBIDDEN.filter(([, p]) => p.test(code)).map(([n]) => n);
    expect(hits('const f = eval("1")')).toEqual(['eval(']);
    expect(hits('return new Function("a", "return a")')).toEqual(['new Function']);
    expect(hits("import { runInNewContext } from 'node:vm';")).toEqual(['node:vm']);
    expect(hits('throw new FunctionInvocationError(target)')).toEqual([]);
    expect(hits("lambda.Function('resize'); retrieval(x); obj.eval(1)")).toEqual([]);
  });

  it('src/ has none', () => {
    const files = filesBelow(join(root, 'src'), /\.ts$/);
    expect(files.length).toBeGreaterThan(50);
    expect(findings(files, (f) => readFileSync(f, 'utf8'))).toEqual([]);
  });

  it('the built dist/ bundles have none', () => {
    const dist = join(root, 'dist');
    if (!existsSync(join(dist, 'esm', 'index.js')) || !existsSync(join(dist, 'cjs', 'index.js'))) {
      throw new Error('dist/ is not built: run `npm run build` (npm test builds before jest)');
    }
    // dist/cli is the `aws-resources generate` command, a development tool that no import of
    // the package reaches (asserted below); its schema validator (ajv) compiles code.
    const cli = join(dist, 'cli');
    const bundles = filesBelow(dist, /\.(?:c|m)?js$/).filter((f) => !f.startsWith(cli + '/'));
    expect(bundles.length).toBeGreaterThanOrEqual(10);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as object;
    expect(JSON.stringify((pkg as { exports?: unknown }).exports)).not.toContain('dist/cli');
    expect(findings(bundles, (f) => ownCode(readFileSync(f, 'utf8')))).toEqual([]);
  });
});
