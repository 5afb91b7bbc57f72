/**
 * The test run fails on any unhandled promise rejection: jest, with this project's
 * jest.config.cjs, runs the fixtures in test/fixtures/unhandled-rejection/ (a rejection left
 * in a test, in a hook, and as the file ends; and one file whose rejections are handled).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '..', '..');

interface JestJson {
  success: boolean;
  testResults: Array<{ name: string; status: string; message: string }>;
}

it('fails every file that leaves a rejection unhandled, and only those', () => {
  const run = spawnSync(
    process.execPath,
    [
      require.resolve('jest/bin/jest'),
      '--config',
      'jest.config.cjs',
      '--ci',
      '--json',
      '--runInBand',
      '--testMatch',
      '**/test/fixtures/unhandled-rejection/*.fixture.ts',
    ],
    { cwd: root, encoding: 'utf8', timeout: 60_000, env: process.env },
  );
  expect(run.status).toBe(1);
  const report = JSON.parse(run.stdout) as JestJson;
  expect(report.success).toBe(false);
  const byFile = Object.fromEntries(report.testResults.map((r) => [r.name.split('/').pop(), r]));
  expect(Object.keys(byFile).sort()).toEqual([
    'after-last-test.fixture.ts',
    'handled.fixture.ts',
    'in-hook.fixture.ts',
    'in-test.fixture.ts',
  ]);
  expect(byFile['handled.fixture.ts']).toMatchObject({ status: 'passed' });
  expect(byFile['in-test.fixture.ts']).toMatchObject({
    status: 'failed',
    message: expect.stringContaining('planted: in a test'),
  });
  expect(byFile['in-hook.fixture.ts']).toMatchObject({
    status: 'failed',
    message: expect.stringContaining('planted: in afterAll'),
  });
  expect(byFile['after-last-test.fixture.ts']).toMatchObject({
    status: 'failed',
    message: expect.stringMatching(/unhandled promise rejection.*\n.*planted: after the last test/),
  });
});
