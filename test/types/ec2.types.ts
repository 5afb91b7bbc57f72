/**
 * Compile-time tests of the EC2 surface, checked by `npm run typecheck` (and by
 * test/unit/type-tests.test.ts). Nothing here runs: the functions are never called.
 * Each `@ts-expect-error` line must stay an error; the rest must compile.
 */
import type {
  DescribeInstanceAttributeCommandOutput,
  StopInstancesCommandOutput,
  TerminateInstancesCommandOutput,
} from '@aws-sdk/client-ec2';
import {
  EC2,
  type Image,
  type Instance,
  type KeyPair,
  type KeyPairInfo,
  type NetworkInterface,
  type Route,
  type RouteTable,
  type Subnet,
  type Tag,
  type Vpc,
  type VpcInstances,
  type VpcInstancesCollection,
} from '../../src/resources/ec2/index.js';

export async function wrongCallsDoNotCompile(ec2: EC2, instance: Instance, table: RouteTable) {
  // @ts-expect-error ImageId, MinCount and MaxCount are required
  await ec2.createInstances({});
  // @ts-expect-error InstanceId is filled by the resource
  await instance.describeAttribute({ Attribute: 'instanceType', InstanceId: 'i-1' });
  // @ts-expect-error batch actions are not on the bare collection property
  await ec2.instances.stop();
  // @ts-expect-error nor terminate
  await ec2.instances.terminate();
  // @ts-expect-error MaxResults is set by limit() and pageSize()
  ec2.instances.filter({ MaxResults: 5 });
  // @ts-expect-error Filters is a list of { Name, Values }
  ec2.instances.filter({ Filters: 'tag:env=dev' });
  // @ts-expect-error the identifier is a string
  ec2.Instance(1);
  // @ts-expect-error a Tag takes its resource id, key and value
  ec2.Tag('i-1', 'key');
  // @ts-expect-error a factory takes only its identifiers
  ec2.Instance('i-1', 'i-2');
  // @ts-expect-error identifiers are readonly
  instance.id = 'i-2';
  // @ts-expect-error the reference is async: await it
  const vpcId: string = instance.vpc.id;
  // @ts-expect-error networkInterfaces is the reference (resources), not the data
  const raw: { NetworkInterfaceId?: string }[] = await instance.networkInterfaces;
  // @ts-expect-error ec2.KeyPair(name) gives a KeyPairInfo, which holds no private key
  await ec2.KeyPair('k').keyMaterial;
  // @ts-expect-error waiter times are numbers
  await instance.waitUntilRunning({ minDelay: '1' });
  // @ts-expect-error Route is a sub-resource factory of its route table, not a getter
  await table.routes.RouteTable();
  // @ts-expect-error Value is a string
  await ec2.createTags({ Resources: ['i-1'], Tags: [{ Key: 'a', Value: 1 }] });
  return [vpcId, raw];
}

export async function rightCallsCompile(ec2: EC2, instance: Instance, table: RouteTable) {
  const made: Instance[] = await ec2.createInstances({
    ImageId: 'ami-1',
    MinCount: 1,
    MaxCount: 1,
  });
  const vpc: Vpc = await ec2.createVpc({ CidrBlock: '10.0.0.0/16' });
  const inVpc: VpcInstances = vpc.instances;
  const running: VpcInstancesCollection = inVpc.filter({
    Filters: [{ Name: 'instance-state-name', Values: ['running'] }],
  });
  const stoppedInVpc: StopInstancesCommandOutput[] = await running.stop();
  void stoppedInVpc;
  const subnet: Subnet = await vpc.createSubnet({ CidrBlock: '10.0.1.0/24' });
  const inSubnet: Instance[] = await subnet.createInstances({
    ImageId: 'ami-1',
    MinCount: 1,
    MaxCount: 1,
  });
  const id: string = instance.id;
  const type: string | undefined = await instance.instanceType;
  const instanceVpc: Vpc | undefined = await instance.vpc;
  const image: Image | undefined = await instance.image;
  const nics: NetworkInterface[] = await instance.networkInterfaces;
  const nicData = await instance.networkInterfacesAttribute;
  const firstNic: string | undefined = nicData?.[0]?.NetworkInterfaceId;
  const routes: Route[] = await table.routes;
  const routeTable: RouteTable = routes[0]!.RouteTable();
  const keyPair: KeyPair = await ec2.createKeyPair({ KeyName: 'k' });
  const material: string | undefined = await keyPair.keyMaterial;
  const info: KeyPairInfo = ec2.KeyPair('k');
  const tags: Tag[] = await ec2.createTags({ Resources: [id], Tags: [{ Key: 'a', Value: 'b' }] });
  const own: Tag[] = await instance.createTags({ Tags: [{ Key: 'a', Value: 'b' }] });
  await instance.deleteTags({ Tags: [{ Key: 'a' }] });
  const attribute: DescribeInstanceAttributeCommandOutput = await instance.describeAttribute({
    Attribute: 'instanceType',
  });
  const devs = ec2.instances
    .filter({ Filters: [{ Name: 'tag:env', Values: ['dev'] }] })
    .filter({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] });
  const stopped: StopInstancesCommandOutput[] = await devs.stop();
  const gone: TerminateInstancesCommandOutput[] = await devs.limit(10).terminate({ DryRun: true });
  for await (const i of ec2.instances.limit(3)) {
    const listed: Instance = i;
    void listed.data?.State?.Name;
  }
  await instance.waitUntilRunning({
    maxWaitTime: 60,
    minDelay: 1,
    abortSignal: AbortSignal.timeout(1000),
  });
  await vpc.waitUntilAvailable();
  return [
    made,
    inSubnet,
    type,
    instanceVpc,
    image,
    nics,
    firstNic,
    routeTable,
    material,
    info,
    tags,
    own,
    attribute,
    stopped,
    gone,
  ];
}
