#!/usr/bin/env node
/**
 * Builds dist/ from src/:
 *   dist/esm  ES modules     + {"type":"module"}   + .d.ts (tsc -p tsconfig.build.json)
 *   dist/cjs  CommonJS       + {"type":"commonjs"} + the same .d.ts, copied
 * esbuild bundles each entry point; tsc writes the declarations file by file.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
const esmDir = join(dist, 'esm');
const cjsDir = join(dist, 'cjs');

/** Every file under `dir` (recursively) whose name passes `keep`. */
function walk(dir, keep) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path, keep);
    return entry.isFile() && keep(entry.name) ? [path] : [];
  });
}

function step(name) {
  console.log(`[build] ${name}`);
}

const started = Date.now();
rmSync(dist, { recursive: true, force: true });
mkdirSync(esmDir, { recursive: true });
mkdirSync(cjsDir, { recursive: true });

/*
 * One bundle per entry point (the root, the shared core, each service), so importing a
 * service compiles a handful of files instead of dozens (cold start). Every bundle imports
 * the core bundle instead of copying it, so there is one `Resource` and one set of error
 * classes whichever entry points a program uses. npm packages stay external.
 */
const coreEntry = join(src, 'core', 'index.ts');
const serviceEntries = walk(join(src, 'resources'), (name) => name === 'index.ts').filter(
  (file) => dirname(dirname(file)) === join(src, 'resources'),
);
const entryPoints = [coreEntry, join(src, 'index.ts'), ...serviceEntries].filter(existsSync);

/** True for files of the engine (src/core, src/collections), which only the core bundle holds. */
function isEngineFile(file) {
  return [join(src, 'core'), join(src, 'collections')].some((dir) => file.startsWith(dir + '/'));
}

/** Resolves imports of the core from other bundles to the core bundle, as an external. */
function sharedCore(outRoot, entry) {
  return {
    name: 'shared-core',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\./ }, (args) => {
        const target = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
        if (entry === coreEntry || !isEngineFile(target)) return undefined;
        if (target !== coreEntry) {
          // Any other engine file would be copied into this bundle, with its own classes.
          const file = relative(root, args.importer);
          return {
            errors: [
              { text: `${file} imports ${args.path}: import the engine from core/index.js` },
            ],
          };
        }
        const from = dirname(join(outRoot, relative(src, entry)));
        let path = relative(from, join(outRoot, 'core', 'index.js'));
        if (!path.startsWith('.')) path = `./${path}`;
        return { path, external: true };
      });
    },
  };
}

if (entryPoints.length > 0) {
  step(`esbuild: ${entryPoints.length} bundles -> dist/esm, dist/cjs`);
  const builds = entryPoints.flatMap((entry) =>
    [
      ['esm', esmDir],
      ['cjs', cjsDir],
    ].map(([format, outRoot]) =>
      build({
        entryPoints: [entry],
        outfile: join(outRoot, relative(src, entry)).replace(/\.ts$/, '.js'),
        bundle: true,
        packages: 'external',
        format,
        platform: 'node',
        target: 'node20',
        sourcemap: false,
        // Less to parse at startup (cold start); names stay, so stack traces still read.
        minifyWhitespace: true,
        minifySyntax: true,
        logLevel: 'warning',
        plugins: [sharedCore(outRoot, entry)],
      }),
    ),
  );
  await Promise.all(builds);
} else {
  step('no src/**/*.ts yet: nothing to bundle');
}

/*
 * The `aws-resources generate` command (package.json `bin`): the generator in one CommonJS
 * file. The TypeScript compiler and prettier stay out: they are the user's project's own
 * (TypeScript an optional peer dependency), as are the v3 clients it reads.
 */
const cliEntry = join(root, 'scripts', 'cli', 'aws-resources.ts');
if (existsSync(cliEntry)) {
  step('esbuild: the generate command -> dist/cli/index.js');
  await build({
    entryPoints: [cliEntry],
    outfile: join(dist, 'cli', 'index.js'),
    bundle: true,
    external: ['typescript', 'prettier'],
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
}

writeFileSync(join(esmDir, 'package.json'), JSON.stringify({ type: 'module' }, null, 2) + '\n');
writeFileSync(join(cjsDir, 'package.json'), JSON.stringify({ type: 'commonjs' }, null, 2) + '\n');

if (entryPoints.length > 0) {
  step('tsc -p tsconfig.build.json (declarations -> dist/esm)');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('[build] tsc failed');
    process.exit(result.status ?? 1);
  }
  const declarations = walk(esmDir, (name) => name.endsWith('.d.ts'));
  for (const file of declarations) {
    const target = join(cjsDir, relative(esmDir, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
  step(`copied ${declarations.length} .d.ts files to dist/cjs`);
}

step(`done in ${Date.now() - started} ms`);
