/**
 * One memory measurement, in a fresh process: iterates `keys` S3 keys (canned, in-process)
 * through the built library or the raw paginator and prints, as JSON, the peak RSS in bytes or
 * (`live`, with --expose-gc) the heap still in use after a full GC half-way through.
 * Usage: node [--expose-gc] --import tsx bench/memory-child.ts <lib|raw> <keys> <peak|live>
 */
import { paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { loadBuilt } from './support/built.js';
import { cannedS3Client } from './support/canned-s3.js';

type S3Module = typeof import('../src/resources/s3/index.js');

async function main(): Promise<void> {
  const [mode, size, what] = process.argv.slice(2);
  const keys = Number(size);
  const gc = (globalThis as { gc?: () => void }).gc;
  if ((mode !== 'lib' && mode !== 'raw') || !Number.isSafeInteger(keys)) {
    throw new Error('usage: memory-child.ts <lib|raw> <keys> <peak|live>');
  }
  if (what === 'live' && !gc) throw new Error('live needs node --expose-gc');
  // Pages are made on demand, so the process holds one page of the listing at a time.
  const client = cannedS3Client(keys, true);
  const { S3 } = loadBuilt<S3Module>('s3');
  let sampled = process.memoryUsage().rss;
  let seen = 0;
  let live = 0;
  const sample = () => {
    if (seen % 1000 === 0) sampled = Math.max(sampled, process.memoryUsage().rss);
    if (what === 'live' && seen === Math.floor(keys / 2)) {
      gc?.();
      live = process.memoryUsage().heapUsed;
    }
  };
  if (mode === 'lib') {
    for await (const object of new S3({ client }).Bucket('bench').objects.all()) {
      if (object.key) seen++;
      sample();
    }
  } else {
    for await (const page of paginateListObjectsV2({ client }, { Bucket: 'bench' })) {
      for (const item of page.Contents ?? []) if (item.Key) seen++;
      sample();
    }
  }
  if (seen !== keys) throw new Error(`iterated ${seen} of ${keys} keys`);
  // maxRSS is in kilobytes; the sampled peak is a check on it.
  const bytes = what === 'live' ? live : Math.max(process.resourceUsage().maxRSS * 1024, sampled);
  console.log(JSON.stringify({ mode, keys, what, bytes }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
