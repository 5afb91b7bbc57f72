/**
 * A second moto server, for test files that must switch a global emulator setting (Lambda's
 * `use_docker`) without touching the shared one.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface OwnEmulator {
  readonly endpoint: string;
  /** Stops moto and the runner process; resolves once the runner exited. */
  stop(): Promise<void>;
}

/** Starts moto through test/support/emulator-child.mjs (with Lambda's Docker-free backend). */
export async function startOwnEmulator(timeoutMs = 30_000): Promise<OwnEmulator> {
  const child = spawn(process.execPath, [join(__dirname, 'emulator-child.mjs')], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no emulator after ${timeoutMs} ms`)),
      timeoutMs,
    );
    createInterface({ input: child.stdout }).once('line', (first) => {
      clearTimeout(timer);
      resolve(first);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the emulator runner exited: ${stderr.trim()}`));
    });
  });
  const { endpoint } = JSON.parse(line) as { endpoint: string };
  return {
    endpoint,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
