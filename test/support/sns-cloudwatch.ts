/** SNS, SQS and CloudWatch clients for the emulator, and a stand-in for what moto lacks. */
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { MiddlewareStack } from '@smithy/types';
import { clientConfig } from './emulator.js';

/** A new SNSClient for the emulator. */
export function snsClient(): SNSClient {
  return new SNSClient(clientConfig());
}

/** A new SQSClient for the emulator (queues that receive what topics publish). */
export function sqsClient(): SQSClient {
  return new SQSClient(clientConfig());
}

/**
 * A new CloudWatchClient for the emulator. The client gzips PutMetricData bodies over 10 KB;
 * moto 5.2.1 fails on them (HTTP 500, "Not a gzipped file"), so compression is off here, and
 * the bodies the tests measure are the uncompressed JSON the 1 MB limit is about.
 */
export function cloudwatchClient(): CloudWatchClient {
  return new CloudWatchClient({ ...clientConfig(), disableRequestCompression: true });
}

/** What `answerLocally` recorded: each operation it answered and its input. */
export interface LocalAnswers {
  readonly calls: Array<{ operation: string; input: object }>;
  /** Takes the middleware off the client. */
  remove(): void;
}

/**
 * Answers the named operations on `client` without sending them, with their documented
 * (empty) outputs, for operations moto 5.2.1 answers with HTTP 500 (CloudWatch's
 * Disable/EnableAlarmActions). Every other operation goes to moto.
 */
export function answerLocally(
  client: { middlewareStack: unknown },
  answers: Record<string, (input: Record<string, unknown>) => object>,
): LocalAnswers {
  const calls: Array<{ operation: string; input: object }> = [];
  const name = `answerLocally${Math.random().toString(36).slice(2)}`;
  const stack = client.middlewareStack as MiddlewareStack<object, object>;
  stack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? '').replace(/Command$/, '');
      const answer = answers[operation];
      if (!answer) return next(args);
      const input = args.input as Record<string, unknown>;
      calls.push({ operation, input: { ...input } });
      return { output: { $metadata: {}, ...answer(input) }, response: {} };
    },
    { step: 'initialize', name },
  );
  return { calls, remove: () => stack.remove(name) };
}
