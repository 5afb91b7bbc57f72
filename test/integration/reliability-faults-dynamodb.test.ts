/**
 * DynamoDB under a 10% fault rate (test/support/fault-proxy.ts: 500 InternalServerError,
 * 400 ThrottlingException, connection resets, slow and truncated answers, half of the errors
 * after moto applied the request). The library's client talks to the proxy; every check goes
 * through the fixture's clean client straight to moto. Figures: docs/reliability.md.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDB, Key, type Table } from '../../src/resources/dynamodb/index.js';
import { FAST_WAIT, useDynamoDBFixture } from '../support/dynamodb-fixture.js';
import { clientConfig } from '../support/emulator.js';
import { startFaultProxy, TEN_PERCENT, type FaultProxy } from '../support/fault-proxy.js';
import { countRequests } from '../support/request-counter.js';
import { faultSeed } from '../support/seeded-random.js';

const SEED = faultSeed(8_2027);
/** Attempts per request of the v3 standard retry strategy (its default is 3). */
const MAX_ATTEMPTS = 6;
const ITEMS = 2_500;
const PARTITIONS = 5;

const fixture = useDynamoDBFixture();
let proxy: FaultProxy;
let faulty: DynamoDBClient;
let table: Table;
/** The same table through the clean client. */
let cleanTable: Table;

type Row = { id: string; n: number; payload: string };
const row = (i: number): Row => ({ id: `p${i % PARTITIONS}`, n: i, payload: `item ${i}` });
const byKey = (a: Row, b: Row) => a.id.localeCompare(b.id) || a.n - b.n;

async function cleanScan(): Promise<Row[]> {
  return ((await cleanTable.scan().toArray()) as Row[]).sort(byKey);
}

/**
 * Logs the faults injected since `mark` under the test's name. A test into which the seed
 * injected no fault proves nothing: it fails then (rare with these request counts; the
 * default seed faults every test), naming the seed.
 */
function faultsSince(mark: number, test: string | undefined): void {
  const window = proxy.since(mark);
  console.log(`${test}: ${window.text}`);
  if (window.faults === 0)
    throw new Error(`seed ${SEED} injected no fault into this test: try another FAULT_SEED`);
}

beforeAll(async () => {
  cleanTable = await fixture.newTable('faults-ddb', 'id+n');
  proxy = await startFaultProxy({ seed: SEED, rates: TEN_PERCENT });
  faulty = new DynamoDBClient({
    ...clientConfig(),
    endpoint: proxy.endpoint,
    retryMode: 'standard',
    maxAttempts: MAX_ATTEMPTS,
  });
  table = new DynamoDB({ client: faulty }).Table(cleanTable.name);
  console.log(`DynamoDB fault proxy seed ${SEED} (FAULT_SEED=${SEED} replays it)`);
});

afterAll(async () => {
  console.log(`DynamoDB faults: ${proxy?.summary()}`);
  faulty?.destroy();
  await proxy?.stop();
});

describe(`DynamoDB under 10% faults (seed ${SEED})`, () => {
  const all = Array.from({ length: ITEMS }, (_, i) => row(i));

  it('the batch writer writes every item (checked by a scan through a clean client)', async () => {
    const mark = proxy.stats.requests;
    await table.batchWriter(
      async (writer) => {
        for (const item of all) await writer.putItem({ Item: item });
      },
      { concurrency: 4 },
    );
    expect(await cleanScan()).toEqual([...all].sort(byKey));
    faultsSince(mark, expect.getState().currentTestName);
  });

  it('collections (scan and query) yield every item exactly once', async () => {
    const mark = proxy.stats.requests;
    const scanned = (await table.scan().pageSize(50).toArray()) as Row[];
    expect(scanned.length).toBe(ITEMS);
    expect([...scanned].sort(byKey)).toEqual([...all].sort(byKey));
    const queried = (await table
      .query({ KeyConditionExpression: Key('id').eq('p3') })
      .pageSize(20)
      .toArray()) as Row[];
    expect(queried).toEqual(all.filter((r) => r.id === 'p3'));
    faultsSince(mark, expect.getState().currentTestName);
  });

  it('batchGetItem reads every key exactly once', async () => {
    const mark = proxy.stats.requests;
    const dynamodb = new DynamoDB({ client: faulty });
    const read: Row[] = [];
    for (let start = 0; start < ITEMS; start += 50) {
      const Keys = all.slice(start, start + 50).map(({ id, n }) => ({ id, n }));
      const { Responses = {} } = await dynamodb.batchGetItem({
        RequestItems: { [table.name]: { Keys } },
      });
      read.push(...((Responses[table.name] ?? []) as Row[]));
    }
    expect(read.sort(byKey)).toEqual([...all].sort(byKey));
    faultsSince(mark, expect.getState().currentTestName);
  });

  it('the batch writer deletes exactly the keys it is given', async () => {
    const mark = proxy.stats.requests;
    const doomed = all.filter((r) => r.n % 2 === 0);
    await table.batchWriter(
      async (writer) => {
        for (const { id, n } of doomed) await writer.deleteItem({ Key: { id, n } });
      },
      { concurrency: 4 },
    );
    expect(await cleanScan()).toEqual(all.filter((r) => r.n % 2 === 1).sort(byKey));
    faultsSince(mark, expect.getState().currentTestName);
  });
});

describe('waiters survive transient errors', () => {
  it('table.waitUntilExists polls through 3 faults (the v3 client does not retry)', async () => {
    const burst = await startFaultProxy({
      seed: SEED,
      rates: { internalError: 0.25, throttle: 0.25, reset: 0.25, truncate: 0.25 },
      maxFaults: 3,
    });
    const single = new DynamoDBClient({
      ...clientConfig(),
      endpoint: burst.endpoint,
      maxAttempts: 1,
    });
    try {
      const counter = countRequests(single);
      await new DynamoDB({ client: single }).Table(cleanTable.name).waitUntilExists(FAST_WAIT);
      expect(burst.stats.totalFaults).toBe(3);
      expect(counter.count('DescribeTable')).toBe(4);
    } finally {
      single.destroy();
      await burst.stop();
    }
  });
});
