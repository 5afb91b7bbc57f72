#!/usr/bin/env node
/**
 * Builds dist/ from src/:
 *   dist/esm  ES modules     + {"type":"module"}   + .d.ts (tsc -p tsconfig.build.json)
 *   dist/cjs  CommonJS       + {"type":"commonjs"} + the same .d.ts, copied
 * Each src/**\/*.ts is transpiled on its own by esbuild (no bundling), so relative imports
 * written NodeNext-style with `.js` keep working in both outputs.
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

const entryPoints = walk(src, (name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));

if (entryPoints.length > 0) {
  const common = {
    entryPoints,
    outbase: src,
    bundle: false,
    platform: 'node',
    target: 'node20',
    sourcemap: false,
    logLevel: 'warning',
  };
  step(`esbuild: ${entryPoints.length} files -> dist/esm, dist/cjs`);
  await Promise.all([
    build({ ...common, format: 'esm', outdir: esmDir }),
    build({ ...common, format: 'cjs', outdir: cjsDir }),
  ]);
} else {
  step('no src/**/*.ts yet: nothing to transpile');
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
