/**
 * The JSON side of `publish`: a `Message` that is not a string is sent as JSON, and with
 * `MessageStructure: 'json'` each protocol's message may be a JSON value too.
 *
 * @packageDocumentation
 */
import type { PublishCommandInput } from '@aws-sdk/client-sns';
import { jsonProblem, ParamValidationError, type JsonValue } from '../../core/index.js';

/**
 * The messages of `MessageStructure: 'json'`, one per protocol (`sqs`, `email`, `APNS`,
 * `GCM`, ...), and `default` for every protocol not named. A message that is not a string is
 * JSON-encoded on its own (an `APNS` payload object), then the whole object is encoded.
 *
 * @example
 * ```ts
 * const messages: ProtocolMessages = { default: 'Order 7 shipped', sqs: { order: 7 } };
 * ```
 *
 * @public
 */
export type ProtocolMessages = { readonly default: string } & {
  readonly [protocol: string]: JsonValue;
};

/** The Publish input without what the resource or the JSON encoding fills. */
type PublishRest<Filled extends keyof PublishCommandInput> = Omit<
  PublishCommandInput,
  Filled | 'Message' | 'MessageStructure'
>;

/**
 * The params of `publish`: the Publish input without the target (the resource fills it),
 * where `Message` is a string, sent as it is, or any JSON value, sent JSON-encoded; with
 * `MessageStructure: 'json'` it is an object of {@link ProtocolMessages}.
 *
 * @example
 * ```ts
 * const params: PublishParams = { Message: { order: 7, status: 'shipped' }, Subject: 'Order 7' };
 * ```
 *
 * @public
 */
export type PublishParams<
  Filled extends keyof PublishCommandInput = 'TopicArn' | 'TargetArn' | 'PhoneNumber',
> =
  | (PublishRest<Filled> & { readonly Message: JsonValue; readonly MessageStructure?: undefined })
  | (PublishRest<Filled> & {
      readonly Message: ProtocolMessages | string;
      readonly MessageStructure: 'json';
    });

/** The other targets of Publish, refused where the resource is the target. */
const OTHER_TARGETS = ['TopicArn', 'TargetArn', 'PhoneNumber'] as const;

function encode(value: JsonValue, path: string, label: string): string {
  if (typeof value === 'string') return value;
  const problem = jsonProblem(value, path);
  if (problem !== undefined) throw new ParamValidationError(`${label}: ${problem}`);
  return JSON.stringify(value);
}

function encodeProtocolMessages(message: unknown, label: string): string {
  if (typeof message === 'string') return message;
  if (message === null || typeof message !== 'object' || Array.isArray(message)) {
    throw new ParamValidationError(
      `${label}: with MessageStructure 'json', Message must be an object of per-protocol messages ({ default: '...', sqs: ... })`,
    );
  }
  const messages = message as Record<string, JsonValue | undefined>;
  if (typeof messages.default !== 'string') {
    throw new ParamValidationError(
      `${label}: with MessageStructure 'json', Message needs a string 'default' message (SNS sends it to every protocol not named)`,
    );
  }
  const encoded: Record<string, string> = {};
  for (const [protocol, value] of Object.entries(messages)) {
    if (value !== undefined) encoded[protocol] = encode(value, `Message.${protocol}`, label);
  }
  return JSON.stringify(encoded);
}

/**
 * The Publish input of `params` with `Message` encoded, checked before any request: a
 * message JSON cannot carry, a missing `default`, or a second target is refused.
 */
export function encodePublishParams(
  params: unknown,
  target: (typeof OTHER_TARGETS)[number],
  label: string,
): Omit<PublishCommandInput, typeof target> {
  if (params === null || typeof params !== 'object') {
    throw new ParamValidationError(`${label}: params must be an object with a Message`);
  }
  const input = params as Record<string, unknown>;
  for (const other of OTHER_TARGETS) {
    if (input[other] !== undefined) {
      throw new ParamValidationError(
        `${label}: ${other} cannot be set, the resource is the target (${target})`,
      );
    }
  }
  const { Message: message } = input;
  if (message === undefined) throw new ParamValidationError(`${label}: Message is required`);
  const Message =
    input.MessageStructure === 'json'
      ? encodeProtocolMessages(message, label)
      : encode(message as JsonValue, 'Message', label);
  return { ...(input as Omit<PublishCommandInput, typeof target>), Message };
}
