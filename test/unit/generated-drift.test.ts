/**
 * The generated classes are committed; this fails when they drift from the definitions
 * (someone edited a generated file, or changed a definition without `npm run generate`).
 *
 * `generateService` runs in a child process under tsx: it formats with prettier, whose
 * dynamic `import()` cannot run inside Jest's VM without --experimental-vm-modules.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');
const definitionsDir = join(root, 'resource-definitions');
const definitions = readdirSync(definitionsDir)
  .filter((name) => name.endsWith('.json') && name !== 'schema.json')
  .sort();

/** What scripts/generate.ts's `generateService` makes of one definition: path → text. */
function generate(definitionFile: string): Map<string, string> {
  const code = `
    const { generateService } = require(${JSON.stringify(join(root, 'scripts', 'generate.ts'))});
    generateService(${JSON.stringify(definitionFile)}).then(
      (files) => process.stdout.write(JSON.stringify([...files])),
      (error) => { console.error(error); process.exit(1); },
    );`;
  const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), '-e', code], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (result.status !== 0) throw new Error(`generateService failed:\n${result.stderr}`);
  return new Map(JSON.parse(result.stdout) as [string, string][]);
}

describe('generated files', () => {
  it('include s3', () => {
    expect(definitions).toContain('s3.json');
  });

  it.each(definitions)(
    'match what %s generates, with no extra files',
    (name) => {
      const generated = generate(join(definitionsDir, name));
      const dir = join(root, 'src', 'resources', name.replace(/\.json$/, ''), 'generated');
      const rel = (files: Iterable<string>) =>
        [...files].map((file) => relative(root, file)).sort();
      expect(generated.size).toBeGreaterThan(1);
      expect(rel(readdirSync(dir).map((file) => join(dir, file)))).toEqual(rel(generated.keys()));
      const drifted = [...generated]
        .filter(([file, text]) => readFileSync(file, 'utf8') !== text)
        .map(([file]) => relative(root, file));
      // On failure: run `npm run generate` (never edit generated files by hand).
      expect(drifted).toEqual([]);
    },
    60_000,
  );
});
