/** Cold start: `require` time of each built entry point against its raw v3 client. */
import { spawnSync } from 'node:child_process';
import { assertBuilt, builtEntry, root, SERVICES, type Service } from './support/built.js';
import { median } from './support/measure.js';

/**
 * CPU milliseconds a fresh node process spends in `require(target)`: loading is synchronous
 * and CPU-bound (files come from the page cache after the first run), and CPU time does not
 * grow when other processes share the machine.
 */
function importMs(target: string): number {
  const script = `const t = process.cpuUsage(); require(${JSON.stringify(target)}); const u = process.cpuUsage(t); console.log((u.user + u.system) / 1000);`;
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (result.status !== 0) throw new Error(`require(${target}) failed: ${result.stderr}`);
  return Number(result.stdout.trim());
}

/** One service's cold `require`, median of alternating runs. */
export interface ColdImport {
  readonly service: Service;
  readonly client: string;
  readonly rawMs: number;
  readonly libMs: number;
}

/** Cold `require` of the built `aws-resources/<svc>` against `@aws-sdk/client-<svc>`. */
export function coldImport(smoke: boolean): ColdImport[] {
  assertBuilt();
  const runs = smoke ? 3 : 11;
  return SERVICES.map((service) => {
    const client = `@aws-sdk/client-${service}`;
    const raw: number[] = [];
    const lib: number[] = [];
    for (let i = 0; i < runs; i++) {
      raw.push(importMs(client));
      lib.push(importMs(builtEntry(service)));
    }
    return { service, client, rawMs: median(raw), libMs: median(lib) };
  });
}
