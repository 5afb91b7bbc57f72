/**
 * The apps the bundle-size rows bundle: per service, the same job written once on
 * aws-resources and once on the raw v3 client, the way each is meant to be used. The jobs are
 * what a user tries first; the raw side does everything the library side does (paging, JSON
 * coding, native DynamoDB values through lib-dynamodb), so the difference is the library.
 */
import type { Service } from './support/built.js';

/** One service's job: a label, the library app (given its entry's specifier) and the raw app. */
export interface BundleApp {
  readonly job: string;
  readonly lib: (entry: string) => string;
  readonly raw: string;
}

const REGION = `{ region: 'us-east-1' }`;
const DEV_FILTER = `[{ Name: 'tag:env', Values: ['dev'] }]`;

export const BUNDLE_APPS: Record<Service, BundleApp> = {
  s3: {
    job: 'list keys by prefix, then one HeadObject',
    lib: (entry) => `import { S3 } from ${entry};
const [name, prefix, key] = process.argv.slice(2);
const bucket = new S3(${REGION}).Bucket(name);
for await (const o of bucket.objects.filter({ Prefix: prefix })) console.log(o.key, await o.size);
console.log(await bucket.Object(key).contentLength);`,
    raw: `import { S3Client, paginateListObjectsV2, HeadObjectCommand } from '@aws-sdk/client-s3';
const [Bucket, Prefix, Key] = process.argv.slice(2);
const client = new S3Client(${REGION});
for await (const page of paginateListObjectsV2({ client }, { Bucket, Prefix })) {
  for (const o of page.Contents ?? []) console.log(o.Key, o.Size);
}
console.log((await client.send(new HeadObjectCommand({ Bucket, Key }))).ContentLength);`,
  },
  dynamodb: {
    job: 'put a native item, query its partition',
    lib: (entry) => `import { DynamoDB, Key } from ${entry};
const table = new DynamoDB(${REGION}).Table(process.argv[2]);
await table.putItem({ Item: { id: 'u1', age: 31, tags: new Set(['a', 'b']) } });
for await (const item of table.query({ KeyConditionExpression: Key('id').eq('u1') })) console.log(item);`,
    raw: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
const TableName = process.argv[2];
const client = DynamoDBDocumentClient.from(new DynamoDBClient(${REGION}));
await client.send(new PutCommand({ TableName, Item: { id: 'u1', age: 31, tags: new Set(['a', 'b']) } }));
const input = { TableName, KeyConditionExpression: '#k = :v', ExpressionAttributeNames: { '#k': 'id' }, ExpressionAttributeValues: { ':v': 'u1' } };
for await (const page of paginateQuery({ client }, input)) for (const item of page.Items ?? []) console.log(item);`,
  },
  ec2: {
    job: 'stop the instances tagged env=dev',
    lib: (entry) => `import { EC2 } from ${entry};
await new EC2(${REGION}).instances.filter({ Filters: ${DEV_FILTER} }).stop();`,
    raw: `import { EC2Client, paginateDescribeInstances, StopInstancesCommand } from '@aws-sdk/client-ec2';
const client = new EC2Client(${REGION});
for await (const page of paginateDescribeInstances({ client }, { Filters: ${DEV_FILTER} })) {
  const InstanceIds = (page.Reservations ?? []).flatMap((r) => (r.Instances ?? []).map((i) => i.InstanceId));
  if (InstanceIds.length > 0) await client.send(new StopInstancesCommand({ InstanceIds }));
}`,
  },
  lambda: {
    job: 'read the runtime, invoke with JSON',
    lib: (entry) => `import { Lambda } from ${entry};
const fn = new Lambda(${REGION}).Function(process.argv[2]);
console.log(await fn.runtime);
console.log((await fn.invoke({ Payload: { width: 100 } })).payload);`,
    raw: `import { LambdaClient, GetFunctionConfigurationCommand, InvokeCommand } from '@aws-sdk/client-lambda';
const FunctionName = process.argv[2];
const client = new LambdaClient(${REGION});
console.log((await client.send(new GetFunctionConfigurationCommand({ FunctionName }))).Runtime);
const out = await client.send(new InvokeCommand({ FunctionName, Payload: new TextEncoder().encode(JSON.stringify({ width: 100 })) }));
if (out.FunctionError) throw new Error(new TextDecoder().decode(out.Payload));
console.log(JSON.parse(new TextDecoder().decode(out.Payload)));`,
  },
};
