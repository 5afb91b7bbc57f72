/**
 * docs/testing.md's Jest global setup and teardown (its `// file: <path>` blocks), run as
 * Jest would run them: in one node process, setup, then code that makes its clients with no
 * endpoint (they must reach moto through the environment the setup sets), then teardown,
 * which must stop moto. The moto started here is the guide's own, not the test run's.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { assertBuilt, root } from '../support/scripts.js';

/** The `// file: <path>` blocks of a doc: path → code. */
function fileBlocks(doc: string): Map<string, string> {
  const blocks = new Map<string, string>();
  const pattern = /^```js\n\/\/ file: (\S+)\n([\s\S]*?)^```$/gm;
  for (const [, path, code] of readFileSync(join(root, doc), 'utf8').matchAll(pattern)) {
    if (path && code !== undefined) blocks.set(path, code);
  }
  return blocks;
}

const DRIVER = `
import setup from './test/moto-setup.mjs';
import teardown from './test/moto-teardown.mjs';

await setup();
const endpoint = process.env.AWS_ENDPOINT_URL;
const { S3 } = await import('aws-resources/s3');
const { DynamoDB } = await import('aws-resources/dynamodb');
const s3 = new S3({ forcePathStyle: true }); // no endpoint, no credentials: the environment's
const bucket = await s3.createBucket({ Bucket: 'guide-check' });
const listed = (await s3.buckets.all().toArray()).map((b) => b.name);
const tables = (await new DynamoDB().tables.all().toArray()).length;
const config = await (await fetch(endpoint + '/moto-api/config')).json();
await bucket.delete();
await teardown();
const after = await fetch(endpoint + '/moto-api/').then(() => 'up', () => 'down');
console.log(JSON.stringify({ endpoint, listed, tables, lambda: config.lambda, after }));
`;

let dir: string;

beforeAll(() => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'aws-resources-testing-guide-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'aws-resources'), 'dir');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('docs/testing.md: the Jest global setup and teardown', () => {
  it('has the two files', () => {
    expect([...fileBlocks('docs/testing.md').keys()]).toEqual([
      'test/moto-setup.mjs',
      'test/moto-teardown.mjs',
    ]);
  });

  it('start moto, point clients made without an endpoint at it, then stop it', () => {
    for (const [path, code] of fileBlocks('docs/testing.md')) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), code);
    }
    writeFileSync(join(dir, 'driver.mjs'), DRIVER);
    // The python the test run's emulator would use (scripts/emulator.mjs looks there first).
    const venv = join(root, '.venv', 'bin', 'python');
    const python = process.env.AWS_RESOURCES_PYTHON ?? (existsSync(venv) ? venv : 'python3');
    const { AWS_ENDPOINT_URL: _endpoint, ...env } = process.env;
    const out = execFileSync(process.execPath, ['driver.mjs'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...env, MOTO_PYTHON: python, AWS_ACCESS_KEY_ID: 'mine', AWS_PROFILE: 'mine' },
      timeout: 60_000,
    });
    const result = JSON.parse(out) as Record<string, unknown>;
    expect(result).toEqual({
      endpoint: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      listed: ['guide-check'], // a fresh moto: nothing else in it
      tables: 0,
      lambda: { use_docker: false },
      after: 'down',
    });
    expect(result.endpoint).not.toBe(process.env.AWS_RESOURCES_TEST_ENDPOINT);
  }, 60_000);
});
