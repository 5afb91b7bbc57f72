/**
 * Cold start: loading each built entry point in a fresh node process against loading what a
 * raw v3 app loads for the same service, once with `import()` (ESM) and once with `require()`.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { assertBuilt, builtEntry, root, SERVICES, type Service } from './support/built.js';
import { median } from './support/measure.js';

/** How a program loads a module. */
export type Loader = 'import' | 'require';
export const LOADERS: readonly Loader[] = ['import', 'require'];

/** What one load cost: CPU time (user + system) and wall time, in milliseconds. */
export interface LoadCost {
  readonly cpuMs: number;
  readonly wallMs: number;
}

/**
 * A script that loads `targets` one after the other and prints the cost. Only the loading is
 * timed, not node's own start-up. CPU time is the headline: loading is CPU-bound (files come
 * from the page cache after the first run), and unlike wall time it does not grow when other
 * processes share the machine.
 */
function script(loader: Loader, targets: readonly string[]): string {
  const load = loader === 'import' ? 'await import(t)' : 'require(t)';
  return [
    `const c = process.cpuUsage(), w = performance.now();`,
    `for (const t of ${JSON.stringify(targets)}) ${load};`,
    `const u = process.cpuUsage(c);`,
    `console.log(JSON.stringify({ cpuMs: (u.user + u.system) / 1000, wallMs: performance.now() - w }));`,
  ].join('\n');
}

/** The cost of loading `targets` in a fresh node process (run from the repository root). */
function loadCost(loader: Loader, targets: readonly string[]): LoadCost {
  const args = loader === 'import' ? ['--input-type=module', '-e'] : ['-e'];
  const result = spawnSync(process.execPath, [...args, script(loader, targets)], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (result.status !== 0) throw new Error(`${loader} of ${targets.join(', ')}: ${result.stderr}`);
  return JSON.parse(result.stdout.trim()) as LoadCost;
}

/**
 * What a raw v3 app loads for the service: its client and, for DynamoDB, lib-dynamodb too,
 * since the library's entry loads both (native values).
 */
export function rawPackages(service: Service): string[] {
  const client = `@aws-sdk/client-${service}`;
  return service === 'dynamodb' ? [client, '@aws-sdk/lib-dynamodb'] : [client];
}

/** The library's entry point as the loader takes it: a file URL for `import`, a path for `require`. */
function libraryTarget(service: Service, loader: Loader): string {
  return loader === 'import'
    ? pathToFileURL(builtEntry(service, 'esm')).href
    : builtEntry(service, 'cjs');
}

/** One service's cold load with one loader: medians of alternating runs. */
export interface ColdImport {
  readonly service: Service;
  readonly loader: Loader;
  readonly raw: LoadCost;
  readonly lib: LoadCost;
}

function medianCost(costs: readonly LoadCost[]): LoadCost {
  return {
    cpuMs: median(costs.map((c) => c.cpuMs)),
    wallMs: median(costs.map((c) => c.wallMs)),
  };
}

/**
 * The built `aws-resources/<svc>` entry (ESM through `import()`, CommonJS through `require()`)
 * against the raw packages, each load in its own fresh process. Runs alternate library and
 * raw, and which of the two goes first, so a drift of the machine hits both sides alike.
 */
export function coldImport(smoke: boolean): ColdImport[] {
  assertBuilt();
  const runs = smoke ? 3 : 11;
  const results: ColdImport[] = [];
  for (const service of SERVICES) {
    for (const loader of LOADERS) {
      const raw: LoadCost[] = [];
      const lib: LoadCost[] = [];
      const measureRaw = () => raw.push(loadCost(loader, rawPackages(service)));
      const measureLib = () => lib.push(loadCost(loader, [libraryTarget(service, loader)]));
      for (let i = 0; i < runs; i++) {
        if (i % 2 === 0) {
          measureRaw();
          measureLib();
        } else {
          measureLib();
          measureRaw();
        }
      }
      results.push({ service, loader, raw: medianCost(raw), lib: medianCost(lib) });
    }
  }
  return results;
}
