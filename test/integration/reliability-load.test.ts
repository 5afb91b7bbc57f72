/**
 * Load: 1,000 concurrent first reads of one resource cost one request; a batch delete of
 * 10,000 objects (LOAD_OBJECTS sets another multiple of 1,000) and a
 * 10,000-item batch write keep their requests in flight within their bound (measured with a
 * middleware on the client). Figures: docs/reliability.md.
 */
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { useDynamoDBFixture } from '../support/dynamodb-fixture.js';
import { trackInFlight } from '../support/in-flight.js';
import { useS3Fixture } from '../support/s3-fixture.js';

/**
 * Putting the objects is the slow part (moto takes about 250 PutObject/s: 10,000 take about
 * 40 s on their own, longer beside the rest of the suite), hence the long timeout below.
 */
const OBJECTS = loadObjects();
const ITEMS = 10_000;
const READS = 1_000;

const s3 = useS3Fixture('load');
const ddb = useDynamoDBFixture();

function loadObjects(): number {
  const n = Number(process.env.LOAD_OBJECTS ?? 10_000);
  if (!Number.isSafeInteger(n) || n < 1000 || n % 1000 !== 0)
    throw new Error(`LOAD_OBJECTS must be a multiple of 1,000, got ${process.env.LOAD_OBJECTS}`);
  return n;
}

/** Runs `work` over `items` with at most `size` at a time. */
async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: size }, worker));
}

describe(`${READS} concurrent first reads of one resource`, () => {
  it('S3 Object: one HeadObject', async () => {
    await s3.bucket.putObject({ Key: 'one', Body: 'x', Metadata: { a: 'b' } });
    s3.counter.reset();
    const obj = s3.bucket.Object('one');
    const reads = Array.from({ length: READS }, (_, i) =>
      i % 3 === 0 ? obj.contentLength : i % 3 === 1 ? obj.eTag : obj.load(),
    );
    const values = await Promise.all(reads);
    expect(values[0]).toBe(1);
    expect(s3.counter.byOperation).toEqual({ HeadObject: 1 });
  });

  it('DynamoDB Table: one DescribeTable', async () => {
    const created = await ddb.newTable('load-reads');
    const table = ddb.dynamodb.Table(created.name);
    const values = await Promise.all(
      Array.from({ length: READS }, (_, i) => (i % 2 ? table.tableStatus : table.itemCount)),
    );
    expect(values[1]).toBe('ACTIVE');
    expect(ddb.counter.byOperation).toEqual({ DescribeTable: 1 });
  });
});

describe(`a ${OBJECTS.toLocaleString('en')}-object batch delete`, () => {
  it('sends one DeleteObjects per page of 1,000, one request in flight at a time', async () => {
    const bucket = await s3.newBucket('load-delete');
    const keys = Array.from({ length: OBJECTS }, (_, i) => `k/${String(i).padStart(5, '0')}`);
    const started = Date.now();
    // Raw PutObject through a pool of 16: moto takes about 250 requests/s.
    await pool(keys, 16, (Key) =>
      s3.client.send(new PutObjectCommand({ Bucket: bucket.name, Key, Body: 'x' })),
    );
    const putMs = Date.now() - started;
    s3.counter.reset();
    const inFlight = trackInFlight(s3.client);
    try {
      const deleting = Date.now();
      const responses = await bucket.objects.all().delete();
      const deleteMs = Date.now() - deleting;
      expect(responses).toHaveLength(OBJECTS / 1000);
      expect(s3.counter.count('DeleteObjects')).toBe(OBJECTS / 1000);
      expect(s3.counter.count('ListObjectsV2')).toBe(OBJECTS / 1000);
      expect(inFlight.max).toBe(1);
      console.log(
        `batch delete of ${OBJECTS} objects: ${s3.counter.total} requests, at most ` +
          `${inFlight.max} in flight, ${deleteMs} ms (putting them took ${putMs} ms)`,
      );
    } finally {
      inFlight.remove();
    }
    const left = await s3.client.send(new ListObjectsV2Command({ Bucket: bucket.name }));
    expect(left.KeyCount).toBe(0);
  }, 300_000);
});

describe(`a ${ITEMS.toLocaleString('en')}-item batch write`, () => {
  it.each([1, 4])(
    'with concurrency %i keeps at most that many BatchWriteItem requests in flight',
    async (concurrency) => {
      const table = await ddb.newTable(`load-write-${concurrency}`);
      const inFlight = trackInFlight(ddb.client);
      try {
        const started = Date.now();
        await table.batchWriter(
          async (writer) => {
            for (let i = 0; i < ITEMS; i++) await writer.putItem({ Item: { id: `i${i}`, n: i } });
          },
          { concurrency },
        );
        const ms = Date.now() - started;
        expect(ddb.counter.count('BatchWriteItem')).toBe(ITEMS / 25);
        expect(inFlight.max).toBe(concurrency);
        console.log(
          `batch write of ${ITEMS} items, concurrency ${concurrency}: ` +
            `${ddb.counter.count('BatchWriteItem')} requests, at most ${inFlight.max} in flight, ${ms} ms`,
        );
      } finally {
        inFlight.remove();
      }
      let count = 0;
      let ExclusiveStartKey: Record<string, never> | undefined;
      do {
        const page = await ddb.client.send(
          new ScanCommand({ TableName: table.name, Select: 'COUNT', ExclusiveStartKey }),
        );
        count += page.Count ?? 0;
        ExclusiveStartKey = page.LastEvaluatedKey as typeof ExclusiveStartKey;
      } while (ExclusiveStartKey);
      expect(count).toBe(ITEMS);
    },
  );
});
