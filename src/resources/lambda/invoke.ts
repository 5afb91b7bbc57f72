import type { InvokeCommandInput, InvokeCommandOutput } from '@aws-sdk/client-lambda';
import {
  AwsResourcesError,
  jsonProblem,
  ParamValidationError,
  type JsonValue,
  type RequestOptions,
} from '../../core/index.js';

/**
 * What `invoke` sends as the event: a {@link JsonValue}, JSON-encoded; or bytes
 * (`Uint8Array`, `Buffer`), sent as they are. A string is a JSON value too: `'hi'` is sent as
 * `"hi"`, and so is a string of JSON text, quoted once more: give text that is already JSON
 * as bytes (`new TextEncoder().encode(json)`), or better, the value itself.
 *
 * @example
 * ```ts
 * await fn.invoke({ Payload: { id: 7, tags: ['a'] } }); // sent as {"id":7,"tags":["a"]}
 * await fn.invoke({ Payload: new TextEncoder().encode('{"id":7}') }); // sent as it is
 * ```
 *
 * @public
 */
export type InvokePayload = JsonValue | Uint8Array;

/**
 * The params of `invoke`: the v3 Invoke input minus what the resource fills (`FunctionName`,
 * and `Qualifier` on versions and aliases), with a JSON `Payload`.
 *
 * @public
 */
export type InvokeParams<Filled extends keyof InvokeCommandInput = 'FunctionName'> = Omit<
  InvokeCommandInput,
  Filled | 'Payload'
> & {
  /** The event: JSON-encoded unless it is bytes. */
  readonly Payload?: InvokePayload;
};

/**
 * Options of `invoke`.
 *
 * @public
 */
export interface InvokeOptions extends RequestOptions {
  /**
   * `true` resolves to the v3 output as it came (bytes, base64 logs) and never raises
   * `FunctionInvocationError`. The payload is still JSON-encoded.
   */
  readonly raw?: boolean;
}

/**
 * A synchronous invocation's result: the v3 output, with the payload and logs decoded.
 *
 * @public
 */
export interface InvokeResult<T = unknown> extends InvokeCommandOutput {
  /** The function's result, parsed from the `Payload` bytes (undefined when there are none). */
  readonly payload: T;
  /** The last 4 KB of the execution log, decoded (with `LogType: 'Tail'`). */
  readonly logs?: string;
}

/**
 * Where an invocation went: for messages and errors.
 *
 * @public
 */
export interface InvokeTarget {
  readonly functionName: string;
  readonly qualifier?: string;
}

/**
 * The function ran and failed (`FunctionError` is set: `Unhandled` for an uncaught error,
 * `Handled` for one the runtime reported). Carries the error the function's payload
 * describes and the raw result.
 *
 * @example
 * ```ts
 * try {
 *   await fn.invoke({ Payload: {} });
 * } catch (error) {
 *   if (error instanceof FunctionInvocationError) console.log(error.errorType, error.trace);
 * }
 * ```
 *
 * @public
 */
export class FunctionInvocationError extends AwsResourcesError {
  /** The function's name. */
  readonly functionName: string;
  /** The version or alias invoked, if any. */
  readonly qualifier: string | undefined;
  /** Lambda's `FunctionError`: `Unhandled` or `Handled`. */
  readonly functionError: string;
  /** The error's type from the payload (`TypeError`, `Runtime.ImportModuleError`), if it names one. */
  readonly errorType: string | undefined;
  /** The error's message from the payload, or the payload's text when it is not a JSON error. */
  readonly errorMessage: string;
  /** The stack trace from the payload (`trace`, or Python's and Java's `stackTrace`). */
  readonly trace: readonly string[];
  /** The decoded error payload: the parsed JSON, or its text. */
  readonly payload: unknown;
  /** The decoded log tail, with `LogType: 'Tail'`. */
  readonly logs: string | undefined;
  /** The v3 output as it came. */
  readonly result: InvokeCommandOutput;

  constructor(target: InvokeTarget, result: InvokeCommandOutput, text: string, logs?: string) {
    const payload = parseOr(text, text);
    const fields = errorFields(payload, text);
    const where = target.qualifier
      ? `${target.functionName}:${target.qualifier}`
      : target.functionName;
    const what = fields.errorType
      ? `${fields.errorType}: ${fields.errorMessage}`
      : fields.errorMessage;
    super(`Function '${where}' failed (${result.FunctionError ?? 'error'}): ${what}`);
    this.functionName = target.functionName;
    this.qualifier = target.qualifier;
    this.functionError = result.FunctionError ?? '';
    this.errorType = fields.errorType;
    this.errorMessage = fields.errorMessage;
    this.trace = fields.trace;
    this.payload = payload;
    this.logs = logs;
    this.result = result;
  }
}

/**
 * The function answered with a payload that is not JSON. The invocation succeeded: its
 * output is attached; `invoke(params, { raw: true })` gives the bytes without decoding.
 *
 * @public
 */
