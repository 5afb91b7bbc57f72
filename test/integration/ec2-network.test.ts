/**
 * Routing and addressing resources against moto: RouteTable, RouteTableAssociation, Route,
 * NetworkAcl, NetworkInterface, NetworkInterfaceAssociation, VpcAddress and ClassicAddress.
 */
import { AllocateAddressCommand, type EC2Client } from '@aws-sdk/client-ec2';
import {
  ClassicAddress,
  EC2,
  NetworkAcl,
  NetworkInterface,
  NetworkInterfaceAssociation,
  Route,
  RouteTable,
  RouteTableAssociation,
  Subnet,
  Vpc,
  VpcAddress,
} from '../../src/resources/ec2/index.js';
import { ec2Client, tagFilter, TEST_AMI, testTag } from '../support/ec2.js';

let client: EC2Client;
let ec2: EC2;
let vpc: Vpc;
let subnet: Subnet;
const tag = testTag('network');

beforeAll(async () => {
  client = ec2Client();
  ec2 = new EC2({ client });
  vpc = await ec2.createVpc({ CidrBlock: '10.60.0.0/16' });
  subnet = await vpc.createSubnet({ CidrBlock: '10.60.1.0/24' });
});

afterAll(async () => {
  await ec2.instances.filter(tagFilter(tag)).terminate();
  await subnet.delete();
  await vpc.delete();
  client.destroy();
});

describe('RouteTable, RouteTableAssociation and Route', () => {
  it('create, associate, routes and associations as references, replace, delete', async () => {
    const table = await vpc.createRouteTable();
    expect(table).toBeInstanceOf(RouteTable);
    expect((await table.vpc)!.id).toBe(vpc.id);

    const association = await table.associateWithSubnet({ SubnetId: subnet.id });
    expect(association).toBeInstanceOf(RouteTableAssociation);
    await table.reload();
    const associations = await table.associations;
    expect(associations.map((a) => a.id)).toEqual([association.id]);
    // Built from the table's data: the association's references need no request.
    expect((await associations[0]!.subnet)!.id).toBe(subnet.id);
    expect((await associations[0]!.routeTable)!.id).toBe(table.id);
    expect((await table.associationsAttribute)?.[0]?.SubnetId).toBe(subnet.id);

    const gateway = await ec2.createInternetGateway();
    await vpc.attachInternetGateway({ InternetGatewayId: gateway.id });
    const route = await table.createRoute({
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: gateway.id,
    });
    expect(route).toBeInstanceOf(Route);
    expect(route.meta.identifiers).toEqual({
      routeTableId: table.id,
      destinationCidrBlock: '0.0.0.0/0',
    });
    expect(route.RouteTable().id).toBe(table.id);
    await table.reload();
    const routes = await table.routes;
    expect(routes.map((r) => r.destinationCidrBlock).sort()).toEqual(['0.0.0.0/0', '10.60.0.0/16']);
    expect(routes.find((r) => r.destinationCidrBlock === '0.0.0.0/0')!.data?.GatewayId).toBe(
      gateway.id,
    );
    await route.replace({ GatewayId: gateway.id });
    await route.delete();
    await table.reload();
    expect((await table.routes).map((r) => r.destinationCidrBlock)).toEqual(['10.60.0.0/16']);

    const listed = await vpc.routeTables.filter({ RouteTableIds: [table.id] }).toArray();
    expect(listed.map((t) => t.id)).toEqual([table.id]);

    const other = await vpc.createRouteTable();
    const moved = await association.replaceSubnet({ RouteTableId: other.id });
    expect(moved).toBeInstanceOf(RouteTableAssociation);
    await moved.delete();
    await other.delete();
    await table.delete();
    expect(await table.exists()).toBe(false);
    await vpc.detachInternetGateway({ InternetGatewayId: gateway.id });
    await gateway.delete();
  });
});

describe('NetworkAcl', () => {
  it('create, entries, vpc reference, collection, delete', async () => {
    const acl = await vpc.createNetworkAcl();
    expect(acl).toBeInstanceOf(NetworkAcl);
    const entry = { RuleNumber: 100, Protocol: '6', RuleAction: 'allow' as const, Egress: false };
    await acl.createEntry({ ...entry, CidrBlock: '10.0.0.0/8', PortRange: { From: 22, To: 22 } });
    await acl.replaceEntry({ ...entry, CidrBlock: '10.1.0.0/16', PortRange: { From: 22, To: 22 } });
    await acl.reload();
    expect((await acl.entries)?.find((e) => e.RuleNumber === 100)?.CidrBlock).toBe('10.1.0.0/16');
    await acl.deleteEntry({ RuleNumber: 100, Egress: false });
    await acl.reload();
    expect((await acl.entries)?.find((e) => e.RuleNumber === 100)).toBeUndefined();
    expect((await acl.vpc)!.id).toBe(vpc.id);
    const listed = await vpc.networkAcls.filter({ NetworkAclIds: [acl.id] }).toArray();
    expect(listed.map((a) => a.id)).toEqual([acl.id]);
    await acl.delete();
    expect(await acl.exists()).toBe(false);
  });
});

