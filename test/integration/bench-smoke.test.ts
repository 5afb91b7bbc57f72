/**
 * The benchmark suite in smoke mode (small sizes), so it keeps working: `npm run bench`
 * measures the built dist/, which `npm test` builds before Jest. It starts its own moto and
 * needs the machine's python3 with boto3 (moto brings it). Timings are not asserted here
 * (benchmarks print tables, they are not timed tests); the table's shape and the request
 * counts, which do not depend on the machine, are.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { SERVICES } from '../../bench/support/built.js';

const root = resolve(__dirname, '..', '..');
const run = promisify(execFile);

/**
 * The latency section's rows: `| Ln | job | boto3 runs it as | aws-resources runs it as |
 * baseline | aws-resources | comparison | target | met |`.
 */
function latencyRowsOf(report: string): string[][] {
  return report
    .split('\n')
    .filter((line) => /^\| L\d+ \|/.test(line))
    .map((line) =>
      line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

/** The request count in a latency cell (`boto3: 120 ms, 21 requests` or `80 ms, 11 requests`). */
const requestsIn = (cell: string | undefined) => Number(/(\d+) requests?$/.exec(cell ?? '')?.[1]);

/**
 * What the latency rows must show at smoke sizes (50 keys, 50 items, a 200-item scan in 4
 * segments, 10 files): both sides ran and sent the requests the job takes.
 */
function expectSaneLatencyRows(report: string): void {
  const rows = latencyRowsOf(report);
  expect(rows.map((row) => row[0])).toEqual(['L1', 'L2', 'L3', 'L4']);
  const byJob = new Map(rows.map((row) => [row[1], row]));
  const counts = (job: string) => {
    const row = byJob.get(job);
    expect(row).toHaveLength(9);
    expect(row?.[6]).toMatch(/^\d+\.\d\d× as fast \(moto busy \d+% of boto3’s time\)$/);
    return { boto3: requestsIn(row?.[4]), lib: requestsIn(row?.[5]) };
  };
  // One ListObjectsV2 and one DeleteObjects each.
  expect(counts('batch delete of 50 keys')).toEqual({ boto3: 2, lib: 2 });
  // Two BatchWriteItem each (25 items a request).
  expect(counts('batch write of 50 items')).toEqual({ boto3: 2, lib: 2 });
  // boto3: one page; the library: one page per segment.
  expect(counts('scan of 200 items')).toEqual({ boto3: 1, lib: 4 });
  // boto3: a listing, then HeadObject + GetObject per file; the library: a listing + a GET each.
  expect(counts('download of 10 small objects')).toEqual({ boto3: 21, lib: 11 });
  const missed = rows.filter((row) => row[8] === '**no**').map((row) => row[0]);
  const explained = [...report.matchAll(/^- \*\*[^*]+\*\* \(row (L\d+)\): \S/gm)].map(
    (match) => match[1],
  );
  expect(explained.sort()).toEqual(missed.sort());
  expect(report).toContain('round trip of **5 ms**');
}

/** The table's rows: `| n | area | job | baseline | aws-resources | comparison | target | met |`. */
function rowsOf(report: string): string[][] {
  return report
    .split('\n')
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) =>
      line
        .slice(2, -2)
        .split(' | ')
        .map((cell) => cell.trim()),
    );
}

describe('npm run bench -- --smoke', () => {
  let rows: string[][] = [];
  let report = '';

  beforeAll(async () => {
    if (!existsSync(resolve(root, 'dist', 'cjs', 'resources', 's3', 'index.js'))) {
      throw new Error('dist/ is missing: run `npm run build` (npm test does) first');
    }
    const { stdout } = await run('npx', ['tsx', 'bench/run.ts', '--smoke'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      timeout: 230_000,
    });
    report = stdout;
    rows = rowsOf(report);
  }, 240_000);

  it('prints the environment and every row of the table', () => {
    expect(report).toMatch(/^# Benchmarks/);
    expect(report).toMatch(/- Node v\d+/);
    expect(report).toMatch(/boto3 \d+\.\d+/);
    const perArea = (area: string) => rows.filter((row) => row[1] === area).length;
    expect(perArea('engine overhead')).toBe(3);
    expect(perArea('memory')).toBe(2);
    expect(perArea('cold start')).toBe(2 * SERVICES.length);
    expect(perArea('bundle size')).toBe(SERVICES.length);
    expect(perArea('requests')).toBe(7);
    expect(perArea('end to end')).toBe(7);
    expect(rows.map((row) => Number(row[0]))).toEqual(rows.map((_, i) => i + 1));
    for (const row of rows) {
      expect(row).toHaveLength(8);
      expect(row[7]).toMatch(/^(yes|\*\*no\*\*)$/);
    }
    for (const service of SERVICES) {
      for (const loader of ['import', 'require']) {
        expect(report).toContain(`${loader}('aws-resources/${service}')`);
      }
      expect(report).toMatch(new RegExp(`\\| ${service} app \\(.+\\), minified \\+ gzip`));
    }
  });

  it('sends the API minimum for every job, never more than boto3', () => {
    const requests = rows.filter((row) => row[1] === 'requests');
    for (const [, , job, boto3, lib, minimum] of requests) {
      const least = Number(/API minimum (\d+)/.exec(minimum ?? '')?.[1]);
      const theirs = Number(/boto3: (\d+)/.exec(boto3 ?? '')?.[1]);
      expect({ job, lib: Number(lib) }).toEqual({ job, lib: least });
      expect(Number(lib)).toBeLessThanOrEqual(theirs);
    }
  });

  it('runs the latency mode too (a 5 ms round trip), both sides through the proxy', () => {
    expectSaneLatencyRows(report);
  });

  it('explains every missed target', () => {
    const missed = rows.filter((row) => row[7] === '**no**').map((row) => row[0]);
    const explained = [...report.matchAll(/^- \*\*[^*]+\*\* \(rows ([\d, ]+)\):/gm)].flatMap(
      (match) => (match[1] ?? '').split(', '),
    );
    expect(explained.sort()).toEqual(missed.sort());
  });
});

describe('npm run bench -- --smoke --only latency --latency 5', () => {
  it('runs the latency mode alone', async () => {
    const { stdout } = await run(
      'npx',
      ['tsx', 'bench/run.ts', '--smoke', '--only', 'latency', '--latency', '5'],
      { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 110_000 },
    );
    expect(rowsOf(stdout)).toEqual([]);
    expect(stdout).toMatch(/^<!-- latency mode: written by bench\/run.ts -->\n## Latency mode/);
    expectSaneLatencyRows(stdout);
  }, 120_000);
});
