/**
 * Data after actions, counted on the wire (as boto3 has it): an action forgets a loaded
 * resource's data, so the next attribute read sends one load and sees the new state; an
 * action whose response carries the new state (Lambda's UpdateFunctionConfiguration, DynamoDB's
 * UpdateTable) makes it the data, and the next read sends nothing.
 */
import { EC2 } from '../../src/resources/ec2/index.js';
import { Lambda } from '../../src/resources/lambda/index.js';
import { countRequests } from '../support/request-counter.js';
import { useS3Fixture } from '../support/s3-fixture.js';
import { useDynamoDBFixture } from '../support/dynamodb-fixture.js';
import { ec2Client, TEST_AMI, testTag } from '../support/ec2.js';
import { ensureRole, functionName, functionParams, lambdaClient } from '../support/lambda.js';

const s3Fixture = useS3Fixture('fresh');
const dynamodbFixture = useDynamoDBFixture();

describe('S3: an object after put', () => {
  const { counter, bucket } = s3Fixture;

  it('reads the new length with one HeadObject, not the old one with none', async () => {
    const obj = bucket.Object('a.txt');
    await obj.put({ Body: '12345' });
    expect(await obj.contentLength).toBe(5);
    counter.reset();
    await obj.put({ Body: '1234567' });
    expect(obj.data).toBeUndefined();
    expect(await obj.contentLength).toBe(7);
    expect(await obj.eTag).toBeDefined(); // the same load
    expect(counter.byOperation).toEqual({ PutObject: 1, HeadObject: 1 });
  });

  it('forgets the data after uploadStream and copy, the hand-written actions', async () => {
    const obj = bucket.Object('b.txt');
    await obj.uploadStream('123');
    expect(await obj.contentLength).toBe(3);
    counter.reset();
    await obj.uploadStream('123456');
    expect(await obj.contentLength).toBe(6);
    expect(counter.byOperation).toEqual({ PutObject: 1, HeadObject: 1 });

    await bucket.Object('c.txt').put({ Body: '1' });
    counter.reset();
    await obj.copy({ Bucket: bucket.name, Key: 'c.txt' });
    expect(await obj.contentLength).toBe(1);
    // The copy reads the source's size first; then the copied object loads once.
    const heads = counter.inputs.filter((i) => i.operation === 'HeadObject');
    expect(heads.map((i) => (i.input as { Key?: string }).Key)).toEqual(['c.txt', 'b.txt']);
    expect(counter.byOperation).toEqual({ CopyObject: 1, HeadObject: 2 });
  });

  it('reads what it holds with no request while no action ran', async () => {
    const obj = bucket.Object('a.txt');
    await obj.load();
    counter.reset();
    expect(await obj.contentLength).toBe(7);
    expect(counter.total).toBe(0);
  });
});

describe('EC2: an instance after stop', () => {
  const client = ec2Client();
  const ec2 = new EC2({ client });
  const counter = countRequests(client);
  afterAll(() => client.destroy());

  it('reads the new state with one DescribeInstances', async () => {
    const [instance] = await ec2.createInstances({
      ImageId: TEST_AMI,
      MinCount: 1,
      MaxCount: 1,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [testTag('fresh')] }],
    });
    if (!instance) throw new Error('RunInstances made no instance');
    try {
      await instance.load();
      expect((await instance.state)?.Name).toMatch(/^(pending|running)$/);
      counter.reset();
      await instance.stop();
      expect(instance.data).toBeUndefined();
      expect((await instance.state)?.Name).toMatch(/^(stopping|stopped)$/);
      expect(counter.byOperation).toEqual({ StopInstances: 1, DescribeInstances: 1 });
    } finally {
      await instance.terminate();
    }
  });
});

describe('Lambda: the response carries the new configuration', () => {
  const client = lambdaClient();
  const lambda = new Lambda({ client });
  const counter = countRequests(client);
  afterAll(() => counter.remove());

  it('updateConfiguration and updateCode leave the new data: 0 extra requests', async () => {
    const fn = await lambda.createFunction(
      functionParams(functionName('fresh'), await ensureRole()),
    );
    expect(await fn.timeout).toBe(3);
    counter.reset();
    await fn.updateConfiguration({ Timeout: 30, MemorySize: 512 });
    expect(await fn.timeout).toBe(30);
    expect(await fn.memorySize).toBe(512);
    expect(fn.data).not.toHaveProperty('$metadata');
    expect(counter.byOperation).toEqual({ UpdateFunctionConfiguration: 1 });

    counter.reset();
    const update = await fn.updateCode({
      files: { 'index.mjs': 'export const handler = () => 2;' },
    });
    expect(await fn.codeSha256).toBe(update.CodeSha256);
    expect(counter.byOperation).toEqual({ UpdateFunctionCode: 1 });
  });

  it('updateCode with Publish forgets the data: the response describes the new version', async () => {
    const fn = await lambda.createFunction(
      functionParams(functionName('publish'), await ensureRole()),
    );
    counter.reset();
    const update = await fn.updateCode({ files: { 'index.mjs': '// v1' }, Publish: true });
    expect(update.Version).toBe('1');
    expect(fn.data).toBeUndefined();
    expect(await fn.version).toBe('$LATEST');
    expect(counter.byOperation).toEqual({ UpdateFunctionCode: 1, GetFunctionConfiguration: 1 });
  });

  it('other actions forget the data: invoke, then one load', async () => {
    const fn = await lambda.createFunction(
      functionParams(functionName('invoke'), await ensureRole()),
    );
    counter.reset();
    await fn.invoke({ Payload: {} });
    expect(fn.data).toBeUndefined();
    await fn.runtime;
    expect(counter.byOperation).toEqual({ Invoke: 1, GetFunctionConfiguration: 1 });
  });
});

describe('DynamoDB: a table after its actions', () => {
  const { counter, newTable } = dynamodbFixture;

  it('update() leaves the TableDescription it answers with: 0 extra requests', async () => {
    const table = await newTable('fresh');
    await table.load();
    counter.reset();
    const updated = await table.update({
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
    });
    expect((await table.provisionedThroughput)?.ReadCapacityUnits).toBe(5);
    expect((await updated.billingModeSummary)?.BillingMode).toBe('PROVISIONED');
    expect(counter.byOperation).toEqual({ UpdateTable: 1 });
  });

  it('an item write forgets the table’s data: the next read loads', async () => {
    const table = await newTable('fresh-items');
    await table.load();
    counter.reset();
    await table.putItem({ Item: { id: 'a' } });
    expect(table.data).toBeUndefined();
    await table.itemCount;
    expect(counter.byOperation).toEqual({ PutItem: 1, DescribeTable: 1 });
  });
});
