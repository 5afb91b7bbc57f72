/**
 * `bucket.uploadDirectory` against moto, and the progress and concurrency that it and its
 * twin `downloadDirectory` share: keys from paths, requests counted, symbolic links, partial
 * failures, abort without stray multipart uploads, and a round trip compared byte for byte.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { AbortError, BatchActionError, ParamValidationError } from '../../src/core/errors.js';
import type { Progress } from '../../src/resources/s3/transfers/options.js';
import type { DirectoryUploadFailure } from '../../src/resources/s3/index.js';
import { trackInFlight } from '../support/in-flight.js';
import { useS3Fixture } from '../support/s3-fixture.js';
import { SIGNAL_NAMES, signalOption } from '../support/signal-names.js';

const MiB = 1024 * 1024;

const fixture = useS3Fixture('upload-dir');
const { client, counter } = fixture;
const bucket = fixture.bucket;
let sandbox: string;

/** Small files of a site, by path relative to the directory. */
const SITE: Record<string, Buffer> = {
  'index.html': Buffer.from('<h1>home</h1>'),
  'css/a.css': Buffer.from('body { color: red }'),
  'css/print/b.css': Buffer.from('@media print {}'),
  'img/logo.svg': randomBytes(3000),
  'empty.txt': Buffer.alloc(0),
};
const SITE_BYTES = Object.values(SITE).reduce((sum, b) => sum + b.length, 0);

beforeAll(async () => {
  sandbox = await mkdtemp(join(tmpdir(), 'aws-resources-updir-'));
});

afterAll(async () => {
  if (sandbox) await rm(sandbox, { recursive: true, force: true });
});

/** A new directory holding `files` (relative path → content). */
async function tree(name: string, files: Record<string, Buffer>): Promise<string> {
  const root = join(sandbox, name);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  await mkdir(root, { recursive: true });
  return root;
}

async function keysUnder(prefix: string): Promise<string[]> {
  return (await bucket.objects.filter({ Prefix: prefix }).all().toArray()).map((o) => o.key);
}

async function openUploads(): Promise<number> {
  const { Uploads = [] } = await client.send(
    new ListMultipartUploadsCommand({ Bucket: bucket.name }),
  );
  return Uploads.length;
}

