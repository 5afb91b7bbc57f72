import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** Milliseconds a fresh node process spends in `require(target)` (median of `runs`). */
function importMs(target: string, runs: number): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(target)}); console.log(Number(process.hrtime.bigint() - t) / 1e6);`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = spawnSync(process.execPath, ['-e', script], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    if (result.status !== 0) throw new Error(`require(${target}) failed: ${result.stderr}`);
    times.push(Number(result.stdout.trim()));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Cold `require` of the built `aws-resources/s3` against `@aws-sdk/client-s3`. */
export function coldImport(smoke: boolean): { rawMs: number; libMs: number } {
  const built = join(root, 'dist', 'cjs', 'resources', 's3', 'index.js');
  if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` first');
  const runs = smoke ? 3 : 15;
  const raw: number[] = [];
  const lib: number[] = [];
  for (let i = 0; i < runs; i++) {
    raw.push(importMs('@aws-sdk/client-s3', 1));
    lib.push(importMs(built, 1));
  }
  raw.sort((a, b) => a - b);
  lib.sort((a, b) => a - b);
  return { rawMs: raw[Math.floor(runs / 2)] ?? 0, libMs: lib[Math.floor(runs / 2)] ?? 0 };
}
