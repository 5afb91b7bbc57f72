/**
 * The JSON payload codec of `invoke` against moto's Docker-free Lambda, which echoes the
 * request payload or answers with queued canned payloads (this file's own moto account, so
 * no other test file takes them): JSON in and out, bytes, raw results, Event and DryRun,
 * Tail logs, non-JSON payloads, bad payloads, and the qualifier of versions and aliases.
 */
import type { LambdaClient } from '@aws-sdk/client-lambda';
import {
  InvokePayloadError,
  Lambda,
  type InvokeResult,
  type LambdaFunction,
} from '../../src/resources/lambda/index.js';
import { ParamValidationError } from '../../src/index.js';
import { countRequests, type RequestCounter } from '../support/request-counter.js';
import {
  ensureRole,
  functionName,
  functionParams,
  lambdaClient,
  queueInvokeResults,
  tailLogs,
} from '../support/lambda.js';

const client = lambdaClient();
const lambda = new Lambda({ client });
let counter: RequestCounter;
let fn: LambdaFunction;

beforeAll(async () => {
  const role = await ensureRole();
  fn = await lambda.createFunction(functionParams(functionName('invoke'), role));
  counter = countRequests(client);
});

afterAll(() => counter.remove());
beforeEach(() => counter.reset());

/** The bytes the last Invoke request carried, as text. */
function sentPayload(): string | undefined {
  const input = counter.inputs.filter((i) => i.operation === 'Invoke').at(-1)?.input as {
    Payload?: Uint8Array;
  };
  return input?.Payload && new TextDecoder().decode(input.Payload);
}

describe('invoke: JSON in, JSON out', () => {
  it('encodes the payload as JSON and parses the result', async () => {
    const event = { id: 7, tags: ['a', 'b'], nested: { ok: true, none: null } };
    const result = await fn.invoke({ Payload: event });
    expect(sentPayload()).toBe(JSON.stringify(event));
    expect(result.payload).toEqual(event); // moto echoes the event
    expect(result.StatusCode).toBe(200);
    expect(counter.byOperation).toEqual({ Invoke: 1 });
    expect(counter.inputs[0]?.input).toMatchObject({ FunctionName: fn.name });
  });

  it('keeps the raw bytes as Payload', async () => {
    const result = await fn.invoke({ Payload: { list: [1, 2, 3] } });
    expect(result.Payload).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(result.Payload)).toBe('{"list":[1,2,3]}');
  });

  // moto answers 500 to an Invoke whose payload is not a JSON object, so values other than
  // objects are sent in test/unit/lambda-invoke-codec.test.ts; here they come back.
  it.each([
    ['a number', 42],
    ['a string', 'hello'],
    ['a boolean', false],
    ['null', null],
    ['an array', [1, 'two', { three: 3 }]],
  ])('decodes %s returned by the function', async (_, value) => {
    await queueInvokeResults([JSON.stringify(value)]);
    const result = await fn.invoke({ Payload: {} });
    expect(result.payload).toEqual(value);
  });

  it('decodes canned results moto was told to return', async () => {
    await queueInvokeResults([
      JSON.stringify({ statusCode: 200, body: 'first' }),
      JSON.stringify([{ n: 1 }, { n: 2 }]),
    ]);
    const first = await fn.invoke<{ statusCode: number; body: string }>({ Payload: { q: 1 } });
    const second = await fn.invoke<{ n: number }[]>({ Payload: { q: 2 } });
    expect(first.payload).toEqual({ statusCode: 200, body: 'first' });
    expect(first.payload.body).toBe('first');
    expect(second.payload.map((item) => item.n)).toEqual([1, 2]);
  });

  it('sends bytes as they are', async () => {
    const bytes = new TextEncoder().encode('{"pre":"encoded"}');
    const result = await fn.invoke({ Payload: bytes });
    expect(sentPayload()).toBe('{"pre":"encoded"}');
    expect(result.payload).toEqual({ pre: 'encoded' });
  });

  it('sends no payload when none is given', async () => {
    await queueInvokeResults(['{"empty":true}']);
    const result = await fn.invoke();
    expect(sentPayload()).toBeUndefined();
    expect(result.payload).toEqual({ empty: true });
  });
});

