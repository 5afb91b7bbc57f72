/** The data the boto3 comparison works on, made with the raw v3 clients (not measured). */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/** v3 clients for the moto server at `endpoint`. */
export function motoClients(endpoint: string) {
  const config = {
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  };
  return {
    s3: new S3Client({ ...config, forcePathStyle: true }),
    dynamodb: new DynamoDBClient(config),
    ec2: new EC2Client(config),
  };
}
export type MotoClients = ReturnType<typeof motoClients>;

/** The name of the `i`th key: zero-padded, so listings come back in creation order. */
export const keyName = (i: number) => `key-${String(i).padStart(6, '0')}`;

/** A bucket holding `keys` small objects, put `concurrency` at a time. */
export async function filledBucket(
  s3: S3Client,
  bucket: string,
  keys: number,
  concurrency = 8,
): Promise<void> {
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  let next = 0;
  const worker = async () => {
    while (next < keys) {
      const key = keyName(next++);
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'x' }));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** An on-demand table with the string hash key `id`. */
export async function table(dynamodb: DynamoDBClient, name: string): Promise<void> {
  await dynamodb.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }),
  );
  await waitUntilTableExists(
    { client: dynamodb, maxWaitTime: 30, minDelay: 1 },
    { TableName: name },
  );
}

/** `count` instances in one reservation, tagged `tag`. */
export async function taggedInstances(
  ec2: EC2Client,
  count: number,
  tag: { Key: string; Value: string },
): Promise<void> {
  await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-12c6146b',
      MinCount: count,
      MaxCount: count,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [tag] }],
    }),
  );
}

/** A temporary file of `bytes` bytes; returns its path. */
export function tempFile(bytes: number): string {
  const path = join(tmpdir(), `aws-resources-bench-${process.pid}.bin`);
  writeFileSync(path, Buffer.alloc(bytes, 7));
  return path;
}
