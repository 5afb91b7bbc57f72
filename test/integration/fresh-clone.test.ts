/**
 * The README's quick start on what a newcomer has: a clone with no node_modules. The scripts
 * behind `npm run demo` and `npm run repl` must start there (their own install step runs
 * later), so `--help` answers at once. `npm test` itself is what CI runs on a fresh clone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../support/scripts.js';

describe('a fresh clone with no node_modules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aws-resources-clone-'));
  const clone = join(dir, 'repo');

  beforeAll(() => {
    execFileSync('git', ['clone', '--quiet', root, clone]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has no node_modules to lean on', () => {
    expect(existsSync(join(clone, 'node_modules'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
  });

  it.each([
    ['demo.mjs', /^npm run demo/],
    ['repl.mjs', /^npm run repl/],
  ])('starts scripts/%s and prints its help', (script, usage) => {
    const run = spawnSync(process.execPath, [join('scripts', script), '--help'], {
      cwd: clone,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(usage);
  });
});
