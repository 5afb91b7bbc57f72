import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';

/** The least a v3 request handler must do: answer each request. */
interface CannedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, unknown>;
}

/** The ListObjectsV2 page of 1,000 keys that starts at `start`. */
function listPage(keys: number, start: number): Buffer {
  const end = Math.min(keys, start + 1000);
  const items: string[] = [];
  for (let k = start; k < end; k++) {
    items.push(
      `<Contents><Key>key-${k}</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified>` +
        `<ETag>"etag"</ETag><Size>${k}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
    );
  }
  const more = end < keys;
  return Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>bench</Name>` +
      `<KeyCount>${end - start}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>${more}</IsTruncated>` +
      items.join('') +
      (more ? `<NextContinuationToken>${end}</NextContinuationToken>` : '') +
      `</ListBucketResult>`,
  );
}

/**
 * An S3Client whose requests never leave the process: ListObjectsV2 answers `keys` keys in
 * pages of 1,000 and HeadObject answers a fixed object, so a benchmark measures the SDK and
 * the library, not a network or an emulator. Pages are built once up front, or with
 * `onDemand` when asked for (so a memory benchmark does not hold the whole listing).
 */
export function cannedS3Client(keys: number, onDemand = false): S3Client {
  const pages: Buffer[] = [];
  if (!onDemand) for (let start = 0; start < keys; start += 1000) pages.push(listPage(keys, start));
  const handle = async (request: CannedRequest) => {
    if (request.method === 'HEAD') {
      return {
        response: {
          statusCode: 200,
          headers: {
            'content-length': '42',
            etag: '"etag"',
            'last-modified': 'Thu, 01 Jan 2026 00:00:00 GMT',
          },
          body: Readable.from([]),
        },
      };
    }
    const start = Number(request.query['continuation-token'] ?? 0);
    const page = pages[start / 1000] ?? listPage(keys, start);
    return {
      response: {
        statusCode: 200,
        headers: { 'content-type': 'application/xml' },
        body: Readable.from([page]),
      },
    };
  };
  return new S3Client({
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    requestHandler: { handle } as unknown as S3Client['config']['requestHandler'],
  });
}
