/**
 * VPC resources against moto: Vpc, Subnet, SecurityGroup, InternetGateway, DhcpOptions and
 * VpcPeeringConnection — create, load, an action, a reference, a collection, delete.
 */
import { type EC2Client } from '@aws-sdk/client-ec2';
import {
  DhcpOptions,
  EC2,
  InternetGateway,
  SecurityGroup,
  Subnet,
  Vpc,
  VpcPeeringConnection,
} from '../../src/resources/ec2/index.js';
import { countRequests, type RequestCounter } from '../support/request-counter.js';
import { ec2Client, tagFilter, testTag } from '../support/ec2.js';

let client: EC2Client;
let ec2: EC2;
let counter: RequestCounter;
const tag = testTag('vpc');
const tagged = { TagSpecifications: [{ ResourceType: 'vpc' as const, Tags: [tag] }] };

beforeAll(() => {
  client = ec2Client();
  ec2 = new EC2({ client });
  counter = countRequests(client);
});

afterAll(() => client.destroy());

describe('Vpc', () => {
  it('createVpc, waiters, load, attributes, actions, a tag-filtered collection, delete', async () => {
    const vpc = await ec2.createVpc({ CidrBlock: '10.50.0.0/16', ...tagged });
    expect(vpc).toBeInstanceOf(Vpc);
    expect(await vpc.cidrBlock).toBe('10.50.0.0/16');
    counter.reset();
    await vpc.waitUntilExists({ minDelay: 0.1, maxWaitTime: 5 });
    await vpc.waitUntilAvailable({ minDelay: 0.1, maxWaitTime: 5 });
    expect(counter.byOperation).toEqual({ DescribeVpcs: 2 });
    expect(vpc.data?.State).toBe('available'); // the waiter's data

    await vpc.modifyAttribute({ EnableDnsHostnames: { Value: true } });
    const dns = await vpc.describeAttribute({ Attribute: 'enableDnsHostnames' });
    expect(dns.EnableDnsHostnames?.Value).toBe(true);

    const listed = await ec2.vpcs.filter(tagFilter(tag)).toArray();
    expect(listed.map((v) => v.id)).toEqual([vpc.id]);
    expect(listed[0]!.data?.CidrBlock).toBe('10.50.0.0/16');

    const dhcp = await vpc.dhcpOptions;
    expect(dhcp).toBeInstanceOf(DhcpOptions);
    expect(dhcp!.id).toBe(await vpc.dhcpOptionsId);

    await vpc.delete();
    expect(await ec2.Vpc(vpc.id).exists()).toBe(false);
  });
});

describe('Subnet and SecurityGroup', () => {
  it('vpc.createSubnet and createSecurityGroup; references, collections, rules, delete', async () => {
    const vpc = await ec2.createVpc({ CidrBlock: '10.51.0.0/16' });
    const subnet = await vpc.createSubnet({ CidrBlock: '10.51.1.0/24' });
    expect(subnet).toBeInstanceOf(Subnet);
    expect(await subnet.vpcId).toBe(vpc.id);
    expect((await subnet.vpc)!.id).toBe(vpc.id);
    expect((await vpc.subnets.all().toArray()).map((s) => s.id)).toEqual([subnet.id]);
    const loaded = ec2.Subnet(subnet.id);
    expect(await loaded.cidrBlock).toBe('10.51.1.0/24');

    const group = await vpc.createSecurityGroup({ GroupName: tag.Value, Description: 'test' });
    expect(group).toBeInstanceOf(SecurityGroup);
    expect(await ec2.SecurityGroup(group.id).groupName).toBe(tag.Value);
    await group.authorizeIngress({
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      ],
    });
    await group.reload();
    expect((await group.ipPermissions)?.[0]?.FromPort).toBe(443);
    await group.revokeIngress({
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
      ],
    });
    await group.reload();
    expect(await group.ipPermissions).toEqual([]);
    const groups = await vpc.securityGroups
      .filter({ Filters: [{ Name: 'group-name', Values: [tag.Value] }] })
      .toArray();
    expect(groups.map((g) => g.id)).toEqual([group.id]);
    const tags = await group.createTags({ Tags: [{ Key: 'tier', Value: 'web' }] });
    expect(tags.map((t) => t.resourceId)).toEqual([group.id]);

    await group.delete();
    await subnet.delete();
    expect(await subnet.exists()).toBe(false);
    await vpc.delete();
  });
});

