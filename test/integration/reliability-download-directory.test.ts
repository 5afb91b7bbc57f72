/**
 * `bucket.downloadDirectory`: keys become paths below the directory, and keys that would
 * land outside it (`../x`, `/etc/x`, `a/../../x`, a symbolic link inside it) are refused and
 * never written. moto stores such keys as given.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { BatchActionError } from '../../src/index.js';
import { pathBelow } from '../../src/resources/s3/transfers/download-directory.js';
import { useS3Fixture } from '../support/s3-fixture.js';

const fixture = useS3Fixture('download-dir');
const { client, counter } = fixture;
const bucket = fixture.bucket;
let sandbox: string;
let dir: string;

const SAFE = ['site/index.html', 'site/css/a.css', 'site/img/logo.svg', 'top.txt'];
const FOLDER_MARKER = 'site/empty/';
const MALICIOUS = ['../x', '/etc/x', 'a/../../x', 'b/c/../../../x', '..\\y', 'link/evil.txt'];

beforeAll(async () => {
  for (const Key of [...SAFE, FOLDER_MARKER, ...MALICIOUS]) {
    await client.send(new PutObjectCommand({ Bucket: bucket.name, Key, Body: `body of ${Key}` }));
  }
  // moto keeps the keys exactly as written.
  const { Contents = [] } = await client.send(new ListObjectsV2Command({ Bucket: bucket.name }));
  expect(Contents.map((o) => o.Key).sort()).toEqual([...SAFE, FOLDER_MARKER, ...MALICIOUS].sort());
  sandbox = await mkdtemp(join(tmpdir(), 'aws-resources-dir-'));
});

beforeEach(async () => {
  dir = join(sandbox, `dl-${Math.random().toString(36).slice(2)}`);
  await mkdir(dir);
});

afterAll(async () => {
  if (sandbox) await rm(sandbox, { recursive: true, force: true });
});

/** Every file below `root`, as relative paths. */
async function filesBelow(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

describe('bucket.downloadDirectory', () => {
  it('writes the keys under a prefix below the directory, without the prefix', async () => {
    const { files } = await bucket.downloadDirectory(dir, { prefix: 'site/' });
    expect(await filesBelow(dir)).toEqual(['css/a.css', 'img/logo.svg', 'index.html']);
    expect(files.map((f) => f.key).sort()).toEqual(
      SAFE.filter((k) => k.startsWith('site/')).sort(),
    );
    expect(await readFile(join(dir, 'css/a.css'), 'utf8')).toBe('body of site/css/a.css');
    // One listing page, one GetObject per file: the folder marker is skipped.
    expect(counter.byOperation).toEqual({ ListObjectsV2: 1, GetObject: 3 });
  });

  it('keeps the part of a prefix after its last slash', async () => {
    await bucket.downloadDirectory(dir, { prefix: 'site/in' });
    expect(await filesBelow(dir)).toEqual(['index.html']);
  });

  it('refuses ../x, /etc/x, a/../../x and a link out of the directory, writing only safe keys', async () => {
    const outside = join(sandbox, 'outside');
    await mkdir(outside, { recursive: true });
    await symlink(outside, join(dir, 'link'));
    const etcBefore = existsSync('/etc/x');
    const error = (await bucket
      .downloadDirectory(dir)
      .catch((e: unknown) => e)) as BatchActionError<{
      key: string;
      error: Error;
    }>;
    expect(error).toBeInstanceOf(BatchActionError);
    const refused = error.failures.map((f) => f.key).sort();
    expect(refused).toEqual([...MALICIOUS].sort());
    const reasons = Object.fromEntries(error.failures.map((f) => [f.key, f.error.message]));
    expect(reasons['../x']).toMatch(/has a '\.\.' segment/);
    expect(reasons['/etc/x']).toMatch(/is an absolute path/);
    expect(reasons['a/../../x']).toMatch(/has a '\.\.' segment/);
    expect(reasons['link/evil.txt']).toMatch(/outside the directory through a link/);
    expect(error.message).toMatch(/6 key\(s\) of .* were not downloaded/);
    // The safe keys were written; nothing anywhere else.
    expect(await filesBelow(dir)).toEqual([...SAFE].sort());
    expect(await readdir(outside)).toEqual([]);
    expect((await readdir(sandbox)).filter((f) => !f.startsWith('dl-'))).toEqual(['outside']);
    expect(existsSync('/etc/x')).toBe(etcBefore);
    // Refused keys are never fetched.
    expect(counter.count('GetObject')).toBe(SAFE.length);
  });

  it('refuses a directory that does not exist, before any request', async () => {
    await expect(bucket.downloadDirectory(join(sandbox, 'missing'))).rejects.toThrow(
      /dir ".*missing" is not an existing directory/,
    );
    expect(counter.total).toBe(0);
  });
});

describe('pathBelow', () => {
  it.each([
    ['../x', /'\.\.' segment/],
    ['a/../../x', /'\.\.' segment/],
    ['a/../b', /'\.\.' segment/],
    ['/etc/x', /absolute path/],
    ['\\\\server\\share', /absolute path/],
    ['C:\\x', /absolute path/],
    ['a\\..\\..\\x', /'\.\.' segment/],
    ['a\0b', /NUL/],
    ['', /outside the directory/],
    ['.', /outside the directory/],
  ])('refuses %j', (key, why) => {
    expect(() => pathBelow('/data/dir', key)).toThrow(why);
  });

  it.each([
    ['a.txt', '/data/dir/a.txt'],
    ['a/b/c.txt', '/data/dir/a/b/c.txt'],
    ['./a', '/data/dir/a'],
    ['a//b', '/data/dir/a/b'],
    ['..a', '/data/dir/..a'],
  ])('maps %j below the directory', (key, path) => {
    expect(pathBelow('/data/dir', key)).toBe(path);
  });
});
