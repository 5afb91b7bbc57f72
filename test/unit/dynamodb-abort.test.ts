/**
 * DynamoDB batch calls send on their own (the batch writer through the document client):
 * a request its signal cut short still comes back as the library's AbortError.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AbortError } from '../../src/index.js';
import { BatchWriteError, DynamoDB } from '../../src/resources/dynamodb/index.js';
import { SIGNAL_NAMES, signalOption } from '../support/signal-names.js';

/** A client whose requests never leave: each aborts `controller` and fails as v3 does. */
function abortingClient(controller: AbortController, sdkError: Error): DynamoDBClient {
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 1,
  });
  client.middlewareStack.add(
    () => () => {
      controller.abort();
      return Promise.reject(sdkError);
    },
    { step: 'initialize', name: 'abortEveryRequest' },
  );
  return client;
}

const clientAbortError = () => Object.assign(new Error('Request aborted'), { name: 'AbortError' });

describe('DynamoDB batch calls aborted mid-request', () => {
  it.each(SIGNAL_NAMES)(
    'batchWriteItem rejects with AbortError, the client error as cause (as %s)',
    async (name) => {
      const controller = new AbortController();
      const sdkError = clientAbortError();
      const client = abortingClient(controller, sdkError);
      const dynamodb = new DynamoDB({ client });
      const error = await dynamodb
        .batchWriteItem(
          { RequestItems: { users: [{ PutRequest: { Item: { id: 'u1' } } }] } },
          { ...signalOption(name, controller.signal) },
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AbortError);
      expect((error as AbortError).cause).toBe(sdkError);
      client.destroy();
    },
  );

  it.each(SIGNAL_NAMES)(
    'the batch writer raises the unsent writes with the AbortError as cause (as %s)',
    async (name) => {
      const controller = new AbortController();
      const sdkError = clientAbortError();
      const client = abortingClient(controller, sdkError);
      const table = new DynamoDB({ client }).Table('users');
      const error = await table
        .batchWriter(async (w) => w.putItem({ Item: { id: 'u1' } }), {
          ...signalOption(name, controller.signal),
        })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BatchWriteError);
      expect((error as BatchWriteError).failures).toHaveLength(1);
      const cause = (error as BatchWriteError).cause;
      expect(cause).toBeInstanceOf(AbortError);
      expect((cause as AbortError).cause).toBe(sdkError);
      client.destroy();
    },
  );
});