describe('InternetGateway', () => {
  it('create, attach to a VPC, list by VPC, detach, delete', async () => {
    const vpc = await ec2.createVpc({ CidrBlock: '10.52.0.0/16' });
    const gateway = await ec2.createInternetGateway();
    expect(gateway).toBeInstanceOf(InternetGateway);
    await gateway.attachToVpc({ VpcId: vpc.id });
    await gateway.reload();
    expect((await gateway.attachments)?.[0]?.VpcId).toBe(vpc.id);
    expect((await vpc.internetGateways.all().toArray()).map((g) => g.id)).toEqual([gateway.id]);
    await vpc.detachInternetGateway({ InternetGatewayId: gateway.id });
    expect(await vpc.internetGateways.all().toArray()).toEqual([]);
    await gateway.delete();
    expect(await gateway.exists()).toBe(false);
    await vpc.delete();
  });
});

describe('DhcpOptions', () => {
  it('create, load, associate with a VPC, the collection, delete', async () => {
    const vpc = await ec2.createVpc({ CidrBlock: '10.53.0.0/16' });
    const options = await ec2.createDhcpOptions({
      DhcpConfigurations: [{ Key: 'domain-name', Values: [`${tag.Value}.internal`] }],
    });
    expect(options).toBeInstanceOf(DhcpOptions);
    await options.associateWithVpc({ VpcId: vpc.id });
    await vpc.reload();
    expect((await vpc.dhcpOptions)!.id).toBe(options.id);
    const loaded = ec2.DhcpOptions(options.id);
    expect((await loaded.dhcpConfigurations)?.[0]?.Key).toBe('domain-name');
    const listed = await ec2.dhcpOptionsSets
      .filter({ Filters: [{ Name: 'dhcp-options-id', Values: [options.id] }] })
      .toArray();
    expect(listed.map((o) => o.id)).toEqual([options.id]);
    await vpc.associateDhcpOptions({ DhcpOptionsId: 'default' });
    await options.delete();
    expect(await loaded.exists()).toBe(false);
    await vpc.delete();
  });
});

describe('VpcPeeringConnection', () => {
  it('request, wait until it exists, references, collections, accept, delete', async () => {
    const requester = await ec2.createVpc({ CidrBlock: '10.54.0.0/16' });
    const accepter = await ec2.createVpc({ CidrBlock: '10.55.0.0/16' });
    const peering = await requester.requestVpcPeeringConnection({ PeerVpcId: accepter.id });
    expect(peering).toBeInstanceOf(VpcPeeringConnection);
    await peering.waitUntilExists({ minDelay: 0.1, maxWaitTime: 5 });
    expect(peering.data?.VpcPeeringConnectionId).toBe(peering.id);
    expect((await peering.requesterVpc)!.id).toBe(requester.id);
    expect((await peering.accepterVpc)!.id).toBe(accepter.id);
    expect(
      (await requester.requestedVpcPeeringConnections.all().toArray()).map((p) => p.id),
    ).toEqual([peering.id]);
    expect((await accepter.acceptedVpcPeeringConnections.all().toArray()).map((p) => p.id)).toEqual(
      [peering.id],
    );
    const accepted = await peering.accept();
    expect(accepted.VpcPeeringConnection?.Status?.Code).toBe('active');
    const viaService = await ec2.vpcPeeringConnections
      .filter({ VpcPeeringConnectionIds: [peering.id] })
      .toArray();
    expect(viaService.map((p) => p.id)).toEqual([peering.id]);
    await peering.delete();
    await peering.reload();
    expect((await peering.status)?.Code).toBe('deleted');
    await requester.delete();
    await accepter.delete();
  });
});
