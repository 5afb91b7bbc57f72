/** A DynamoDB client for the emulator started by the jest global setup. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { clientConfig } from './emulator.js';

/** A new DynamoDBClient for the emulator (dummy credentials, us-east-1). */
export function dynamodbClient(): DynamoDBClient {
  return new DynamoDBClient(clientConfig());
}
