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
  sqs: {
    job: 'send 25 messages, receive and delete them',
    lib: (entry) => `import { SQS } from ${entry};
const queue = new SQS(${REGION}).Queue(process.argv[2]);
await queue.sendMessages({ Entries: Array.from({ length: 25 }, (_, i) => ({ Id: String(i), MessageBody: 'job ' + i })) });
const messages = await queue.receiveMessages({ MaxNumberOfMessages: 10, WaitTimeSeconds: 1 });
for (const m of messages) console.log(await m.body);
await queue.deleteMessages(messages);`,
    raw: `import { SQSClient, SendMessageBatchCommand, ReceiveMessageCommand, DeleteMessageBatchCommand } from '@aws-sdk/client-sqs';
const QueueUrl = process.argv[2];
const client = new SQSClient(${REGION});
const entries = Array.from({ length: 25 }, (_, i) => ({ Id: String(i), MessageBody: 'job ' + i }));
for (let i = 0; i < entries.length; i += 10) {
  const out = await client.send(new SendMessageBatchCommand({ QueueUrl, Entries: entries.slice(i, i + 10) }));
  if (out.Failed?.length) throw new Error(JSON.stringify(out.Failed));
}
const { Messages = [] } = await client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
for (const m of Messages) console.log(m.Body);
if (Messages.length > 0) {
  const out = await client.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })) }));
  if (out.Failed?.length) throw new Error(JSON.stringify(out.Failed));
}`,
  },
  sns: {
    job: 'publish a JSON message to a topic, list its subscriptions',
    lib: (entry) => `import { SNS } from ${entry};
const topic = new SNS(${REGION}).Topic(process.argv[2]);
await topic.publish({ Message: { order: 7, status: 'shipped' } });
for await (const s of topic.subscriptions.all()) console.log(s.arn);`,
    raw: `import { SNSClient, PublishCommand, paginateListSubscriptionsByTopic } from '@aws-sdk/client-sns';
const TopicArn = process.argv[2];
const client = new SNSClient(${REGION});
await client.send(new PublishCommand({ TopicArn, Message: JSON.stringify({ order: 7, status: 'shipped' }) }));
for await (const page of paginateListSubscriptionsByTopic({ client }, { TopicArn })) {
  for (const s of page.Subscriptions ?? []) console.log(s.SubscriptionArn);
}`,
  },
  cloudwatch: {
    job: 'put 2,500 data points on a metric, delete the alarms with a prefix',
    lib: (entry) => `import { CloudWatch } from ${entry};
const cloudwatch = new CloudWatch(${REGION});
await cloudwatch.Metric('Shop', 'Latency').putData({ MetricData: Array.from({ length: 2500 }, (_, i) => ({ Value: i })) });
await cloudwatch.alarms.filter({ AlarmNamePrefix: 'dev-' }).delete();`,
    raw: `import { CloudWatchClient, PutMetricDataCommand, paginateDescribeAlarms, DeleteAlarmsCommand } from '@aws-sdk/client-cloudwatch';
const client = new CloudWatchClient(${REGION});
const data = Array.from({ length: 2500 }, (_, i) => ({ MetricName: 'Latency', Value: i }));
for (let i = 0; i < data.length; i += 1000) {
  await client.send(new PutMetricDataCommand({ Namespace: 'Shop', MetricData: data.slice(i, i + 1000) }));
}
for await (const page of paginateDescribeAlarms({ client }, { AlarmNamePrefix: 'dev-' })) {
  const AlarmNames = (page.MetricAlarms ?? []).map((a) => a.AlarmName);
  if (AlarmNames.length > 0) await client.send(new DeleteAlarmsCommand({ AlarmNames }));
}`,
  },
  cloudformation: {
    job: 'create a stack from a template object, wait, list its resources',
    lib: (entry) => `import { CloudFormation } from ${entry};
const stack = await new CloudFormation(${REGION}).createStack({
  StackName: process.argv[2], TemplateBody: { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } },
});
await stack.waitUntilCreateComplete();
for await (const r of stack.resourceSummaries.all()) console.log(r.logicalId, await r.resourceStatus);`,
    raw: `import { CloudFormationClient, CreateStackCommand, waitUntilStackCreateComplete, paginateListStackResources } from '@aws-sdk/client-cloudformation';
const StackName = process.argv[2];
const client = new CloudFormationClient(${REGION});
await client.send(new CreateStackCommand({ StackName, TemplateBody: JSON.stringify({ Resources: { Topic: { Type: 'AWS::SNS::Topic' } } }) }));
await waitUntilStackCreateComplete({ client, maxWaitTime: 300 }, { StackName });
for await (const page of paginateListStackResources({ client }, { StackName })) {
  for (const r of page.StackResourceSummaries ?? []) console.log(r.LogicalResourceId, r.ResourceStatus);
}`,
  },
  iam: {
    job: 'list roles under a path with their trust policies, attach a policy',
    lib: (entry) => `import { IAM } from ${entry};
const [prefix, roleName, policyArn] = process.argv.slice(2);
const iam = new IAM(${REGION});
for await (const role of iam.roles.filter({ PathPrefix: prefix })) console.log(role.name, await role.assumeRolePolicyDocument);
await iam.Role(roleName).attachPolicy({ PolicyArn: policyArn });`,
    raw: `import { IAMClient, paginateListRoles, AttachRolePolicyCommand } from '@aws-sdk/client-iam';
const [PathPrefix, RoleName, PolicyArn] = process.argv.slice(2);
const client = new IAMClient(${REGION});
for await (const page of paginateListRoles({ client }, { PathPrefix })) {
  for (const r of page.Roles ?? []) console.log(r.RoleName, r.AssumeRolePolicyDocument && JSON.parse(decodeURIComponent(r.AssumeRolePolicyDocument)));
}
await client.send(new AttachRolePolicyCommand({ RoleName, PolicyArn }));`,
  },
  glacier: {
    job: 'describe a vault, list its succeeded jobs',
    lib: (entry) => `import { Glacier } from ${entry};
const vault = new Glacier(${REGION}).Vault('-', process.argv[2]);
console.log(await vault.numberOfArchives);
for await (const job of vault.succeededJobs.all()) console.log(job.id, await job.action);`,
    raw: `import { GlacierClient, DescribeVaultCommand, paginateListJobs } from '@aws-sdk/client-glacier';
const vaultName = process.argv[2];
const client = new GlacierClient(${REGION});
console.log((await client.send(new DescribeVaultCommand({ accountId: '-', vaultName }))).NumberOfArchives);
for await (const page of paginateListJobs({ client }, { accountId: '-', vaultName, statuscode: 'Succeeded' })) {
  for (const job of page.JobList ?? []) console.log(job.JobId, job.Action);
}`,
  },
};
