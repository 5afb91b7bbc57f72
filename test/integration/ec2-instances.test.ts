/**
 * EC2 instances against moto: creators that return resources, loading, attributes,
 * references, actions, tags, collections and waiters.
 */
import { type EC2Client } from '@aws-sdk/client-ec2';
import { AbortError, ParamValidationError } from '../../src/index.js';
import { EC2, Image, Instance, Subnet, Tag, Vpc } from '../../src/resources/ec2/index.js';
import { countRequests, type RequestCounter } from '../support/request-counter.js';
import { ec2Client, tagFilter, TEST_AMI, testTag } from '../support/ec2.js';

let client: EC2Client;
let ec2: EC2;
let vpc: Vpc;
let subnet: Subnet;
let counter: RequestCounter;
const tag = testTag('instances');

beforeAll(async () => {
  client = ec2Client();
  ec2 = new EC2({ client });
  counter = countRequests(client);
  vpc = await ec2.createVpc({ CidrBlock: '10.40.0.0/16' });
  subnet = await vpc.createSubnet({ CidrBlock: '10.40.1.0/24' });
});

afterAll(async () => {
  await ec2.instances.filter(tagFilter(tag)).terminate();
  await subnet.delete();
  await vpc.delete();
  client.destroy();
});

function launch(count = 1): Promise<Instance[]> {
  return subnet.createInstances({
    ImageId: TEST_AMI,
    MinCount: count,
    MaxCount: count,
    TagSpecifications: [{ ResourceType: 'instance', Tags: [tag] }],
  });
}

describe('creating and loading', () => {
  it('createInstances returns Instance resources carrying the RunInstances data', async () => {
    counter.reset();
    const instances = await ec2.createInstances({
      ImageId: TEST_AMI,
      MinCount: 2,
      MaxCount: 2,
      SubnetId: subnet.id,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [tag] }],
    });
    expect(instances).toHaveLength(2);
    expect(instances[0]).toBeInstanceOf(Instance);
    expect(instances.map((i) => i.id)).toEqual(instances.map((i) => i.data?.InstanceId));
    expect(await instances[0]!.subnetId).toBe(subnet.id);
    expect(counter.byOperation).toEqual({ RunInstances: 1 });
  });

  it('subnet.createInstances fills SubnetId; a factory instance loads with DescribeInstances', async () => {
    const [made] = await launch();
    const instance = ec2.Instance(made!.id);
    expect(instance.data).toBeUndefined();
    counter.reset();
    expect(await instance.instanceType).toBe(made!.data?.InstanceType);
    expect(await instance.vpcId).toBe(vpc.id);
    expect((await instance.state)?.Name).toBe('running');
    expect(counter.byOperation).toEqual({ DescribeInstances: 1 });
    expect(counter.inputs[0]?.input).toMatchObject({ InstanceIds: [made!.id] });
  });

  it('exists() is false for an unknown instance and load() raises the EC2 error', async () => {
    const missing = ec2.Instance('i-0123456789abcdef0');
    expect(await missing.exists()).toBe(false);
    await expect(missing.load()).rejects.toMatchObject({ name: 'InvalidInstanceID.NotFound' });
  });

  it('refuses a caller InstanceId where the resource fills it', async () => {
    const [instance] = await launch();
    await expect(
      instance!.describeAttribute({ Attribute: 'instanceType', InstanceId: 'i-other' } as never),
    ).rejects.toThrow(ParamValidationError);
  });
});

describe('references', () => {
  it('vpc, subnet, image, networkInterfaces and placementGroup are built from the data', async () => {
    const [instance] = await launch();
    counter.reset();
    const [instVpc, instSubnet, image, nics, group, key] = await Promise.all([
      instance!.vpc,
      instance!.subnet,
      instance!.image,
      instance!.networkInterfaces,
      instance!.placementGroup,
      instance!.keyPair,
    ]);
    expect(counter.total).toBe(0); // RunInstances gave the data
    expect(instVpc).toBeInstanceOf(Vpc);
    expect(instVpc!.equals(vpc)).toBe(true);
    expect(instSubnet!.id).toBe(subnet.id);
    expect(image).toBeInstanceOf(Image);
    expect(image!.id).toBe(TEST_AMI);
    expect(nics).toHaveLength(1);
    expect(nics[0]!.id).toBe((await instance!.networkInterfacesAttribute)?.[0]?.NetworkInterfaceId);
    expect(group).toBeUndefined(); // no placement group
    expect(key).toBeUndefined(); // launched without a key pair
    expect(await nics[0]!.subnetId).toBe(subnet.id);
  });
});

