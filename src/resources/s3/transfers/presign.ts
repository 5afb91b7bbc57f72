/**
 * Presigned URLs for GetObject and PutObject, through `@aws-sdk/s3-request-presigner`.
 * Presigning is local: it signs with the client's credentials and sends no request.
 *
 * @packageDocumentation
 */
import {
  GetObjectCommand,
  PutObjectCommand,
  type GetObjectCommandInput,
  type PutObjectCommandInput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { ParamValidationError } from '../../../core/index.js';
import { loadRequestPresigner } from './lazy.js';
import { assertNonEmptyString } from './options.js';

/** The longest a SigV4 presigned URL may stay valid: 7 days, in seconds. */
export const MAX_PRESIGN_EXPIRES_IN = 604_800;

/** PutObject members by which a caller asks for a checksum of their own. */
const CHECKSUM_MEMBERS = [
  'ChecksumAlgorithm',
  'ChecksumCRC32',
  'ChecksumCRC32C',
  'ChecksumCRC64NVME',
  'ChecksumSHA1',
  'ChecksumSHA256',
] as const satisfies readonly (keyof PutObjectCommandInput)[];

/** The headers the client's default request checksum adds to a PutObject. */
const DEFAULT_CHECKSUM_HEADERS = [
  'x-amz-sdk-checksum-algorithm',
  'x-amz-checksum-crc32',
  'x-amz-checksum-crc32c',
  'x-amz-checksum-crc64nvme',
  'x-amz-checksum-sha1',
  'x-amz-checksum-sha256',
];

/**
 * Options of {@link S3Object.presignGet} and {@link S3Object.presignPut}.
 *
 * @public
 */
export interface PresignOptions {
  /** Seconds the URL stays valid: an integer from 1 to 604800 (7 days). Default: 3600. */
  expiresIn?: number;
}

function assertExpiresIn(fn: string, value: unknown): asserts value is number {
  if (typeof value !== 'number') {
    throw new ParamValidationError(
      `${fn}: expiresIn must be a number of seconds, got ${typeof value}`,
    );
  }
  if (!Number.isInteger(value) || value <= 0 || value > MAX_PRESIGN_EXPIRES_IN) {
    throw new ParamValidationError(
      `${fn}: expiresIn must be an integer from 1 to ${MAX_PRESIGN_EXPIRES_IN} seconds (7 days), got ${value}`,
    );
  }
}

function assertTarget(fn: string, params: { Bucket?: unknown; Key?: unknown } | undefined): void {
  if (params === null || typeof params !== 'object') {
    throw new ParamValidationError(`${fn}: params must be an object with Bucket and Key`);
  }
  assertNonEmptyString(fn, 'params.Bucket', params.Bucket);
  assertNonEmptyString(fn, 'params.Key', params.Key);
}

/**
 * A URL that lets anyone holding it GET the object until it expires — for a browser
 * download link or a hand-off to another service without AWS credentials.
 *
 * @param client - the S3 client whose region, endpoint and credentials sign the URL
 * @param params - the GetObject input, e.g. `{ Bucket, Key, VersionId?, ResponseContentDisposition? }`
 * @param options - `expiresIn` seconds, default 3600
 * @returns the presigned HTTPS URL
 * @throws ParamValidationError for a bad `expiresIn` or a missing Bucket/Key
 *
 * @example
 * ```ts
 * const url = await presignGet(
 *   client,
 *   { Bucket: 'reports', Key: 'q3.pdf', ResponseContentDisposition: 'attachment; filename="q3.pdf"' },
 *   { expiresIn: 900 },
 * );
 * ```
 */
export async function presignGet(
  client: S3Client,
  params: GetObjectCommandInput,
  { expiresIn = 3600 }: PresignOptions = {},
): Promise<string> {
  const fn = 'presignGet';
  assertExpiresIn(fn, expiresIn);
  assertTarget(fn, params);
  // Loaded on first use: most programs never presign.
  const { getSignedUrl } = await loadRequestPresigner();
  return getSignedUrl(client, new GetObjectCommand(params), { expiresIn });
}

/**
 * A URL that lets anyone holding it PUT the object until it expires — for direct browser
 * uploads. Headers signed into the URL (ContentType, Metadata, ...) must be sent with the
 * same values by the uploader. The client's default CRC32 request checksum, which could only
 * be that of an empty body at signing time, is left out of the URL; a checksum the caller
 * sets (`ChecksumAlgorithm`, `ChecksumSHA256`, ...) is kept.
 *
 * @param client - the S3 client whose region, endpoint and credentials sign the URL
 * @param params - the PutObject input without a body, e.g. `{ Bucket, Key, ContentType? }`
 * @param options - `expiresIn` seconds, default 3600
 * @returns the presigned HTTPS URL
 * @throws ParamValidationError for a bad `expiresIn` or a missing Bucket/Key
 *
 * @example
 * ```ts
 * const url = await presignPut(client, { Bucket: 'uploads', Key: 'avatar/u1.png', ContentType: 'image/png' });
 * await fetch(url, { method: 'PUT', body: png, headers: { 'content-type': 'image/png' } });
 * ```
 */
export async function presignPut(
  client: S3Client,
  params: Omit<PutObjectCommandInput, 'Body'>,
  { expiresIn = 3600 }: PresignOptions = {},
): Promise<string> {
  const fn = 'presignPut';
  assertExpiresIn(fn, expiresIn);
  assertTarget(fn, params);
  const { getSignedUrl } = await loadRequestPresigner();
  const userChecksum = CHECKSUM_MEMBERS.some((member) => params[member] !== undefined);
  if (userChecksum) return getSignedUrl(client, new PutObjectCommand(params), { expiresIn });
  // With the default `requestChecksumCalculation: 'WHEN_SUPPORTED'` the client adds the CRC32
  // of the (empty) body it is signing, which S3 would then hold the real upload to and reject
  // it (aws/aws-sdk-js-v3#6994). Keeping those headers out of the query and the signature
  // drops them from the URL, without changing the caller's client.
  const defaultChecksumHeaders = () => new Set(DEFAULT_CHECKSUM_HEADERS);
  return getSignedUrl(client, new PutObjectCommand(params), {
    expiresIn,
    unhoistableHeaders: defaultChecksumHeaders(),
    unsignableHeaders: defaultChecksumHeaders(),
  });
}
