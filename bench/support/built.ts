import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The repository root. */
export const root = join(__dirname, '..', '..');

/** The services with an entry point (`aws-resources/<svc>`). */
export const SERVICES = [
  's3',
  'dynamodb',
  'ec2',
  'lambda',
  'sqs',
  'sns',
  'cloudwatch',
  'cloudformation',
  'iam',
  'glacier',
] as const;
export type Service = (typeof SERVICES)[number];

/** The built CommonJS entry of a service, as `require('aws-resources/<svc>')` loads it. */
export function builtEntry(service: Service, format: 'cjs' | 'esm' = 'cjs'): string {
  return join(root, 'dist', format, 'resources', service, 'index.js');
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let checked = false;

/**
 * Fails without dist/ and warns when src/ changed after the build: the benchmarks measure
 * what users run (the bundles), not the TypeScript sources through a loader.
 */
export function assertBuilt(): void {
  if (checked) return;
  const marker = builtEntry('s3');
  if (!existsSync(marker)) throw new Error('dist/ is missing: run `npm run build` first');
  if (newestMtime(join(root, 'src')) > statSync(marker).mtimeMs) {
    console.warn('bench: src/ changed after the last build; run `npm run build` to measure it');
  }
  checked = true;
}

/**
 * The built `aws-resources/<svc>` module, typed as its source.
 *
 * @example
 * ```ts
 * const { S3 } = loadBuilt<typeof import('../../src/resources/s3/index.js')>('s3');
 * ```
 */
export function loadBuilt<T>(service: Service): T {
  assertBuilt();
  return createRequire(__filename)(builtEntry(service)) as T;
}