describe('invoke: raw results', () => {
  it('{ raw: true } resolves to the v3 output, undecoded', async () => {
    const output = await fn.invoke({ Payload: { id: 1 } }, { raw: true });
    expect('payload' in output).toBe(false);
    expect(new TextDecoder().decode(output.Payload)).toBe('{"id":1}');
    expect(output.$metadata.httpStatusCode).toBe(200);
  });

  it('raises InvokePayloadError, with the output attached, for a payload that is not JSON', async () => {
    await queueInvokeResults(['plain text, not JSON']);
    const error = await fn.invoke({ Payload: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvokePayloadError);
    const failure = error as InvokePayloadError;
    expect(failure.message).toBe(
      `Function '${fn.name}' returned a payload that is not JSON ("plain text, not JSON"); pass { raw: true } to get the bytes`,
    );
    expect(failure.text).toBe('plain text, not JSON');
    expect(failure.result.StatusCode).toBe(200);
    // The same payload, raw: no error.
    await queueInvokeResults(['plain text, not JSON']);
    const raw = await fn.invoke({ Payload: {} }, { raw: true });
    expect(new TextDecoder().decode(raw.Payload)).toBe('plain text, not JSON');
  });
});

describe('invoke: invocation types', () => {
  it("InvocationType 'Event' resolves to the 202 status, without decoding", async () => {
    const output = await fn.invoke({ Payload: { later: true }, InvocationType: 'Event' });
    expect(output.StatusCode).toBe(202);
    expect('payload' in output).toBe(false);
    expect(counter.inputs[0]?.input).toMatchObject({ InvocationType: 'Event' });
  });

  it("InvocationType 'DryRun' resolves to the 204 status", async () => {
    const output = await fn.invoke({ InvocationType: 'DryRun' });
    expect(output.StatusCode).toBe(204);
    expect('payload' in output).toBe(false);
  });
});

describe("invoke: LogType 'Tail'", () => {
  let tailing: LambdaClient;
  let tailed: LambdaFunction;

  beforeAll(() => {
    // moto sends no log tail; this client's responses get the one Lambda would send.
    tailing = lambdaClient();
    tailLogs(tailing, 'START RequestId: 1\nhello from the handler\nEND RequestId: 1\n');
    tailed = new Lambda({ client: tailing }).Function(fn.name);
  });

  it('decodes the base64 log tail into logs', async () => {
    const result: InvokeResult = await tailed.invoke({ Payload: { id: 1 }, LogType: 'Tail' });
    expect(result.logs).toBe('START RequestId: 1\nhello from the handler\nEND RequestId: 1\n');
    expect(result.LogResult).toBe(
      Buffer.from('START RequestId: 1\nhello from the handler\nEND RequestId: 1\n').toString(
        'base64',
      ),
    );
    expect(result.payload).toEqual({ id: 1 });
  });

  it('leaves logs out when the response has no log tail', async () => {
    const result = await fn.invoke({ Payload: { id: 1 }, LogType: 'Tail' });
    expect(result.LogResult).toBeUndefined();
    expect('logs' in result).toBe(false);
  });
});

describe('invoke: bad input fails before any request', () => {
  it.each([
    [
      'a BigInt',
      { n: 10n },
      /^LambdaFunction\.invoke: Payload\.n is a bigint, which JSON cannot carry$/,
    ],
    [
      'a cycle',
      (() => {
        const a: Record<string, unknown> = { list: [] };
        (a.list as unknown[]).push({ up: a });
        return a;
      })(),
      /: Payload\.list\[0\]\.up refers back to Payload: JSON cannot carry a cycle$/,
    ],
    ['a function', () => 1, /: Payload is a function, which JSON cannot carry$/],
    ['a symbol', { s: Symbol('x') }, /: Payload\.s is a symbol, which JSON cannot carry$/],
    ['a Map', { m: new Map() }, /: Payload\.m is a Map, which JSON cannot carry/],
    ['a Set in a list', { items: [1, new Set()] }, /: Payload\.items\[1\] is a Set/],
    ['a Date', { at: new Date(0) }, /: Payload\.at is a Date, which JSON cannot carry/],
    ['NaN', { 'a b': [Number.NaN] }, /: Payload\["a b"\]\[0\] is NaN, which JSON cannot carry/],
    ['Infinity', Infinity, /: Payload is Infinity, which JSON cannot carry/],
    [
      'undefined in a list',
      { items: [1, 2, undefined] },
      /: Payload\.items\[2\] is undefined, which JSON cannot carry in a list/,
    ],
    ['bytes inside an object', { data: new Uint8Array(2) }, /: Payload\.data is a Uint8Array/],
  ])('%s as Payload', async (_, Payload, message) => {
    const attempt = fn.invoke({ Payload: Payload as never });
    await expect(attempt).rejects.toThrow(ParamValidationError);
    await expect(attempt).rejects.toThrow(message);
    expect(counter.total).toBe(0);
  });

  it('an undefined member of an object is left out, as JSON.stringify does', async () => {
    await fn.invoke({ Payload: { id: 1, optional: undefined } });
    expect(sentPayload()).toBe('{"id":1}');
  });

  it('a FunctionName (the resource fills it)', async () => {
    await expect(fn.invoke({ FunctionName: 'other' } as never)).rejects.toThrow(
      ParamValidationError,
    );
    expect(counter.total).toBe(0);
  });

  it('options.raw that is not a boolean', async () => {
    await expect(fn.invoke({}, { raw: 'yes' } as never)).rejects.toThrow(
      'LambdaFunction.invoke: options.raw must be a boolean',
    );
    expect(counter.total).toBe(0);
  });

  it('an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      fn.invoke({ Payload: {} }, { abortSignal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(counter.total).toBe(0);
  });
});

describe('invoke on a version and an alias', () => {
  it('sends the version as the Qualifier and decodes the result', async () => {
    const version = await fn.publishVersion();
    counter.reset();
    const result = await version.invoke({ Payload: { v: version.version } });
    expect(result.payload).toEqual({ v: version.version });
    expect(counter.inputs[0]?.input).toMatchObject({
      FunctionName: fn.name,
      Qualifier: version.version,
    });
  });

  it('sends the alias name as the Qualifier and decodes the result', async () => {
    const version = await fn.publishVersion();
    const alias = await fn.createAlias({ Name: 'live', FunctionVersion: version.version });
    counter.reset();
    await queueInvokeResults(['{"through":"alias"}']);
    const result = await alias.invoke<{ through: string }>({ Payload: {} });
    expect(result.payload.through).toBe('alias');
    expect(counter.inputs[0]?.input).toMatchObject({ FunctionName: fn.name, Qualifier: 'live' });
    const raw = await alias.invoke({ Payload: { r: 1 } }, { raw: true });
    expect(new TextDecoder().decode(raw.Payload)).toBe('{"r":1}');
  });

  it('refuses a Qualifier: the version or alias fills it', async () => {
    await expect(fn.Version('1').invoke({ Qualifier: '2' } as never)).rejects.toThrow(
      ParamValidationError,
    );
    await expect(fn.Alias('live').invoke({ Qualifier: 'x' } as never)).rejects.toThrow(
      ParamValidationError,
    );
    expect(counter.total).toBe(0);
  });
});
