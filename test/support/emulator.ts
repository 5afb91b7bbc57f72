/**
 * Helpers for integration tests that talk to the moto server started by
 * test/support/global-setup.cjs (see scripts/emulator.mjs).
 */
import { S3Client } from '@aws-sdk/client-s3';
import { randomBytes } from 'node:crypto';

export const TEST_REGION = 'us-east-1';

export const TEST_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

export interface TestClientConfig {
  region: string;
  endpoint: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** The emulator's endpoint, e.g. `http://127.0.0.1:41234`. */
export function testEndpoint(): string {
  const endpoint = process.env.AWS_RESOURCES_TEST_ENDPOINT;
  if (!endpoint) {
    throw new Error(
      'the emulator is not running: run tests through npm test / jest with the global setup',
    );
  }
  return endpoint;
}

/** Config for any v3 client (or a session) that points at the emulator with dummy credentials. */
export function clientConfig(): TestClientConfig {
  return {
    region: TEST_REGION,
    endpoint: testEndpoint(),
    credentials: { ...TEST_CREDENTIALS },
  };
}

/** A new S3Client for the emulator (path-style, as moto on 127.0.0.1 needs). */
export function s3Client(): S3Client {
  return new S3Client({ ...clientConfig(), forcePathStyle: true });
}

let counter = 0;

/**
 * A valid S3 bucket name (3-63 chars of a-z, 0-9, '-'), unique per call across parallel jest
 * workers and test files: `<prefix>-<pid>-<counter>-<random>`.
 */
export function uniqueName(prefix = 'test'): string {
  counter += 1;
  let head = prefix
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/^[a-z0-9]/.test(head)) head = `t${head}`;
  if (head.startsWith('xn--') || head.startsWith('sthree-')) head = `t-${head}`;
  const tail = `${process.pid.toString(36)}-${counter.toString(36)}-${randomBytes(3).toString('hex')}`;
  head = head.slice(0, 63 - tail.length - 1).replace(/-+$/, '');
  return `${head}-${tail}`;
}

/**
 * Clears every backend of the emulator (POST /moto-api/reset). It is shared by all jest
 * workers running in parallel: only call this from tests that run alone (`--runInBand`),
 * prefer unique names instead.
 */
export async function resetEmulator(): Promise<void> {
  const endpoint = testEndpoint().replace(/\/+$/, '');
  const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
  const body = await res.text();
  if (!res.ok) throw new Error(`POST ${endpoint}/moto-api/reset failed (${res.status}): ${body}`);
}
