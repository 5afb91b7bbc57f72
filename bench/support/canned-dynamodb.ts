import { Readable } from 'node:stream';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** The part of a v3 HTTP request the canned handler reads. */
interface CannedRequest {
  readonly body?: Uint8Array | string;
}

const PAGE = 1000;

/** Query pages of 1,000 items in DynamoDB JSON, built once, served from memory. */
function queryPages(items: number): Buffer[] {
  const pages: Buffer[] = [];
  for (let start = 0; start < items; start += PAGE) {
    const end = Math.min(items, start + PAGE);
    const rows: string[] = [];
    for (let i = start; i < end; i++) {
      rows.push(
        `{"pk":{"S":"bench"},"sk":{"N":"${i}"},"name":{"S":"item-${i}"},"size":{"N":"${i * 7}"},"live":{"BOOL":true}}`,
      );
    }
    const last = end < items ? `,"LastEvaluatedKey":{"pk":{"S":"bench"},"sk":{"N":"${end}"}}` : '';
    pages.push(
      Buffer.from(
        `{"Count":${end - start},"ScannedCount":${end - start},"Items":[${rows.join(',')}]${last}}`,
      ),
    );
  }
  return pages.length > 0 ? pages : [Buffer.from('{"Count":0,"ScannedCount":0,"Items":[]}')];
}

/** The page a request asks for: the one after its `ExclusiveStartKey`. */
function pageIndex(body: Uint8Array | string | undefined): number {
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  const match = /"ExclusiveStartKey":.*?"sk":\{"N":"(\d+)"\}/.exec(text);
  return match ? Number(match[1]) / PAGE : 0;
}

/**
 * A DynamoDBClient whose Query requests never leave the process: `items` items in pages of
 * 1,000 with `LastEvaluatedKey`, so a benchmark measures the SDK, lib-dynamodb's
 * marshalling and the library, not a network or an emulator.
 */
export function cannedDynamoDBClient(items: number): DynamoDBClient {
  const pages = queryPages(items);
  const handle = async (request: CannedRequest) => ({
    response: {
      statusCode: 200,
      headers: { 'content-type': 'application/x-amz-json-1.0' },
      body: Readable.from([pages[pageIndex(request.body)] ?? pages[0]]),
    },
  });
  return new DynamoDBClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    requestHandler: { handle } as unknown as DynamoDBClient['config']['requestHandler'],
  });
}
