/**
 * Request counts for EC2 (counted at the HTTP layer): loaded data costs nothing to read, and
 * `limit` asks for no more than it needs — in instances, not reservations.
 */
import { type EC2Client } from '@aws-sdk/client-ec2';
import { EC2, type Instance } from '../../src/resources/ec2/index.js';
import { countRequests, type RequestCounter } from '../support/request-counter.js';
import { ec2Client, tagFilter, TEST_AMI, testTag } from '../support/ec2.js';

let client: EC2Client;
let ec2: EC2;
let counter: RequestCounter;
const tag = testTag('counts');
const instances: Instance[] = [];

beforeAll(async () => {
  client = ec2Client();
  ec2 = new EC2({ client });
  counter = countRequests(client);
  // One instance per reservation: moto's DescribeInstances pages count reservations, AWS's
  // count instances; with one each, both agree.
  for (let i = 0; i < 6; i++) {
    instances.push(
      ...(await ec2.createInstances({
        ImageId: TEST_AMI,
        MinCount: 1,
        MaxCount: 1,
        TagSpecifications: [{ ResourceType: 'instance', Tags: [tag] }],
      })),
    );
  }
});

afterAll(async () => {
  await ec2.instances.filter(tagFilter(tag)).terminate();
  client.destroy();
});

it('reading 10 attributes of a loaded instance sends 0 requests', async () => {
  const instance = ec2.Instance(instances[0]!.id);
  await instance.load();
  counter.reset();
  const values = await Promise.all([
    instance.instanceType,
    instance.imageId,
    instance.state,
    instance.vpcId,
    instance.subnetId,
    instance.privateIpAddress,
    instance.launchTime,
    instance.placement,
    instance.tags,
    instance.architecture,
  ]);
  expect(counter.total).toBe(0);
  expect(values[1]).toBe(TEST_AMI);
  expect(values.filter((v) => v === undefined)).toEqual([]);
});

it('the first read loads once, shared by concurrent reads', async () => {
  const instance = ec2.Instance(instances[1]!.id);
  counter.reset();
  await Promise.all([instance.instanceType, instance.state, instance.vpcId, instance.tags]);
  expect(counter.byOperation).toEqual({ DescribeInstances: 1 });
});

it('instances.limit(3) is 1 DescribeInstances and yields 3 instances with their data', async () => {
  counter.reset();
  const three = await ec2.instances.filter(tagFilter(tag)).limit(3).toArray();
  expect(three).toHaveLength(3);
  expect(counter.byOperation).toEqual({ DescribeInstances: 1 });
  // EC2 accepts MaxResults from 5: the request asks for 5, the collection yields 3.
  expect(counter.inputs[0]?.input).toMatchObject({ MaxResults: 5 });
  counter.reset();
  await Promise.all(three.map((i) => i.state));
  expect(counter.total).toBe(0);
});

it('limit counts instances, not reservations', async () => {
  const tag2 = testTag('counts-multi');
  // One reservation of 4 instances.
  const four = await ec2.createInstances({
    ImageId: TEST_AMI,
    MinCount: 4,
    MaxCount: 4,
    TagSpecifications: [{ ResourceType: 'instance', Tags: [tag2] }],
  });
  try {
    counter.reset();
    const two = await ec2.instances.filter(tagFilter(tag2)).limit(2).toArray();
    expect(two.map((i) => i.id)).toEqual(four.slice(0, 2).map((i) => i.id));
    expect(counter.byOperation).toEqual({ DescribeInstances: 1 });
    const all = await ec2.instances.filter(tagFilter(tag2)).toArray();
    expect(all).toHaveLength(4);
  } finally {
    await ec2.instances.filter(tagFilter(tag2)).terminate();
  }
});

it('pageSize(5) over 6 instances in 6 reservations is 2 requests', async () => {
  counter.reset();
  const pages: number[] = [];
  for await (const page of ec2.instances.filter(tagFilter(tag)).pageSize(5).pages()) {
    pages.push(page.length);
  }
  expect(pages).toEqual([5, 1]);
  expect(counter.byOperation).toEqual({ DescribeInstances: 2 });
});

it('first() is 1 request; a reference from loaded data is 0', async () => {
  counter.reset();
  const first = await ec2.instances.filter(tagFilter(tag)).first();
  expect(counter.byOperation).toEqual({ DescribeInstances: 1 });
  counter.reset();
  const [vpc, subnet, image] = await Promise.all([first!.vpc, first!.subnet, first!.image]);
  expect(counter.total).toBe(0);
  expect([vpc?.id, subnet?.id, image?.id]).toEqual([
    first!.data?.VpcId,
    first!.data?.SubnetId,
    TEST_AMI,
  ]);
});
