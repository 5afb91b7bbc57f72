/**
 * `npm run bench`: aws-resources against the raw v3 clients and against boto3, every
 * comparison measured in the same run. Prints a markdown report; `--write` also writes it to
 * docs/benchmarks.md; `--smoke` runs small sizes (what CI runs, to keep the suite working).
 * `--only latency` runs the latency mode alone (with `--write`, it replaces that section of
 * docs/benchmarks.md only); `--latency <ms>` sets its round trip.
 * Needs the build (`npm run build`): it measures dist/, what users run.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleSizes } from './bundle-size.js';
import { coldImport, rawPackages, type LoadCost } from './cold-import.js';
import { engineOverhead } from './engine-overhead.js';
import { DEFAULT_ROUND_TRIP_MS, latencyMode, SMOKE_ROUND_TRIP_MS } from './latency.js';
import { latencyMarkdown, withLatencySection } from './latency-report.js';
import { memoryGrowth } from './memory.js';
import { environment, reportMarkdown, type Row } from './report.js';
import { root } from './support/built.js';
import { versusBoto3 } from './vs-boto3.js';

const KB = 1024;
const MB = 1024 * 1024;

/** The value after `flag` on the command line, if the flag is there. */
function option(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  if (at < 0) return undefined;
  const value = process.argv[at + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
  return value;
}

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  const only = option('--only');
  if (only !== undefined && only !== 'latency')
    throw new Error(`--only takes \`latency\`, got ${JSON.stringify(only)}`);
  const latencyOption = option('--latency');
  const roundTripMs =
    latencyOption === undefined
      ? smoke
        ? SMOKE_ROUND_TRIP_MS
        : DEFAULT_ROUND_TRIP_MS
      : Number(latencyOption);
  if (!Number.isFinite(roundTripMs) || roundTripMs < 0)
    throw new Error(`--latency takes milliseconds ≥ 0, got ${JSON.stringify(latencyOption)}`);
  const started = Date.now();
  const rows: Row[] = [];
  const step = (name: string) =>
    console.error(`[bench] ${name} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const latencySection = async () => {
    step(`latency mode (${roundTripMs} ms round trip)`);
    const run = await latencyMode(smoke, roundTripMs);
    return latencyMarkdown(run, environment(smoke, run.boto3Version));
  };

  if (only === 'latency') {
    const section = await latencySection();
    step('done');
    console.log(section);
    if (process.argv.includes('--write')) {
      const file = join(root, 'docs', 'benchmarks.md');
      writeFileSync(file, withLatencySection(readFileSync(file, 'utf8'), section));
      console.error('[bench] wrote the latency section of docs/benchmarks.md');
    }
    return;
  }

  step('engine overhead');
  for (const c of await engineOverhead(smoke)) {
    const ratio = c.libMs / c.rawMs;
    rows.push({
      area: 'engine overhead',
      job: c.job,
      baseline: `raw v3: ${c.rawMs.toFixed(0)} ms`,
      lib: `${c.libMs.toFixed(0)} ms`,
      result: `${ratio.toFixed(2)}×`,
      target: '≤ 1.05×',
      met: ratio <= 1.05,
    });
  }

  step('memory');
  for (const m of memoryGrowth(smoke)) {
    const what = m.what === 'peak' ? 'peak RSS' : 'live heap half-way (after a full GC)';
    rows.push({
      area: 'memory',
      job: `${what}: ${m.largeKeys.toLocaleString('en')} keys minus ${m.smallKeys.toLocaleString('en')}`,
      baseline: `raw v3: ${signed(m.raw / MB, 'MB')}`,
      lib: signed(m.lib / MB, 'MB'),
      result: signed(m.lib / MB, 'MB'),
      target: '≤ 20 MB',
      met: m.lib <= 20 * MB,
      kind: m.what,
    });
  }

  step('cold start');
  for (const c of coldImport(smoke)) {
    const ratio = c.lib.cpuMs / c.raw.cpuMs;
    const raw = rawPackages(c.service).map((name) => `\`${c.loader}('${name}')\``);
    rows.push({
      area: 'cold start',
      job: `\`${c.loader}('aws-resources/${c.service}')\` vs ${raw.join(' + ')}`,
      baseline: `raw v3: ${loadCost(c.raw)}`,
      lib: loadCost(c.lib),
      result: `${ratio.toFixed(2)}× CPU (wall ${(c.lib.wallMs / c.raw.wallMs).toFixed(2)}×)`,
      target: '≤ 1.10× CPU',
      met: ratio <= 1.1,
      kind: c.loader,
    });
  }

  step('bundle size');
  for (const b of await bundleSizes()) {
    const extra = (b.libBytes - b.rawBytes) / KB;
    rows.push({
      area: 'bundle size',
      job: `${b.service} app (${b.job}), minified + gzip -9`,
      baseline: `raw v3: ${(b.rawBytes / KB).toFixed(1)} KB`,
      lib: `${(b.libBytes / KB).toFixed(1)} KB`,
      result: signed(extra, 'KB'),
      target: '≤ +10 KB',
      met: extra <= 10,
    });
  }

  step('vs boto3 on moto');
  const versus = await versusBoto3(smoke);
  for (const j of versus.jobs) {
    const met = j.libRequests === j.minimum && j.libRequests <= j.boto3Requests;
    rows.push({
      area: 'requests',
      job: j.job,
      baseline: `boto3: ${j.boto3Requests}`,
      lib: String(j.libRequests),
      result: `API minimum ${j.minimum}`,
      target: '= minimum, ≤ boto3',
      met,
    });
  }
  for (const j of versus.jobs) {
    const speedup = j.boto3Ms / j.libMs;
    rows.push({
      area: 'end to end',
      job: `${j.job} (${j.how})`,
      baseline: `boto3: ${j.boto3Ms.toFixed(0)} ms`,
      lib: `${j.libMs.toFixed(0)} ms`,
      result: `${speedup.toFixed(2)}× as fast`,
      target: '≥ 2× as fast',
      met: speedup >= 2,
    });
  }
  const section = await latencySection();
  step('done');

  const report = withLatencySection(
    reportMarkdown(rows, environment(smoke, versus.boto3Version)),
    section,
  );
  console.log(report);
  if (process.argv.includes('--write')) {
    writeFileSync(join(root, 'docs', 'benchmarks.md'), report);
    console.error('[bench] wrote docs/benchmarks.md');
  }
}

function loadCost(cost: LoadCost): string {
  return `${cost.cpuMs.toFixed(0)} ms CPU, ${cost.wallMs.toFixed(0)} ms wall`;
}

function signed(value: number, unit: string): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(1)} ${unit}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
