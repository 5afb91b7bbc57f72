/**
 * The set-up DynamoDB integration files share: one client with a request counter, a
 * `DynamoDB` on it, tables made per file (deleted after it), and a middleware that makes
 * DynamoDB leave part of a batch unprocessed.
 */
import {
  DeleteTableCommand,
  type AttributeDefinition,
  type DynamoDBClient,
  type KeySchemaElement,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-dynamodb';
import type { InitializeHandlerArguments, InitializeMiddleware } from '@smithy/types';
import { DynamoDB, type Table } from '../../src/resources/dynamodb/index.js';
import { dynamodbClient } from './dynamodb.js';
import { uniqueName } from './emulator.js';
import { countRequests, type RequestCounter } from './request-counter.js';

/** Waiter options for moto, which answers at once. */
export const FAST_WAIT = { minDelay: 0.05, maxDelay: 0.1, maxWaitTime: 5 } as const;

/** A table's key: a string hash key `id`, and optionally a number range key `n`. */
export type KeyShape = 'id' | 'id+n';

export interface DynamoDBFixture {
  readonly client: DynamoDBClient;
  /** Counts `client`'s HTTP requests; reset before each test. */
  readonly counter: RequestCounter;
  readonly dynamodb: DynamoDB;
  /** Creates a table (PAY_PER_REQUEST) deleted after the file, and resets the counter. */
  readonly newTable: (prefix: string, key?: KeyShape) => Promise<Table>;
  /** Deletes a table made some other way after the file. */
  readonly track: (name: string) => void;
}

/** Registers the hooks in the calling file; the client, counter and service exist at once. */
export function useDynamoDBFixture(): DynamoDBFixture {
  const client = dynamodbClient();
  const counter = countRequests(client);
  const dynamodb = new DynamoDB({ client });
  const made = new Set<string>();

  beforeEach(() => counter.reset());

  afterAll(async () => {
    counter.remove();
    for (const TableName of made) {
      await client.send(new DeleteTableCommand({ TableName })).catch((e: unknown) => {
        if ((e as { name?: string }).name !== 'ResourceNotFoundException') throw e;
      });
    }
    client.destroy();
  });

  return {
    client,
    counter,
    dynamodb,
    newTable: async (prefix, key = 'id') => {
      const KeySchema: KeySchemaElement[] = [{ AttributeName: 'id', KeyType: 'HASH' }];
      const AttributeDefinitions: AttributeDefinition[] = [
        { AttributeName: 'id', AttributeType: 'S' },
      ];
      if (key === 'id+n') {
        KeySchema.push({ AttributeName: 'n', KeyType: 'RANGE' });
        AttributeDefinitions.push({ AttributeName: 'n', AttributeType: 'N' });
      }
      const table = await dynamodb.createTable({
        TableName: uniqueName(prefix),
        KeySchema,
        AttributeDefinitions,
        BillingMode: 'PAY_PER_REQUEST',
      });
      made.add(table.name);
      counter.reset();
      return table;
    },
    track: (name) => {
      made.add(name);
    },
  };
}

type Input = { RequestItems?: Record<string, unknown> };

export interface HeldBack {
  /** BatchWriteItem / BatchGetItem calls the middleware saw (sent or answered itself). */
  readonly calls: number;
  /** Everything held back so far, per call. */
  readonly held: unknown[][];
  remove(): void;
}

/**
 * Makes DynamoDB leave part of each `operation` call unprocessed, as a throttled table does:
 * `hold(call, entries)` says how many of the table's last entries (write requests, or keys)
 * to hold back. They are not sent, and come back as `UnprocessedItems` / `UnprocessedKeys`
 * (in native values: the middleware sits outside the document client's marshalling). When
 * every entry is held, the middleware answers without a request.
 */
export function holdBack(
  client: DynamoDBClient,
  operation: 'BatchWriteItem' | 'BatchGetItem',
  table: string,
  hold: (call: number, entries: number) => number,
): HeldBack {
  let calls = 0;
  const held: unknown[][] = [];
  const middleware: InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes> =
    (next, context) => async (args) => {
      if (context.commandName !== `${operation}Command`) return next(args);
      calls += 1;
      const input = args.input as Input;
      const isWrite = operation === 'BatchWriteItem';
      const entry = input.RequestItems?.[table] as unknown[] | { Keys: unknown[] } | undefined;
      const entries = (isWrite ? (entry as unknown[]) : (entry as { Keys: unknown[] })?.Keys) ?? [];
      const count = Math.min(entries.length, hold(calls, entries.length));
      const kept = entries.slice(0, entries.length - count);
      const back = entries.slice(entries.length - count);
      held.push(back);
      const rest = { ...input.RequestItems };
      if (kept.length === 0) delete rest[table];
      else rest[table] = isWrite ? kept : { ...(entry as object), Keys: kept };
      const unprocessed =
        back.length === 0 ? {} : { [table]: isWrite ? back : { ...(entry as object), Keys: back } };
      const member = isWrite ? 'UnprocessedItems' : 'UnprocessedKeys';
      if (Object.keys(rest).length === 0) {
        const output = {
          $metadata: {},
          [member]: unprocessed,
          ...(isWrite ? {} : { Responses: {} }),
        };
        return { output: output as ServiceOutputTypes, response: {} };
      }
      const result = await next({
        ...args,
        input: { ...input, RequestItems: rest },
      } as InitializeHandlerArguments<ServiceInputTypes>);
      const sent = result.output as unknown as Record<string, Record<string, unknown> | undefined>;
      sent[member] = { ...sent[member], ...unprocessed };
      return result;
    };
  client.middlewareStack.add(middleware, { step: 'initialize', name: `holdBack${operation}` });
  return {
    get calls() {
      return calls;
    },
    held,
    remove: () => {
      client.middlewareStack.remove(middleware);
    },
  };
}
