/**
 * Bad input is rejected before any request, with an error that names the problem: every case
 * of test/support/bad-input-cases.ts runs against clients of all four services (pointed at
 * moto, with request counters), and must throw or reject with its error class and message
 * while no client sends anything. docs/reliability.md holds the table of every case and
 * its message; the last test keeps it in step (UPDATE_RELIABILITY_DOCS=1 rewrites it).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { DynamoDB } from '../../src/resources/dynamodb/index.js';
import { EC2 } from '../../src/resources/ec2/index.js';
import { Lambda } from '../../src/resources/lambda/index.js';
import { S3 } from '../../src/resources/s3/index.js';
import { BAD_INPUT_CASES, type BadInputContext } from '../support/bad-input-cases.js';
import { clientConfig, s3Client } from '../support/emulator.js';
import {
  countRequests,
  type CountableClient,
  type RequestCounter,
} from '../support/request-counter.js';

const DOCS = resolve(__dirname, '..', '..', 'docs', 'reliability.md');
const START = '<!-- bad-input-table:start (generated from test/support/bad-input-cases.ts) -->';
const END = '<!-- bad-input-table:end -->';

const clients = [
  s3Client(),
  new DynamoDBClient(clientConfig()),
  new EC2Client(clientConfig()),
  new LambdaClient(clientConfig()),
] as const;
const counters: RequestCounter[] = clients.map((client) =>
  countRequests(client as CountableClient),
);
const dir = mkdtempSync(join(tmpdir(), 'aws-resources-bad-input-'));
const ctx: BadInputContext = {
  s3: new S3({ client: clients[0] }),
  dynamodb: new DynamoDB({ client: clients[1] }),
  ec2: new EC2({ client: clients[2] }),
  lambda: new Lambda({ client: clients[3] }),
  dir,
};
/** Each case's message, as thrown, for the docs table. */
const messages = new Map<number, string>();

afterAll(() => {
  counters.forEach((c) => c.remove());
  clients.forEach((c) => c.destroy());
  rmSync(dir, { recursive: true, force: true });
});

/** The error a case throws or rejects with (undefined if it did neither). */
async function errorOf(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('bad input is rejected before any request, naming the problem', () => {
  it.each(BAD_INPUT_CASES.map((c, i) => [i + 1, c.area, c.input, c] as const))(
    '#%i %s: %s',
    async (n, _area, _input, badCase) => {
      const error = await errorOf(() => badCase.run(ctx));
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).constructor.name).toBe(badCase.error);
      expect((error as Error).message).toMatch(badCase.message);
      expect(counters.map((c) => c.total)).toEqual([0, 0, 0, 0]);
      messages.set(n, (error as Error).message);
    },
  );
});

function cell(text: string): string {
  return text.replaceAll(dir, '<tmp>').replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** The table docs/reliability.md must hold, from the case list and the messages thrown. */
function table(): string {
  const rows = BAD_INPUT_CASES.map(
    (c, i) =>
      `| ${i + 1} | ${c.area} | ${cell(c.input)} | ${c.error} | ${cell(messages.get(i + 1) ?? '?')} |`,
  );
  return [
    '| # | Area | Input | Error | Message |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

it('docs/reliability.md lists every case tried, with its message', () => {
  expect(messages.size).toBe(BAD_INPUT_CASES.length);
  const docs = readFileSync(DOCS, 'utf8');
  const start = docs.indexOf(START);
  const end = docs.indexOf(END);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  const expected = `${START}\n\n${table()}\n\n${END}`;
  if (process.env.UPDATE_RELIABILITY_DOCS === '1') {
    writeFileSync(DOCS, docs.slice(0, start) + expected + docs.slice(end + END.length));
    return;
  }
  // Run with UPDATE_RELIABILITY_DOCS=1 to rewrite the table after changing the cases.
  expect(docs.slice(start, end + END.length)).toBe(expected);
});
