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
      timeout: 170_000,
    });
    report = stdout;
    rows = rowsOf(report);
  }, 180_000);

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

  it('explains every missed target', () => {
    const missed = rows.filter((row) => row[7] === '**no**').map((row) => row[0]);
    const explained = [...report.matchAll(/^- \*\*[^*]+\*\* \(rows ([\d, ]+)\):/gm)].flatMap(
      (match) => (match[1] ?? '').split(', '),
    );
    expect(explained.sort()).toEqual(missed.sort());
  });
});
