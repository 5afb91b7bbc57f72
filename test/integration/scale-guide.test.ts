/**
 * docs/scale.md's fan-out (its `// file: <path>` blocks), run as written: a parent process on
 * the built library hands the segments of a scan to forked children, each restores its
 * segment from JSON on its own client; every item is reported exactly once.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useDynamoDBFixture } from '../support/dynamodb-fixture.js';
import { TEST_CREDENTIALS, TEST_REGION, testEndpoint } from '../support/emulator.js';
import { assertBuilt, root } from '../support/scripts.js';
import type { Table } from '../../src/resources/dynamodb/index.js';

/** The `// file: <path>` blocks of a doc: path → code. */
function fileBlocks(doc: string): Map<string, string> {
  const blocks = new Map<string, string>();
  const pattern = /^```js\n\/\/ file: (\S+)\n([\s\S]*?)^```$/gm;
  for (const [, path, code] of readFileSync(join(root, doc), 'utf8').matchAll(pattern)) {
    if (path && code !== undefined) blocks.set(path, code);
  }
  return blocks;
}

const { newTable } = useDynamoDBFixture();
const IDS = Array.from({ length: 1500 }, (_, i) => `item-${i}`);
let dir: string;
let table: Table;

beforeAll(async () => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'aws-resources-scale-guide-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'aws-resources'), 'dir');
  table = await newTable('scale-guide');
  await table.batchWriter(async (w) => {
    for (const id of IDS) await w.putItem({ Item: { id } });
  });
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('docs/scale.md has the parent and the worker', () => {
  expect([...fileBlocks('docs/scale.md').keys()]).toEqual(['parent.mjs', 'segment-worker.mjs']);
});

test('the parent forks a worker per segment; every item is reported exactly once', () => {
  for (const [path, code] of fileBlocks('docs/scale.md')) writeFileSync(join(dir, path), code);
  const out = execFileSync(process.execPath, ['parent.mjs'], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      TABLE_NAME: table.name,
      AWS_ENDPOINT_URL: testEndpoint(),
      AWS_REGION: TEST_REGION,
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    },
    timeout: 60_000,
  });
  const reports = JSON.parse(out) as { segment: number; ids: string[] }[];
  expect(reports.map((r) => r.segment)).toEqual([0, 1, 2, 3]);
  const seen = reports.flatMap((r) => r.ids);
  expect(seen.sort()).toEqual([...IDS].sort());
  expect(new Set(seen).size).toBe(IDS.length);
  expect(reports.every((r) => r.ids.length > 0)).toBe(true);
}, 60_000);