describe('actions', () => {
  it('createTags returns Tag resources and deleteTags removes them from the instance', async () => {
    const [instance] = await launch();
    const tags = await instance!.createTags({
      Tags: [
        { Key: 'role', Value: 'web' },
        { Key: 'empty', Value: '' },
      ],
    });
    expect(tags.every((t) => t instanceof Tag)).toBe(true);
    expect(tags.map((t) => t.meta.identifiers)).toEqual([
      { resourceId: instance!.id, key: 'role', value: 'web' },
      { resourceId: instance!.id, key: 'empty', value: '' },
    ]);
    expect(await tags[0]!.resourceType).toBe('instance');
    await instance!.deleteTags({ Tags: [{ Key: 'role' }] });
    await instance!.reload();
    const keys = (await instance!.tags)?.map((t) => t.Key).sort();
    expect(keys).toEqual(['aws-resources-test', 'empty']);
  });

  it('describeAttribute, modifyAttribute, consoleOutput, passwordData, reboot and stop/start', async () => {
    const [instance] = await launch();
    await instance!.modifyAttribute({ InstanceType: { Value: 't3.small' } });
    const attribute = await instance!.describeAttribute({ Attribute: 'instanceType' });
    expect(attribute.InstanceType?.Value).toBe('t3.small');
    // (moto does not implement MonitorInstances; test/integration/ec2-batch.test.ts covers it.)
    const console = await instance!.consoleOutput();
    expect(console.InstanceId).toBe(instance!.id);
    const password = await instance!.passwordData();
    expect(password.InstanceId).toBe(instance!.id);
    await instance!.reboot();
    const stopped = await instance!.stop();
    expect(stopped.StoppingInstances?.[0]?.InstanceId).toBe(instance!.id);
    await instance!.waitUntilStopped({ minDelay: 0.1, maxWaitTime: 10 });
    expect((await instance!.state)?.Name).toBe('stopped');
    await instance!.start();
    await instance!.waitUntilRunning({ minDelay: 0.1, maxWaitTime: 10 });
    expect((await instance!.state)?.Name).toBe('running');
  });
});

describe('collections', () => {
  it('vpc.instances and subnet.instances list instances of that network only', async () => {
    const instances = await launch(2);
    const ids = instances.map((i) => i.id).sort();
    const inSubnet = (await subnet.instances.filter(tagFilter(tag)).toArray()).map((i) => i.id);
    const inVpc = (await vpc.instances.all().toArray()).map((i) => i.id);
    expect(inSubnet).toEqual(expect.arrayContaining(ids));
    expect(inVpc).toEqual(expect.arrayContaining(ids));
    const elsewhere = await ec2
      .Vpc(
        (await ec2.vpcs.filter({ Filters: [{ Name: 'is-default', Values: ['true'] }] }).first())!
          .id,
      )
      .instances.filter(tagFilter(tag))
      .toArray();
    expect(elsewhere).toEqual([]);
  });

  it('chained filter() calls accumulate Filters', async () => {
    const [instance] = await launch();
    counter.reset();
    const found = await ec2.instances
      .filter(tagFilter(tag))
      .filter({ Filters: [{ Name: 'instance-id', Values: [instance!.id] }] })
      .toArray();
    expect(found.map((i) => i.id)).toEqual([instance!.id]);
    expect(counter.inputs[0]?.input).toMatchObject({
      Filters: [
        { Name: `tag:${tag.Key}`, Values: [tag.Value] },
        { Name: 'instance-id', Values: [instance!.id] },
      ],
    });
  });
});

describe('waiters', () => {
  it('waitUntilRunning / Exists / Terminated poll once on moto and keep the last data', async () => {
    const [instance] = await launch();
    counter.reset();
    await instance!.waitUntilExists({ minDelay: 0.1, maxWaitTime: 5 });
    await instance!.waitUntilRunning({ minDelay: 0.1, maxWaitTime: 5 });
    expect(counter.byOperation).toEqual({ DescribeInstances: 2 });
    expect(instance!.data?.State?.Name).toBe('running');
    await instance!.terminate();
    await instance!.waitUntilTerminated({ minDelay: 0.1, maxWaitTime: 5 });
    expect(instance!.data?.State?.Name).toBe('terminated');
  });

  it('an aborted signal stops the wait before any request', async () => {
    const [instance] = await launch();
    const controller = new AbortController();
    controller.abort();
    counter.reset();
    await expect(
      instance!.waitUntilRunning({ abortSignal: controller.signal, minDelay: 0.1 }),
    ).rejects.toThrow(AbortError);
    expect(counter.total).toBe(0);
  });

  it('refuses minDelay ≥ maxWaitTime before any request', async () => {
    const [instance] = await launch();
    await expect(instance!.waitUntilRunning({ minDelay: 2, maxWaitTime: 1 })).rejects.toThrow(
      ParamValidationError,
    );
  });
});
