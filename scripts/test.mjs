#!/usr/bin/env node
/**
 * `npm test`: install what is missing, then generate --check, build, lint, typecheck, jest.
 * Stops at the first failing step and names it. Extra arguments go to jest:
 *   npm test -- test/integration/harness.test.ts
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
const started = Date.now();

function header(name) {
  console.log(`\n=== ${name} ${'='.repeat(Math.max(3, 72 - name.length))}`);
}

function run(name, command, args, after = () => {}) {
  header(name);
  const t = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    env,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  after();
  if (result.error || result.status !== 0) {
    const why = result.error
      ? result.error.message
      : result.signal
        ? `signal ${result.signal}`
        : `exit code ${result.status}`;
    console.error(`\n✖ npm test: step "${name}" failed (${why})`);
    process.exit(result.status || 1);
  }
  console.log(`--- ${name}: ok (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

/** node_modules is missing, or older than the lockfile (npm's own record of the install). */
function needsInstall() {
  const modules = join(root, 'node_modules');
  if (!existsSync(modules)) return 'node_modules is missing';
  const lock = join(root, 'package-lock.json');
  if (!existsSync(lock)) return undefined;
  const hidden = join(modules, '.package-lock.json');
  const installedAt = statSync(existsSync(hidden) ? hidden : modules).mtimeMs;
  return statSync(lock).mtimeMs > installedAt
    ? 'package-lock.json is newer than node_modules'
    : undefined;
}

const reason = needsInstall();
if (reason) {
  const hasLock = existsSync(join(root, 'package-lock.json'));
  run(`install (${reason})`, npm, hasLock ? ['ci'] : ['install']);
}

if (existsSync(join(root, 'scripts', 'generate.ts'))) {
  run('generate --check', npm, ['run', 'generate', '--', '--check']);
}
run('build', npm, ['run', 'build']);
run('lint', npm, ['run', 'lint']);
run('typecheck', npm, ['run', 'typecheck']);
const results = join(root, 'node_modules', '.cache', 'aws-resources-jest.json');
mkdirSync(dirname(results), { recursive: true });
rmSync(results, { force: true });
run(
  'jest',
  npx,
  ['jest', '--ci', '--json', `--outputFile=${results}`, ...process.argv.slice(2)],
  () => {
    // One plain closing line that any CI reads the same way, whatever the runner prints.
    if (!existsSync(results)) return;
    const summary = JSON.parse(readFileSync(results, 'utf8'));
    console.log(`\ntests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed`);
  },
);

console.log(`\n✔ npm test: all steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
