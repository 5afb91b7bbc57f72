/**
 * `npm run bench`: aws-resources against the raw v3 client, in the same run, as ratios.
 * `npm run bench -- --smoke` runs small sizes (what CI runs, to keep the benchmarks working).
 * Prints a markdown table; with `--write` also writes it to docs/benchmarks.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { coldImport } from './cold-import.js';
import { engineOverhead } from './engine-overhead.js';
import { table } from './support/measure.js';

async function main(): Promise<void> {
  const smoke = process.argv.includes('--smoke');
  const rows: string[][] = [];
  const ratio = (lib: number, raw: number) => `${(lib / raw).toFixed(2)}×`;
  for (const c of await engineOverhead(smoke)) {
    rows.push([
      c.job,
      `${c.rawMs.toFixed(0)} ms`,
      `${c.libMs.toFixed(0)} ms`,
      ratio(c.libMs, c.rawMs),
      '≤ 1.05×',
    ]);
  }
  const cold = coldImport(smoke);
  rows.push([
    'cold require of aws-resources/s3',
    `${cold.rawMs.toFixed(0)} ms`,
    `${cold.libMs.toFixed(0)} ms`,
    ratio(cold.libMs, cold.rawMs),
    '≤ 1.10×',
  ]);
  const { version } = JSON.parse(
    readFileSync(
      join(__dirname, '..', 'node_modules', '@aws-sdk', 'client-s3', 'package.json'),
      'utf8',
    ),
  ) as { version: string };
  const report = [
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, @aws-sdk/client-s3 ${version}${smoke ? ' (smoke sizes)' : ''}`,
    '',
    table(['job', 'raw v3', 'aws-resources', 'ratio', 'target'], rows),
    '',
  ].join('\n');
  console.log(report);
  if (process.argv.includes('--write')) {
    writeFileSync(
      join(__dirname, '..', 'docs', 'benchmarks.md'),
      `# Benchmarks\n\nMeasured by \`npm run bench -- --write\`. Requests are answered in-process from canned responses, so the numbers are the SDK's and the library's own cost.\n\n${report}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