describe('NetworkInterface, VpcAddress and NetworkInterfaceAssociation', () => {
  it('create, private IPs, attach/detach, an Elastic IP association, delete', async () => {
    const nic = await subnet.createNetworkInterface({ Description: tag.Value });
    expect(nic).toBeInstanceOf(NetworkInterface);
    expect((await nic.subnet)!.id).toBe(subnet.id);
    expect((await nic.vpc)!.id).toBe(vpc.id);
    expect(await nic.association).toBeUndefined();
    await nic.assignPrivateIpAddresses({ SecondaryPrivateIpAddressCount: 1 });
    await nic.reload();
    expect(await nic.privateIpAddresses).toHaveLength(2);
    const description = await nic.describeAttribute({ Attribute: 'description' });
    expect(description.Description?.Value).toBe(tag.Value);
    const listed = await subnet.networkInterfaces
      .filter({ NetworkInterfaceIds: [nic.id] })
      .toArray();
    expect(listed.map((n) => n.id)).toEqual([nic.id]);
    expect(
      (await vpc.networkInterfaces.filter({ NetworkInterfaceIds: [nic.id] }).toArray()).length,
    ).toBe(1);

    const [instance] = await subnet.createInstances({
      ImageId: TEST_AMI,
      MinCount: 1,
      MaxCount: 1,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [tag] }],
    });
    await nic.attach({ InstanceId: instance!.id, DeviceIndex: 1 });
    await nic.reload();
    expect((await nic.attachment)?.InstanceId).toBe(instance!.id);
    await nic.detach(); // AttachmentId from the loaded data
    await nic.reload();
    expect((await nic.status) === 'available' || (await nic.attachment) === undefined).toBe(true);

    const allocated = await client.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const address = ec2.VpcAddress(allocated.AllocationId!);
    expect(address).toBeInstanceOf(VpcAddress);
    expect(await address.publicIp).toBe(allocated.PublicIp);
    await address.associate({ NetworkInterfaceId: nic.id });
    await address.reload();
    const association = await address.association;
    expect(association).toBeInstanceOf(NetworkInterfaceAssociation);
    await nic.reload();
    // The interface's data holds the association's: its attributes and references need no
    // load (moto does not filter DescribeNetworkInterfaces on association.association-id,
    // which a bare NetworkInterfaceAssociation loads with).
    const fromNic = await nic.association;
    expect(fromNic!.id).toBe(association!.id);
    expect(await fromNic!.publicIp).toBe(allocated.PublicIp);
    expect((await fromNic!.address)!.allocationId).toBe(address.allocationId);
    const addresses = await ec2.vpcAddresses
      .filter({ AllocationIds: [address.allocationId] })
      .toArray();
    expect(addresses.map((a) => a.allocationId)).toEqual([address.allocationId]);
    await association!.delete();
    await address.release();
    expect(await address.exists()).toBe(false);
    await nic.delete();
    expect(await nic.exists()).toBe(false);
  });

  it('instance.vpcAddresses lists the Elastic IPs of an instance', async () => {
    const [instance] = await subnet.createInstances({
      ImageId: TEST_AMI,
      MinCount: 1,
      MaxCount: 1,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [tag] }],
    });
    const allocated = await client.send(new AllocateAddressCommand({ Domain: 'vpc' }));
    const address = ec2.VpcAddress(allocated.AllocationId!);
    await address.associate({ InstanceId: instance!.id });
    const listed = await instance!.vpcAddresses.all().toArray();
    expect(listed.map((a) => a.allocationId)).toEqual([address.allocationId]);
    await ec2.NetworkInterfaceAssociation((await address.reload()).AssociationId!).delete();
    await address.release();
  });
});

describe('ClassicAddress', () => {
  it('an EC2-Classic (standard) address: load, collection, associate, release', async () => {
    const allocated = await client.send(new AllocateAddressCommand({ Domain: 'standard' }));
    const address = ec2.ClassicAddress(allocated.PublicIp!);
    expect(address).toBeInstanceOf(ClassicAddress);
    expect(await address.domain).toBe('standard');
    const listed = await ec2.classicAddresses.filter({ PublicIps: [address.publicIp] }).toArray();
    expect(listed.map((a) => a.publicIp)).toEqual([address.publicIp]);
    const [instance] = await subnet.createInstances({
      ImageId: TEST_AMI,
      MinCount: 1,
      MaxCount: 1,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [tag] }],
    });
    await address.associate({ InstanceId: instance!.id });
    await address.reload();
    expect(await address.instanceId).toBe(instance!.id);
    await address.disassociate();
    await address.release();
    expect(await address.exists()).toBe(false);
  });
});
