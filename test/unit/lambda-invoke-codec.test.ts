/**
 * The Lambda invoke codec on its own, for what moto cannot produce: Invoke payloads that are
 * not JSON objects (moto answers them with a 500) and JSON error payloads as Lambda's
 * runtimes write them (moto's function errors carry plain text; see
 * test/integration/lambda-function-error.test.ts).
 */
import type { InvokeCommandOutput } from '@aws-sdk/client-lambda';
import {
  decodeInvokeOutput,
  encodeInvokeParams,
  FunctionInvocationError,
} from '../../src/resources/lambda/invoke.js';
import { ParamValidationError } from '../../src/core/errors.js';

const text = (bytes: unknown) => new TextDecoder().decode(bytes as Uint8Array);

function output(payload: string, extra: Partial<InvokeCommandOutput> = {}): InvokeCommandOutput {
  return {
    $metadata: { httpStatusCode: 200 },
    StatusCode: 200,
    // The codec reads the bytes only, not the SDK's adapter methods.
    Payload: new TextEncoder().encode(payload) as InvokeCommandOutput['Payload'],
    ...extra,
  };
}

describe('encodeInvokeParams', () => {
  it.each([
    ['an object', { a: [1, { b: null }] }, '{"a":[1,{"b":null}]}'],
    ['an array', [1, 2], '[1,2]'],
    ['a number', 42, '42'],
    ['a string (a JSON string, quoted)', 'hi', '"hi"'],
    ['a boolean', true, 'true'],
    ['null', null, 'null'],
    ['a string of JSON text (a JSON string: quoted once more)', '{"a":1}', '"{\\"a\\":1}"'],
    ['an object with a null prototype', Object.assign(Object.create(null), { a: 1 }), '{"a":1}'],
    ['an object whose undefined members are left out', { a: 1, b: undefined }, '{"a":1}'],
    [
      'a shared (not cyclic) value',
      (() => {
        const x = { n: 1 };
        return [x, { x }];
      })(),
      '[{"n":1},{"x":{"n":1}}]',
    ],
  ])('sends %s as JSON', (_, Payload, json) => {
    const encoded = encodeInvokeParams({ Payload, LogType: 'Tail' }, 'f.invoke') as {
      Payload: Uint8Array;
      LogType: string;
    };
    expect(text(encoded.Payload)).toBe(json);
    expect(encoded.LogType).toBe('Tail');
  });

  it('passes bytes and an absent payload through unchanged', () => {
    const bytes = { Payload: new Uint8Array([123, 125]) };
    expect(encodeInvokeParams(bytes, 'f.invoke')).toBe(bytes);
    const none = { InvocationType: 'Event' };
    expect(encodeInvokeParams(none, 'f.invoke')).toBe(none);
    expect(encodeInvokeParams(undefined, 'f.invoke')).toBeUndefined();
  });

  it.each([
    ['a Date', { at: new Date(0) }, /^f\.invoke: Payload\.at is a Date, which JSON cannot carry/],
    ['a URL', new URL('http://x'), /^f\.invoke: Payload is a URL, which JSON cannot carry/],
    ['a Set', [new Set([1])], /^f\.invoke: Payload\[0\] is a Set, which JSON cannot carry/],
    ['-Infinity', { a: { b: [-Infinity] } }, /^f\.invoke: Payload\.a\.b\[0\] is -Infinity/],
    [
      'a list with holes',
      new Array<number>(3).fill(1, 0, 1),
      /^f\.invoke: Payload\[1\] is undefined/,
    ],
    ['an ArrayBuffer', { raw: new ArrayBuffer(2) }, /^f\.invoke: Payload\.raw is an ArrayBuffer, /],
    [
      'an object of a class',
      { point: new (class Point {})() },
      /^f\.invoke: Payload\.point is a Point, /,
    ],
    ['a symbol', Symbol('s'), /^f\.invoke: Payload is a symbol, which JSON cannot carry$/],
  ])('refuses %s, naming where it is', (_, Payload, message) => {
    expect(() => encodeInvokeParams({ Payload }, 'f.invoke')).toThrow(ParamValidationError);
    expect(() => encodeInvokeParams({ Payload }, 'f.invoke')).toThrow(message);
  });

  it('never changes the caller’s params', () => {
    const params = { Payload: { a: 1 } };
    encodeInvokeParams(params, 'f.invoke');
    expect(params).toEqual({ Payload: { a: 1 } });
  });
});

describe('decodeInvokeOutput', () => {
  const target = { functionName: 'resize', qualifier: 'live' };

  it('raises a Node runtime error with its type, message and trace', () => {
    const payload = JSON.stringify({
      errorType: 'TypeError',
      errorMessage: "Cannot read properties of undefined (reading 'width')",
      trace: ['TypeError: Cannot read properties', '    at handler (/var/task/index.js:2:20)'],
    });
    const raw = output(payload, {
      FunctionError: 'Unhandled',
      LogResult: Buffer.from('boom\n').toString('base64'),
    });
    let caught: unknown;
    try {
      decodeInvokeOutput(raw, undefined, target);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FunctionInvocationError);
    const error = caught as FunctionInvocationError;
    expect(error.message).toBe(
      "Function 'resize:live' failed (Unhandled): TypeError: Cannot read properties of undefined (reading 'width')",
    );
    expect(error).toMatchObject({
      name: 'FunctionInvocationError',
      functionName: 'resize',
      qualifier: 'live',
      functionError: 'Unhandled',
      errorType: 'TypeError',
      errorMessage: "Cannot read properties of undefined (reading 'width')",
      trace: ['TypeError: Cannot read properties', '    at handler (/var/task/index.js:2:20)'],
      logs: 'boom\n',
    });
    expect(error.payload).toEqual(JSON.parse(payload));
    expect(error.result).toBe(raw);
  });

  it("reads a Python runtime's stackTrace", () => {
    const raw = output(
      JSON.stringify({
        errorMessage: 'division by zero',
        errorType: 'ZeroDivisionError',
        requestId: 'r1',
        stackTrace: ['  File "/var/task/app.py", line 3, in handler\n'],
      }),
      { FunctionError: 'Unhandled' },
    );
    expect(() => decodeInvokeOutput(raw, 'RequestResponse', { functionName: 'calc' })).toThrow(
      expect.objectContaining({
        message: "Function 'calc' failed (Unhandled): ZeroDivisionError: division by zero",
        trace: ['  File "/var/task/app.py", line 3, in handler\n'],
        qualifier: undefined,
      }) as Error,
    );
  });

  it('keeps an error payload that is not a JSON error as the message', () => {
    const raw = output('"just a string"', { FunctionError: 'Handled' });
    expect(() => decodeInvokeOutput(raw, undefined, { functionName: 'f' })).toThrow(
      expect.objectContaining({
        errorType: undefined,
        errorMessage: '"just a string"',
        payload: 'just a string',
        trace: [],
      }) as Error,
    );
  });

  it('returns Event and DryRun outputs as they came, even with a FunctionError', () => {
    const raw = output('', { StatusCode: 202, FunctionError: 'Handled' });
    expect(decodeInvokeOutput(raw, 'Event', target)).toBe(raw);
    expect(decodeInvokeOutput(raw, 'DryRun', target)).toBe(raw);
  });

  it('gives an undefined payload for an empty one', () => {
    const decoded = decodeInvokeOutput(output(''), undefined, target);
    expect(decoded).toMatchObject({ payload: undefined, StatusCode: 200 });
  });
});