export class InvokePayloadError extends AwsResourcesError {
  constructor(
    target: InvokeTarget,
    /** The payload's text. */
    readonly text: string,
    /** The v3 output as it came. */
    readonly result: InvokeCommandOutput,
    options?: ErrorOptions,
  ) {
    const shown = text.length > 80 ? `${text.slice(0, 80)}...` : text;
    super(
      `Function '${target.functionName}${target.qualifier ? `:${target.qualifier}` : ''}' ` +
        `returned a payload that is not JSON (${JSON.stringify(shown)}); ` +
        'pass { raw: true } to get the bytes',
      options,
    );
  }
}

/**
 * The v3 Invoke input for the caller's params: the payload JSON-encoded (bytes pass as they
 * are). Throws before any request when the payload cannot be encoded.
 *
 * @internal
 */
export function encodeInvokeParams(params: unknown, label: string): object | undefined {
  if (params === undefined || params === null) return undefined;
  if (typeof params !== 'object' || Array.isArray(params)) {
    throw new ParamValidationError(`${label}: params must be an object`);
  }
  const { Payload, ...rest } = params as { Payload?: unknown };
  if (Payload === undefined || Payload instanceof Uint8Array) return params;
  // Checked first: JSON.stringify would drop or change what it cannot carry, silently.
  const problem = jsonProblem(Payload, 'Payload');
  if (problem !== undefined) {
    throw new ParamValidationError(`${label}: ${problem}`);
  }
  const json = JSON.stringify(Payload);
  return { ...rest, Payload: new TextEncoder().encode(json) };
}

/**
 * Splits `invoke`'s options into the engine's request options and `raw`.
 *
 * @internal
 */
export function splitInvokeOptions(
  options: unknown,
  label: string,
): { raw: boolean; request: unknown } {
  if (options === undefined || options === null || typeof options !== 'object') {
    return { raw: false, request: options };
  }
  const { raw, ...request } = options as InvokeOptions;
  if (raw !== undefined && typeof raw !== 'boolean') {
    throw new ParamValidationError(`${label}: options.raw must be a boolean`);
  }
  return { raw: raw ?? false, request };
}

/**
 * Decodes a synchronous invocation's output: the payload parsed, the log tail decoded, a
 * function error raised. `Event` and `DryRun` invocations answer with a status only, and are
 * returned as they came.
 *
 * @internal
 */
export function decodeInvokeOutput(
  output: InvokeCommandOutput,
  invocationType: unknown,
  target: InvokeTarget,
): InvokeResult | InvokeCommandOutput {
  if (invocationType === 'Event' || invocationType === 'DryRun') return output;
  const logs =
    output.LogResult === undefined
      ? undefined
      : Buffer.from(output.LogResult, 'base64').toString('utf8');
  const text = output.Payload ? new TextDecoder().decode(output.Payload) : '';
  if (output.FunctionError) throw new FunctionInvocationError(target, output, text, logs);
  let payload: unknown;
  if (text.length > 0) {
    try {
      payload = JSON.parse(text);
    } catch (error) {
      throw new InvokePayloadError(target, text, output, { cause: error });
    }
  }
  return logs === undefined ? { ...output, payload } : { ...output, payload, logs };
}

function parseOr(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback;
  }
}

/** The error a payload describes: Node's `{ errorType, errorMessage, trace }`, Python's `stackTrace`. */
function errorFields(
  payload: unknown,
  text: string,
): { errorType: string | undefined; errorMessage: string; trace: string[] } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { errorType: undefined, errorMessage: text, trace: [] };
  }
  const { errorType, errorMessage, trace, stackTrace } = payload as Record<string, unknown>;
  const lines = Array.isArray(trace) ? trace : Array.isArray(stackTrace) ? stackTrace : [];
  return {
    errorType: typeof errorType === 'string' ? errorType : undefined,
    errorMessage: typeof errorMessage === 'string' ? errorMessage : text,
    trace: lines.filter((line): line is string => typeof line === 'string'),
  };
}

/**
 * Runs a resource's Invoke action with the JSON codec: encodes the payload, sends through the
 * engine, decodes the output (unless `raw`).
 *
 * @internal
 */
export async function invokeWithCodec(
  send: (params: object | undefined, options: unknown) => Promise<unknown>,
  params: unknown,
  options: unknown,
  target: InvokeTarget,
  label: string,
): Promise<InvokeResult | InvokeCommandOutput> {
  const { raw, request } = splitInvokeOptions(options, label);
  const encoded = encodeInvokeParams(params, label);
  const output = (await send(encoded, request)) as InvokeCommandOutput;
  if (raw) return output;
  return decodeInvokeOutput(
    output,
    (params as { InvocationType?: unknown } | undefined)?.InvocationType,
    target,
  );
}
