/**
 * Runs the repo's scripts (`npm run repl`, `npm run demo`) as a user runs them: child node
 * processes on the built library (dist/, made by `npm test`'s build step), in an
 * environment that cannot reach AWS.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(__dirname, '..', '..');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/<script> ...args` with `input` on stdin, in an environment that cannot reach AWS. */
export function runScript(
  script: string,
  args: string[],
  input = '',
  env: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(root, 'scripts', script), ...args], {
      cwd: root,
      env: {
        ...withoutProfile(process.env),
        AWS_RESOURCES_SKIP_PREPARE: '1',
        // Were anything to go to AWS by mistake, it would go nowhere, with no credentials.
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
        AWS_ACCESS_KEY_ID: 'none',
        AWS_SECRET_ACCESS_KEY: 'none',
        AWS_EC2_METADATA_DISABLED: 'true',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

function withoutProfile(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { AWS_PROFILE: _profile, AWS_DEFAULT_PROFILE: _default, ...rest } = env;
  return rest;
}

/** The emulator's pid, from the banner ("moto at http://... (pid 123, ..."). */
export function emulatorPid(output: string): number {
  const match = /\(pid (\d+),/.exec(output);
  if (!match?.[1]) throw new Error(`no emulator pid in:\n${output}`);
  return Number(match[1]);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Fails loudly when dist/ was not built. */
export function assertBuilt(): void {
  const entry = join(root, 'dist', 'esm', 'resources', 's3', 'index.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
}
