/**
 * The `aws-resources` command, shipped compiled as dist/cli/index.js:
 *
 *   npx aws-resources generate <definition.json> --out <folder>
 *
 * validates a definition of the user's own against the schema, checks every name it uses
 * against the v3 client installed in the user's project, and writes typed classes into the
 * folder, importing only `aws-resources/extension` and the client. The TypeScript compiler
 * (which reads the client's types) and prettier (which formats, when present) are the
 * project's own, resolved from it.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

/** The header every generated file starts with; files that have it may be replaced. */
const COMMAND = 'npx aws-resources generate';

const USAGE = `Usage: aws-resources generate <definition.json> --out <folder>

Writes typed classes for the resource definition into <folder>; <folder>/index.ts exports
the service class. Run it in your project: it reads the v3 client the definition names, and
needs \`typescript\` installed there (npm install --save-dev typescript).`;

/** A failure to report as it is, without a stack trace. */
class UsageError extends Error {}

interface Args {
  readonly definition: string;
  readonly out: string;
}

function parseArgs(argv: readonly string[]): Args | 'help' {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return 'help';
  const [command, ...rest] = argv;
  if (command !== 'generate') throw new UsageError(`unknown command '${command}'\n\n${USAGE}`);
  let out: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] ?? '';
    if (arg === '--out' || arg === '-o') out = rest[++i];
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg.startsWith('-')) throw new UsageError(`unknown option '${arg}'\n\n${USAGE}`);
    else positional.push(arg);
  }
  if (positional.length !== 1 || !positional[0])
    throw new UsageError(`give one definition file\n\n${USAGE}`);
  if (!out) throw new UsageError(`give the output folder: --out <folder>\n\n${USAGE}`);
  return { definition: resolve(positional[0]), out: resolve(out) };
}

/** The nearest folder at or above `from` holding a package.json: the user's project. */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new UsageError(`no package.json at or above ${from}`);
  }
}

/** The schema shipped with the package (`resource-definitions/schema.json`). */
function schemaFile(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'resource-definitions', 'schema.json');
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) throw new Error('resource-definitions/schema.json is missing');
  }
}

/** The project's prettier, to format like the rest of its code; undefined when it has none. */
function projectPrettier(root: string): typeof import('prettier') | undefined {
  try {
    return createRequire(join(root, 'package.json'))('prettier') as typeof import('prettier');
  } catch {
    return undefined;
  }
}

async function generate(args: Args): Promise<void> {
  const root = projectRoot(process.cwd());
  const label = relative(process.cwd(), args.definition) || args.definition;
  try {
    createRequire(join(root, 'package.json')).resolve('typescript');
  } catch {
    throw new UsageError(
      `aws-resources generate reads the client's types with the TypeScript compiler: install it in ${root} (npm install --save-dev typescript)`,
    );
  }
  // Loaded after the check above: the generator's modules load the TypeScript compiler.
  const { loadDefinition } = await import('../../src/core/definition-loader.js');
  const { checkAgainstClient } = await import('../generator/check-client.js');
  const { renderServiceFiles } = await import('../generator/service-files.js');
  const { DefinitionError } = await import('../../src/core/errors.js');

  const definition = (() => {
    try {
      return loadDefinition(args.definition, schemaFile());
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error;
      // One problem a line: `<file>: $.path: problem`.
      const all = `${error.jsonPath}: ${error.problem}`.split('; ');
      throw new UsageError(all.map((problem) => `${label}: ${problem}`).join('\n'));
    }
  })();
  const problems: { path: string; problem: string }[] = [];
  const containers: [object, string][] = [
    [definition.service, '$.service'],
    ...Object.entries(definition.resources).map(([type, r]): [object, string] => [
      r,
      `$.resources.${type}`,
    ]),
  ];
  for (const [container, path] of containers) {
    // Those name hand-written modules beside the generated folder, which users do not have.
    for (const member of ['customized', 'handWritten', 'clientAdapter'] as const) {
      if (member in container)
        problems.push({
          path: `${path}.${member}`,
          problem: `is for this package's own services; the generate command writes generated classes only (extend them in your own code)`,
        });
    }
  }
  problems.push(...checkAgainstClient(definition, root));
  if (problems.length > 0) {
    throw new UsageError(
      problems.map(({ path, problem }) => `${label}: ${path}: ${problem}`).join('\n'),
    );
  }

  const files = (() => {
    try {
      return renderServiceFiles(definition, {
        outDir: args.out,
        root,
        sourceFile: relative(root, args.definition).split('\\').join('/'),
        target: { engine: 'aws-resources/extension', command: COMMAND },
      });
    } catch (error) {
      throw new UsageError(`${label}: ${(error as Error).message}`);
    }
  })();
  const prettier = projectPrettier(root);
  if (prettier) {
    const options = (await prettier.resolveConfig(join(args.out, 'index.ts'))) ?? {};
    for (const [file, text] of files)
      files.set(file, await prettier.format(text, { ...options, filepath: file }));
  }
  mkdirSync(args.out, { recursive: true });
  // Files an earlier run generated that this one does not (a resource type renamed).
  for (const name of readdirSync(args.out)) {
    const file = join(args.out, name);
    if (!name.endsWith('.ts') || files.has(file)) continue;
    if (readFileSync(file, 'utf8').startsWith(`// Generated by \`${COMMAND}\``)) rmSync(file);
  }
  for (const [file, text] of files) writeFileSync(file, text);
  console.log(
    `wrote ${files.size} files to ${relative(process.cwd(), args.out) || '.'}: ` +
      `import { ${definition.service.className} } from its index.ts`,
  );
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      console.log(USAGE);
      return 0;
    }
    await generate(args);
    return 0;
  } catch (error) {
    console.error(error instanceof UsageError ? error.message : error);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