/** Every file below `root`, as relative paths. */
async function filesBelow(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

async function rejection(run: Promise<unknown>): Promise<unknown> {
  try {
    await run;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('bucket.uploadDirectory', () => {
  it('uploads every file to prefix + its relative path, one PutObject each, with progress', async () => {
    const root = await tree('site', SITE);
    const progress: Progress[] = [];
    const { files } = await bucket.uploadDirectory(root, {
      prefix: 'site/',
      params: { CacheControl: 'max-age=60' },
      onProgress: (p) => progress.push({ ...p }),
    });
    const expected = Object.keys(SITE)
      .map((path) => `site/${path}`)
      .sort();
    expect(files.map((f) => f.key).sort()).toEqual(expected);
    expect(files.find((f) => f.key === 'site/css/print/b.css')?.path).toBe(
      join(root, 'css', 'print', 'b.css'),
    );
    // One PutObject per file, nothing else (no listing, no HeadObject).
    expect(counter.byOperation).toEqual({ PutObject: 5 });
    expect(counter.inputs.map((i) => (i.input as { CacheControl?: string }).CacheControl)).toEqual(
      Array(5).fill('max-age=60'),
    );
    expect(await keysUnder('site/')).toEqual(expected);
    // The total is known from the first call, which reports nothing loaded yet.
    expect(progress[0]).toEqual({ loaded: 0, total: SITE_BYTES });
    expect(progress.every((p) => p.total === SITE_BYTES)).toBe(true);
    expect(progress.at(-1)).toEqual({ loaded: SITE_BYTES, total: SITE_BYTES });
    const loaded = progress.map((p) => p.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    const css = await bucket.Object('site/css/a.css').get();
    expect(await css.Body.text()).toBe('body { color: red }');
    expect(css.CacheControl).toBe('max-age=60');
  });

  it('round-trips through downloadDirectory byte for byte, a large file in parts, with progress', async () => {
    const large = randomBytes(11 * MiB);
    const root = await tree('round', { ...SITE, 'video/big.bin': large });
    const total = SITE_BYTES + large.length;
    const up: Progress[] = [];
    await bucket.uploadDirectory(root, { prefix: 'round/', onProgress: (p) => up.push(p) });
    // The large file is a multipart upload of 5 MiB parts: 3 parts.
    expect(counter.byOperation).toEqual({
      PutObject: 5,
      CreateMultipartUpload: 1,
      UploadPart: 3,
      CompleteMultipartUpload: 1,
    });
    expect(up[0]).toEqual({ loaded: 0, total });
    expect(up.at(-1)).toEqual({ loaded: total, total });

    counter.reset();
    const target = join(sandbox, 'round-back');
    await mkdir(target);
    const down: Progress[] = [];
    const { files } = await bucket.downloadDirectory(target, {
      prefix: 'round/',
      onProgress: (p) => down.push(p),
    });
    expect(files).toHaveLength(6);
    // One listing page; small objects in one GET, the 11 MiB one in two 8 MiB ranges.
    expect(counter.byOperation).toEqual({ ListObjectsV2: 1, GetObject: 5 + 2 });
    expect(down[0]).toEqual({ loaded: 0, total });
    expect(down.at(-1)).toEqual({ loaded: total, total });
    expect(await filesBelow(target)).toEqual(await filesBelow(root));
    for (const path of await filesBelow(root)) {
      expect((await readFile(join(target, path))).equals(await readFile(join(root, path)))).toBe(
        true,
      );
    }
  });

  it('follows symbolic links; a loop, a broken link and a FIFO are failures carried by the error', async () => {
    const root = await tree('links', { 'a.txt': Buffer.from('a') });
    const outside = await tree('links-outside', { 'shared/s.txt': Buffer.from('s') });
    await symlink(join(root, 'a.txt'), join(root, 'alias.txt'));
    await symlink(join(outside, 'shared'), join(root, 'shared'));
    await symlink(root, join(root, 'loop'));
    await symlink(join(root, 'missing'), join(root, 'broken'));
    execFileSync('mkfifo', [join(root, 'pipe')]);

    const error = await rejection(bucket.uploadDirectory(root, { prefix: 'links/' }));
    expect(error).toBeInstanceOf(BatchActionError);
    const batch = error as BatchActionError<DirectoryUploadFailure, { key: string }>;
    expect(batch.responses.map((f) => f.key).sort()).toEqual([
      'links/a.txt',
      'links/alias.txt',
      'links/shared/s.txt',
    ]);
    const failures = Object.fromEntries(
      batch.failures.map((f) => [f.key, (f.error as Error).message]),
    );
    expect(Object.keys(failures).sort()).toEqual(['links/broken', 'links/loop', 'links/pipe']);
    expect(failures['links/loop']).toMatch(/link to a directory that contains it/);
    expect(failures['links/broken']).toMatch(/ENOENT/);
    expect(failures['links/pipe']).toMatch(/neither a regular file nor a directory/);
    expect(batch.message).toMatch(/^uploadDirectory: 3 path\(s\) below .* were not uploaded/);
    expect(await keysUnder('links/')).toEqual(batch.responses.map((f) => f.key).sort());
    expect(counter.count('PutObject')).toBe(3);
  });

  it('goes on after a failed upload and reports it with the files that made it', async () => {
    const root = await tree('partial', SITE);
    let seen = 0;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'PutObjectCommand' && ++seen === 2) {
          throw Object.assign(new Error('injected PutObject failure'), { name: 'Injected' });
        }
        return next(args);
      },
      { step: 'initialize', name: 'failSecondPut' },
    );
    let error: unknown;
    try {
      error = await rejection(bucket.uploadDirectory(root, { prefix: 'partial/', concurrency: 1 }));
    } finally {
      client.middlewareStack.remove('failSecondPut');
    }
    const batch = error as BatchActionError<DirectoryUploadFailure, { key: string; path: string }>;
    expect(batch).toBeInstanceOf(BatchActionError);
    expect(batch.failures).toHaveLength(1);
    expect(batch.failures[0]?.error).toMatchObject({ name: 'Injected' });
    expect(batch.message).toContain('injected PutObject failure');
    expect(batch.responses).toHaveLength(4);
    const failed = batch.failures[0]?.key;
    expect((await keysUnder('partial/')).sort()).toEqual(
      Object.keys(SITE)
        .map((p) => `partial/${p}`)
        .filter((k) => k !== failed)
        .sort(),
    );
  });

  it('keeps at most `concurrency` uploads in flight, and so does downloadDirectory', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`f${i}.txt`, Buffer.from(`file ${i}`)]),
    );
    const root = await tree('bounded', files);
    const inFlight = trackInFlight(client);
    client.middlewareStack.add(
      (next) => async (args) => {
        await new Promise((resolve) => setTimeout(resolve, 150));
        return next(args);
      },
      { step: 'deserialize', name: 'slowAnswers' },
    );
    try {
      await bucket.uploadDirectory(root, { prefix: 'bounded/', concurrency: 3 });
      expect(inFlight.max).toBe(3);
      inFlight.reset();
      const target = join(sandbox, 'bounded-back');
      await mkdir(target);
      await bucket.downloadDirectory(target, { prefix: 'bounded/', concurrency: 2 });
      expect(inFlight.max).toBe(2);
      expect(await filesBelow(target)).toEqual(Object.keys(files).sort());
    } finally {
      client.middlewareStack.remove('slowAnswers');
      inFlight.remove();
    }
  });

  it.each(SIGNAL_NAMES)(
    'aborts: AbortError with the reason as cause, no new upload starts, no multipart upload left (as %s)',
    async (name) => {
      const root = await tree(`abort-${name}`, {
        'a.bin': randomBytes(12 * MiB),
        'b.bin': randomBytes(12 * MiB),
        'c.bin': randomBytes(12 * MiB),
      });
      const controller = new AbortController();
      const error = await rejection(
        bucket.uploadDirectory(root, {
          prefix: `abort-${name}/`,
          concurrency: 2,
          ...signalOption(name, controller.signal),
          onProgress: ({ loaded }) => {
            if (loaded > 0) controller.abort(new Error('stop'));
          },
        }),
      );
      expect(error).toBeInstanceOf(AbortError);
      expect((error as Error).message).toBe('uploadDirectory: aborted');
      expect((error as Error).cause).toBe(controller.signal.reason);
      expect(await openUploads()).toBe(0);
      // At most the first two files were started; c.bin never was.
      expect(counter.count('CreateMultipartUpload')).toBeGreaterThanOrEqual(1);
      expect(counter.count('CreateMultipartUpload')).toBeLessThanOrEqual(2);
      expect(await keysUnder(`abort-${name}/`)).toEqual([]);
    },
  );

  it('rejects bad input before any request, naming what was wrong', async () => {
    const root = await tree('bad', { 'a.txt': Buffer.from('a') });
    const cases: Array<[Promise<unknown>, RegExp]> = [
      [bucket.uploadDirectory(join(sandbox, 'missing')), /dir ".*missing" is not an existing/],
      [bucket.uploadDirectory(join(root, 'a.txt')), /is not an existing directory/],
      [bucket.uploadDirectory(root, { concurrency: 0 }), /concurrency must be a positive/],
      [bucket.uploadDirectory(root, { prefix: 5 as unknown as string }), /prefix must be a string/],
      [
        bucket.uploadDirectory(root, { params: { Key: 'x' } as never }),
        /params\.Key is set by uploadDirectory/,
      ],
      [
        bucket.uploadDirectory(root, { onProgress: 'yes' as never }),
        /onProgress must be a function/,
      ],
      [
        bucket.downloadDirectory(root, { onProgress: 1 as never }),
        /downloadDirectory: onProgress must be a function/,
      ],
    ];
    for (const [run, message] of cases) {
      const error = await rejection(run);
      expect(error).toBeInstanceOf(ParamValidationError);
      expect((error as Error).message).toMatch(message);
    }
    const controller = new AbortController();
    controller.abort();
    await expect(
      bucket.uploadDirectory(root, { abortSignal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(counter.total).toBe(0);
  });
});
