/** An SQS client for the emulator started by the jest global setup, and SQS test helpers. */
import { SQSClient } from '@aws-sdk/client-sqs';
import { clientConfig, uniqueName } from './emulator.js';

/** A new SQSClient for the emulator (dummy credentials, us-east-1). */
export function sqsClient(): SQSClient {
  return new SQSClient(clientConfig());
}

/** A queue name unique across test files, workers and runs (letters, digits, '-'). */
export function queueName(prefix = 'q'): string {
  return uniqueName(prefix);
}
