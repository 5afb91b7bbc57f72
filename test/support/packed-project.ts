/**
 * The package as npm ships it, installed into a fresh project: `npm pack` of the built repo
 * (scripts skipped: the test run has built it), then `npm install` of the tarball into an
 * empty folder. The tarball's dependencies (the @aws-sdk packages) come from npm's cache
 * (`--prefer-offline`): they are the repo's own, so the repo's install put them there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, root } from './scripts.js';

export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The environment consumers run in: the SDK's Node version warning off. */
export const consumerEnv = {
  ...process.env,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** A fresh project with the packed package installed. */
export interface PackedProject {
  /** The project's folder. */
  readonly dir: string;
  /** The tarball's path. */
  readonly tarball: string;
  /** The paths the tarball holds. */
  readonly files: readonly string[];
  /** Milliseconds spent in `npm pack` and in `npm install`. */
  readonly timings: { readonly pack: number; readonly install: number };
}

/**
 * Packs the repo into a new temporary folder and installs the tarball there, in a project
 * of `type` (`commonjs` by default).
 *
 * @example
 * ```ts
 * const { dir } = packedProject('aws-resources-pack-');
 * ```
 */
export function packedProject(
  prefix: string,
  type: 'commonjs' | 'module' = 'commonjs',
): PackedProject {
  assertBuilt();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  let started = Date.now();
  const packed = execFileSync(
    npm,
    ['pack', '--ignore-scripts', '--json', '--pack-destination', dir],
    { cwd: root, encoding: 'utf8', env: consumerEnv },
  );
  const pack = Date.now() - started;
  const [info] = JSON.parse(packed) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (!info) throw new Error(`npm pack printed no package: ${packed}`);
  const tarball = join(dir, info.filename);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type }),
  );
  started = Date.now();
  execFileSync(
    npm,
    ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: dir, encoding: 'utf8', env: consumerEnv },
  );
  const install = Date.now() - started;
  return { dir, tarball, files: info.files.map((f) => f.path), timings: { pack, install } };
}

/** The strict compiler options a Node project on TypeScript would use (NodeNext). */
export function strictTsconfig(compilerOptions: object, files: readonly string[]): string {
  return JSON.stringify({
    compilerOptions: {
      strict: true,
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      target: 'ES2022',
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      // A Node project has @types/node; this one borrows the repo's.
      typeRoots: [join(root, 'node_modules', '@types')],
      types: ['node'],
      ...compilerOptions,
    },
    files,
  });
}

/**
 * Runs the repo's `tsc -p tsconfig.json` in `dir`: what it printed ('' when it is content).
 *
 * @example
 * ```ts
 * expect(tsc(dir)).toBe('');
 * ```
 */
export function tsc(dir: string): string {
  const bin = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    return execFileSync(process.execPath, [bin, '-p', 'tsconfig.json'], {
      cwd: dir,
      encoding: 'utf8',
    });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}
