/** Drives bench/boto3_requests.py: one long-lived python process, one JSON line per job. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { root } from './built.js';

/** What the script answers for one job. */
export interface Boto3Result {
  readonly job: string;
  readonly ms: number;
  readonly requests: number;
  readonly byOperation: Record<string, number>;
  readonly result: number;
}

export class Boto3Jobs {
  readonly #child: ChildProcessWithoutNullStreams;
  readonly #lines: AsyncIterator<string>;
  #stderr = '';

  private constructor(child: ChildProcessWithoutNullStreams) {
    this.#child = child;
    child.stderr.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString('utf8')).slice(-4000);
    });
    this.#lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  }

  /** Starts the script against `endpoint` with `python` (which must have boto3). */
  static async start(
    python: string,
    endpoint: string,
  ): Promise<{ jobs: Boto3Jobs; version: string }> {
    const child = spawn(
      python,
      [join(root, 'bench', 'boto3_requests.py'), '--endpoint', endpoint],
      {
        cwd: root,
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    const jobs = new Boto3Jobs(child);
    const ready = JSON.parse(await jobs.#next()) as { boto3: string };
    return { jobs, version: ready.boto3 };
  }

  /** Runs one job and returns its timing and request count. */
  async run(job: Record<string, unknown>): Promise<Boto3Result> {
    this.#child.stdin.write(`${JSON.stringify(job)}\n`);
    return JSON.parse(await this.#next()) as Boto3Result;
  }

  /** Ends the script (closing its stdin) and waits for it to exit. */
  async close(): Promise<void> {
    if (this.#child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    this.#child.stdin.end();
    await exited;
  }

  async #next(): Promise<string> {
    const line = await this.#lines.next();
    if (line.done) {
      throw new Error(`boto3_requests.py stopped:\n${this.#stderr || '(no output)'}`);
    }
    return line.value;
  }
}
