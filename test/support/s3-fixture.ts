/**
 * The set-up most S3 integration files share: one client with a request counter, an `S3`
 * on it, optionally a bucket of the file's own, and clean-up of every bucket the file made.
 */
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  type CreateBucketCommandInput,
  DeleteBucketCommand,
  DeleteObjectsCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  S3ServiceException,
  type S3Client,
} from '@aws-sdk/client-s3';
import { type Bucket, S3 } from '../../src/resources/s3/index.js';
import { s3Client, uniqueName } from './emulator.js';
import { countRequests, type RequestCounter } from './request-counter.js';

/** Waiter options for moto, which answers at once: poll fast so waiters that retry stay quick. */
export const FAST_WAIT = { minDelay: 0.05, maxDelay: 0.1, maxWaitTime: 5 } as const;

export interface S3FixtureOptions {
  /** Create a bucket named after the prefix for the whole file (default true). */
  bucket?: boolean;
  /** Turn versioning on for that bucket. */
  versioned?: boolean;
}

export interface S3Fixture {
  readonly client: S3Client;
  /** Counts `client`'s requests; reset before each test, so set-up requests never show. */
  readonly counter: RequestCounter;
  readonly s3: S3;
  /** The file's bucket: named at once, created in beforeAll. */
  readonly bucket: Bucket;
  // newBucket and track are plain closures, so they can be destructured.
  /** Creates a bucket with the raw client, deletes it after the file, and resets the counter. */
  readonly newBucket: (
    prefix: string,
    input?: Omit<CreateBucketCommandInput, 'Bucket'>,
  ) => Promise<Bucket>;
  /** Deletes a bucket made some other way (by the code under test) after the file. */
  readonly track: (name: string) => void;
}

/**
 * Registers beforeAll / beforeEach / afterAll hooks in the calling file (or describe block).
 * Client, counter, s3 and the bucket's name exist as soon as this returns, so a file can
 * destructure them; only the bucket itself waits for beforeAll.
 */
export function useS3Fixture(prefix: string, options: S3FixtureOptions = {}): S3Fixture {
  const { bucket: ownBucket = true, versioned = false } = options;
  const client = s3Client();
  const counter = countRequests(client);
  const s3 = new S3({ client });
  const bucket = ownBucket ? s3.Bucket(uniqueName(prefix)) : undefined;
  const made = new Set<string>();

  beforeAll(async () => {
    if (!bucket) return;
    await client.send(new CreateBucketCommand({ Bucket: bucket.name }));
    made.add(bucket.name);
    if (versioned) {
      await client.send(
        new PutBucketVersioningCommand({
          Bucket: bucket.name,
          VersioningConfiguration: { Status: 'Enabled' },
        }),
      );
    }
  });

  beforeEach(() => counter.reset());

  afterAll(async () => {
    counter.remove();
    const failures: unknown[] = [];
    for (const name of made) {
      await emptyAndDeleteBucket(client, name).catch((e: unknown) => failures.push(e));
    }
    client.destroy();
    if (failures.length > 0) throw new AggregateError(failures, 'S3 fixture clean-up failed');
  });

  return {
    client,
    counter,
    s3,
    get bucket(): Bucket {
      if (!bucket) throw new Error(`useS3Fixture('${prefix}') was asked for no bucket`);
      return bucket;
    },
    newBucket: async (bucketPrefix, input = {}) => {
      const name = uniqueName(bucketPrefix);
      await client.send(new CreateBucketCommand({ ...input, Bucket: name }));
      made.add(name);
      counter.reset();
      return s3.Bucket(name);
    },
    track: (name) => {
      made.add(name);
    },
  };
}

/** Up to this many list-and-remove rounds (of up to 1,000 items each) before giving up. */
const MAX_ROUNDS = 100;

/**
 * Removes every object version, delete marker and multipart upload in progress, then the
 * bucket, with the raw client. A bucket that no longer exists is left alone.
 */
export async function emptyAndDeleteBucket(client: S3Client, name: string): Promise<void> {
  try {
    await abortUploads(client, name);
  } catch (e) {
    if (e instanceof S3ServiceException && e.name === 'NoSuchBucket') return;
    throw e;
  }
  await deleteVersions(client, name);
  await client.send(new DeleteBucketCommand({ Bucket: name }));
}

// Both loops list from the start each round: moto loses its place when the item a marker
// names was removed.
async function abortUploads(client: S3Client, Bucket: string): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const { Uploads = [] } = await client.send(new ListMultipartUploadsCommand({ Bucket }));
    if (Uploads.length === 0) return;
    for (const { Key, UploadId } of Uploads) {
      await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }));
    }
  }
  throw new Error(`could not abort every multipart upload in ${Bucket}`);
}

async function deleteVersions(client: S3Client, Bucket: string): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const listed = await client.send(new ListObjectVersionsCommand({ Bucket }));
    const Objects = [...(listed.Versions ?? []), ...(listed.DeleteMarkers ?? [])].map(
      ({ Key, VersionId }) => ({ Key, VersionId }),
    );
    if (Objects.length === 0) return;
    const { Errors = [] } = await client.send(
      new DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } }),
    );
    if (Errors.length > 0) {
      const failed = Errors.map((e) => `${e.Key} (${e.Code})`).join(', ');
      throw new Error(`could not empty ${Bucket}: ${failed}`);
    }
  }
  throw new Error(`could not empty ${Bucket}`);
}
