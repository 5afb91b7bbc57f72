/**
 * The function-error path of `invoke`, against a moto server of this file's own: with
 * `{"lambda":{"use_docker":true}}` and no Docker on the machine, moto's Invoke answers like a
 * failed function (`FunctionError: "Handled"`, the error as the payload). The shared emulator
 * keeps its Docker-free backend.
 */
import {
  FunctionInvocationError,
  Lambda,
  type LambdaFunction,
} from '../../src/resources/lambda/index.js';
import { countRequests, type RequestCounter } from '../support/request-counter.js';
import {
  account,
  ensureRole,
  functionName,
  functionParams,
  lambdaClient,
  setLambdaDocker,
  type LambdaTarget,
} from '../support/lambda.js';
import { startOwnEmulator, type OwnEmulator } from '../support/own-emulator.js';

let emulator: OwnEmulator;
let fn: LambdaFunction;
let counter: RequestCounter;

beforeAll(async () => {
  emulator = await startOwnEmulator();
  // Before any function exists: the switch selects another Lambda backend.
  await setLambdaDocker(emulator.endpoint, true);
  const target: LambdaTarget = { endpoint: emulator.endpoint, account: account() };
  const client = lambdaClient(target);
  const lambda = new Lambda({ client });
  fn = await lambda.createFunction(functionParams(functionName('fails'), await ensureRole(target)));
  counter = countRequests(client);
});

afterAll(async () => {
  counter?.remove();
  await emulator?.stop();
});

beforeEach(() => counter.reset());

async function failure(invocation: Promise<unknown>): Promise<FunctionInvocationError> {
  const error = await invocation.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FunctionInvocationError);
  return error as FunctionInvocationError;
}

describe('a function error', () => {
  it('raises FunctionInvocationError with the error and the raw result', async () => {
    const error = await failure(fn.invoke({ Payload: { id: 1 } }));
    expect(error.name).toBe('FunctionInvocationError');
    expect(error.functionName).toBe(fn.name);
    expect(error.qualifier).toBeUndefined();
    expect(error.functionError).toBe('Handled');
    // moto's error payload is text, not a runtime's JSON error object.
    expect(error.errorMessage).toMatch(/^error running docker/);
    expect(error.errorType).toBeUndefined();
    expect(error.trace).toEqual([]);
    expect(error.payload).toBe(error.errorMessage);
    expect(error.message).toBe(`Function '${fn.name}' failed (Handled): ${error.errorMessage}`);
    expect(error.result.FunctionError).toBe('Handled');
    expect(error.result.StatusCode).toBe(200);
    expect(new TextDecoder().decode(error.result.Payload)).toBe(error.errorMessage);
    expect(counter.byOperation).toEqual({ Invoke: 1 });
  });

  it('carries the decoded log tail with LogType Tail', async () => {
    const error = await failure(fn.invoke({ Payload: {}, LogType: 'Tail' }));
    expect(error.result.LogResult).toBe(''); // moto's tail is empty without Docker
    expect(error.logs).toBe('');
  });

  it('is returned, not raised, with { raw: true }', async () => {
    const output = await fn.invoke({ Payload: { id: 2 } }, { raw: true });
    expect(output.FunctionError).toBe('Handled');
    expect(new TextDecoder().decode(output.Payload)).toMatch(/^error running docker/);
  });

  it("is not raised for InvocationType 'Event': the status comes back", async () => {
    const output = await fn.invoke({ Payload: {}, InvocationType: 'Event' });
    expect(output.StatusCode).toBe(202);
  });

  it('names the version or alias that failed', async () => {
    const version = await fn.publishVersion();
    const alias = await fn.createAlias({ Name: 'live', FunctionVersion: version.version });
    const byVersion = await failure(version.invoke({ Payload: {} }));
    expect(byVersion.qualifier).toBe(version.version);
    expect(byVersion.message).toMatch(
      new RegExp(`^Function '${fn.name}:${version.version}' failed \\(Handled\\): `),
    );
    const byAlias = await failure(alias.invoke({ Payload: {} }));
    expect(byAlias.qualifier).toBe('live');
    expect(byAlias.message).toMatch(new RegExp(`^Function '${fn.name}:live' failed`));
  });
});
