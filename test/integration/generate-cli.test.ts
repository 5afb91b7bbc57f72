/**
 * `npx aws-resources generate`, from the outside: the packed package installed into a fresh
 * strict-TypeScript project with its own `typescript` and `@aws-sdk/client-ssm`, the worked
 * example of docs/extending.md (its `ssm.json` and `src/main.ts`, taken from the doc) generated,
 * compiled by `tsc` and run against the emulator. A broken copy of the definition is refused
 * with the errors the doc shows, and nothing is written.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { testEndpoint } from '../support/emulator.js';
import { consumerEnv, npm, packedProject, strictTsconfig, tsc } from '../support/packed-project.js';
import { root } from '../support/scripts.js';

/** The blocks of docs/extending.md that follow `<!-- file: <path> -->`, by path. */
function docFiles(): Map<string, string> {
  const text = readFileSync(join(root, 'docs', 'extending.md'), 'utf8');
  const files = new Map<string, string>();
  for (const match of text.matchAll(/<!-- file: (\S+) -->\s*```\w+\n([\s\S]*?)```/g))
    files.set(match[1] ?? '', match[2] ?? '');
  return files;
}

/** The version of a package the repo has installed (so npm finds it in its cache). */
function repoVersion(name: string): string {
  const file = join(root, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Counts the requests of the generated service, by operation; not in the doc. */
const COUNTS = `
import { ParamValidationError } from 'aws-resources';
import { SSM } from './aws/index.js';

const ssm = new SSM({ region: 'us-east-1' });
const sent: string[] = [];
ssm.meta.client.middlewareStack.add(
  (next, context) => (args) => {
    sent.push(String(context.commandName).replace(/Command$/, ''));
    return next(args);
  },
  { step: 'initialize' },
);
const a = await ssm.putParameter({ Name: '/count/a', Value: 'A', Type: 'String' });
await ssm.putParameter({ Name: '/count/b', Value: 'B', Type: 'String' });
const report: Record<string, unknown> = {};
sent.length = 0;
const values = [];
for await (const p of ssm.parametersByPath.filter({ Path: '/count' })) values.push(await p.value);
report.byPath = { values: values.sort(), sent: [...sent] };
sent.length = 0;
report.value = [await a.value, await a.type, [...sent]];
sent.length = 0;
let refused = '';
try {
  ssm.Parameter('');
} catch (error) {
  refused = error instanceof ParamValidationError ? (error as Error).name : String(error);
}
report.empty = [refused, [...sent]];
await a.delete();
await ssm.Parameter('/count/b').delete();
console.log(JSON.stringify(report));

// Misuses the compiler refuses; never run.
if (values.length < 0) {
  // @ts-expect-error GetParametersByPath needs a Path
  ssm.parametersByPath.filter({ Recursive: true });
  // @ts-expect-error the definition fills Name
  await a.put({ Name: '/other', Value: 'x' });
  // @ts-expect-error Value is a string
  const value: number | undefined = await a.value;
  void value;
}
`;

let dir: string | undefined;
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('npx aws-resources generate, in a fresh strict TypeScript project', () => {
  it('generates the worked example of docs/extending.md, which compiles and runs on the emulator', () => {
    const project = packedProject('aws-resources-generate-', 'module');
    dir = project.dir;
    expect(project.files).toContain('dist/cli/index.js');
    execFileSync(
      npm,
      [
        'install',
        '--save-dev',
        `typescript@${repoVersion('typescript')}`,
        `@aws-sdk/client-ssm@${repoVersion('@aws-sdk/client-ssm')}`,
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
      ],
      { cwd: dir, encoding: 'utf8', env: consumerEnv },
    );
    const files = docFiles();
    expect([...files.keys()].sort()).toEqual(['src/main.ts', 'ssm.json']);
    for (const [path, text] of files) {
      mkdirSync(join(dir, dirname(path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    writeFileSync(join(dir, 'src', 'counts.ts'), COUNTS);
    const cli = (args: string[]) =>
      spawnSync(npm, ['exec', '--offline', '--', 'aws-resources', ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: consumerEnv,
      });

    // A broken copy: every problem by its JSON path, and nothing written.
    const model = readFileSync(join(dir, 'ssm.json'), 'utf8');
    writeFileSync(
      join(dir, 'broken.json'),
      model
        .replace('"shape": "Parameter"', '"shape": "Parameters"')
        .replace('"WithDecryption"', '"WithDecrypt"')
        .replace('"DeleteParameter"', '"DeleteParam"'),
    );
    const broken = cli(['generate', 'broken.json', '--out', 'src/broken/']);
    expect(broken.status).toBe(1);
    expect(broken.stderr.trim().split('\n')).toEqual([
      'broken.json: $.resources.Parameter.shape: @aws-sdk/client-ssm exports no type Parameters',
      "broken.json: $.resources.Parameter.load.request.params[1].target: GetParameterCommandInput has no member 'WithDecrypt'",
      'broken.json: $.resources.Parameter.actions.Delete.request.operation: @aws-sdk/client-ssm exports no DeleteParamCommand',
    ]);
    writeFileSync(
      join(dir, 'invalid.json'),
      model.replace('"operation": "DeleteParameter"', '"operaton": "DeleteParameter"'),
    );
    const invalid = cli(['generate', 'invalid.json', '--out', 'src/broken/']);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr.trim().split('\n')).toEqual([
      "invalid.json: $.resources.Parameter.actions.Delete.request: missing member 'operation'",
      "invalid.json: $.resources.Parameter.actions.Delete.request: unknown member 'operaton'",
    ]);
    expect(existsSync(join(dir, 'src', 'broken'))).toBe(false);

    // The worked example.
    const generated = cli(['generate', 'ssm.json', '--out', 'src/aws/']);
    expect(generated.stderr).toBe('');
    expect(generated.status).toBe(0);
    const out = join(dir, 'src', 'aws');
    expect(readdirSync(out).sort()).toEqual([
      'collections.ts',
      'index.ts',
      'parameter.ts',
      'service.ts',
      'spec.ts',
    ]);
    const imported = new Set(
      readdirSync(out).flatMap((name) =>
        [...readFileSync(join(out, name), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]),
      ),
    );
    expect([...imported].filter((from) => !from?.startsWith('./')).sort()).toEqual([
      '@aws-sdk/client-ssm',
      'aws-resources/extension',
    ]);
    expect(readFileSync(join(out, 'index.ts'), 'utf8')).toContain(
      "export { SSM } from './service.js';",
    );

    writeFileSync(
      join(dir, 'tsconfig.json'),
      strictTsconfig({ outDir: 'out', rootDir: 'src' }, ['src/main.ts', 'src/counts.ts']),
    );
    expect(tsc(dir)).toBe('');
    const env = { ...consumerEnv, AWS_ENDPOINT_URL: testEndpoint() };
    const run = (file: string) =>
      execFileSync(process.execPath, [join(dir ?? '', 'out', file)], {
        cwd: dir,
        encoding: 'utf8',
        env,
      });
    expect(run('main.js').trim().split('\n')).toEqual([
      '/shop/db/host db-1',
      'db-2 2',
      '/shop/db/host db-2',
      '/shop/db/port 5432',
      "[ '/shop/db/host', '/shop/db/port' ]",
      '1 db-1',
      '2 db-2',
      'false',
      'true',
    ]);
    expect(JSON.parse(run('counts.js'))).toEqual({
      // One page: the values come with it.
      byPath: { values: ['A', 'B'], sent: ['GetParametersByPath'] },
      // One load for both attributes.
      value: ['A', 'String', ['GetParameter']],
      empty: ['IdentifierError', []],
    });
  }, 600_000);
});
