import { Readable } from 'node:stream';
import { S3Client } from '@aws-sdk/client-s3';

/** The least a v3 request handler must do: answer each request. */
interface CannedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, unknown>;
}

/** ListObjectsV2 pages of 1,000 keys, built once, served from memory. */
function listPages(keys: number): Buffer[] {
  const pages: Buffer[] = [];
  for (let start = 0; start < keys; start += 1000) {
    const end = Math.min(keys, start + 1000);
    const items: string[] = [];
    for (let k = start; k < end; k++) {
      items.push(
        `<Contents><Key>key-${k}</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified>` +
          `<ETag>"etag"</ETag><Size>${k}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
      );
    }
    const more = end < keys;
    pages.push(
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><Name>bench</Name>` +
          `<KeyCount>${end - start}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>${more}</IsTruncated>` +
          items.join('') +
          (more ? `<NextContinuationToken>${end}</NextContinuationToken>` : '') +
          `</ListBucketResult>`,
      ),
    );
  }
  return pages;
}

/**
 * An S3Client whose requests never leave the process: ListObjectsV2 answers `keys` keys in
 * pages of 1,000 and HeadObject answers a fixed object, so a benchmark measures the SDK and
 * the library, not a network or an emulator.
 */
export function cannedS3Client(keys: number): S3Client {
  const pages = listPages(keys);
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
    const token = request.query['continuation-token'];
    const page = pages[token ? Number(token) / 1000 : 0] ?? pages[0];
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
