/**
 * The API reference (`npm run docs`, TypeDoc) covers every entry point the package exports,
 * each under the name users import it by, and is generated, not committed.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

const pkg = JSON.parse(read('package.json')) as {
  exports: Record<string, unknown>;
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
const typedoc = JSON.parse(read('typedoc.json')) as { entryPoints: string[]; out: string };

/** `.` → src/index.ts, `./extension` → src/core/index.ts, `./s3` → src/resources/s3/index.ts. */
const entries = Object.keys(pkg.exports)
  .filter((path) => path !== './package.json')
  .map((path) => ({
    importPath: path === '.' ? 'aws-resources' : `aws-resources/${path.slice(2)}`,
    source:
      path === '.'
        ? 'src/index.ts'
        : path === './extension'
          ? 'src/core/index.ts'
          : `src/resources/${path.slice(2)}/index.ts`,
  }));

describe('the API reference configuration', () => {
  it('documents every exported entry point, and nothing else', () => {
    expect([...typedoc.entryPoints].sort()).toEqual(entries.map((e) => e.source).sort());
    expect(entries.length).toBeGreaterThanOrEqual(5);
  });

  it.each(entries.map((e) => [e.importPath, e.source] as const))(
    'names %s by its import path',
    (importPath, source) => {
      expect(read(source)).toMatch(new RegExp(`^ \\* @module ${importPath}$`, 'm'));
    },
  );

  it('is generated on demand by npm run docs into an ignored folder', () => {
    expect(pkg.scripts.docs).toBe('typedoc');
    expect(pkg.devDependencies.typedoc).toMatch(/^\^0\.28\./);
    expect(typedoc.out).toBe('docs/api');
    expect(read('.gitignore').split('\n')).toContain('docs/api/');
  });
});
