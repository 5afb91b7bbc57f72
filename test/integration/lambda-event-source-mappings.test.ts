/**
 * EventSourceMapping against moto (a DynamoDB stream as the event source):
 * createEventSourceMapping, loading, update, delete, and the service's and a function's
 * eventSourceMappings collections.
 */
import { EventSourceMapping, Lambda } from '../../src/resources/lambda/index.js';
import { countRequests } from '../support/request-counter.js';
import {
  ensureRole,
  functionName,
  functionParams,
  lambdaClient,
  streamArn,
} from '../support/lambda.js';

const client = lambdaClient();
const lambda = new Lambda({ client });
const counter = countRequests(client);
let role: string;
let source: string;

beforeAll(async () => {
  [role, source] = await Promise.all([ensureRole(), streamArn()]);
});
afterAll(() => counter.remove());
beforeEach(() => counter.reset());

async function mapping(batchSize = 10): Promise<EventSourceMapping> {
  const fn = await lambda.createFunction(functionParams(functionName('esm'), role));
  return lambda.createEventSourceMapping({
    FunctionName: fn.name,
    EventSourceArn: source,
    StartingPosition: 'LATEST',
    BatchSize: batchSize,
  });
}

describe('EventSourceMapping', () => {
  it('createEventSourceMapping makes one with the response as its data', async () => {
    const esm = await mapping(25);
    expect(esm).toBeInstanceOf(EventSourceMapping);
    expect(esm.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(await esm.batchSize).toBe(25);
    expect(await esm.eventSourceArn).toBe(source);
    expect(counter.byOperation).toEqual({ CreateFunction: 1, CreateEventSourceMapping: 1 });
  });

  it('loads with GetEventSourceMapping, once; update and delete', async () => {
    const made = await mapping();
    counter.reset();
    const esm = lambda.EventSourceMapping(made.uuid);
    const [size, state] = await Promise.all([esm.batchSize, esm.state]);
    expect([size, state]).toEqual([10, 'Enabled']);
    expect(counter.inputs).toEqual([
      { operation: 'GetEventSourceMapping', input: { UUID: made.uuid } },
    ]);

    const updated = await esm.update({ BatchSize: 50 });
    expect(updated.BatchSize).toBe(50);
    expect((await esm.reload()).BatchSize).toBe(50);

    await esm.delete();
    expect(await esm.exists()).toBe(false);
  });

  it("the service's and a function's eventSourceMappings collections", async () => {
    const made = await mapping();
    const arn = await made.functionArn;
    counter.reset();
    const all = await lambda.eventSourceMappings.all().toArray();
    expect(all.map((m) => m.uuid)).toContain(made.uuid);
    expect(counter.byOperation).toEqual({ ListEventSourceMappings: 1 });

    const fnName = arn?.split(':').pop() ?? '';
    counter.reset();
    const ofFunction = await lambda.Function(fnName).eventSourceMappings.all().toArray();
    expect(ofFunction.map((m) => m.uuid)).toEqual([made.uuid]);
    expect(await ofFunction[0]?.batchSize).toBe(10); // from the listing
    expect(counter.inputs).toEqual([
      { operation: 'ListEventSourceMappings', input: { FunctionName: fnName } },
    ]);

    counter.reset();
    const bySource = await lambda.eventSourceMappings
      .filter({ EventSourceArn: source })
      .limit(1)
      .toArray();
    expect(bySource).toHaveLength(1);
    expect(counter.inputs[0]?.input).toEqual({ EventSourceArn: source, MaxItems: 1 });
  });
});
