/**
 * Key pairs, tags and placement groups against moto.
 */
import { CreateTagsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { ResourceNotLoadableError } from '../../src/index.js';
import {
  EC2,
  KeyPair,
  KeyPairInfo,
  PlacementGroup,
  Tag,
  type Instance,
} from '../../src/resources/ec2/index.js';
import { countRequests } from '../support/request-counter.js';
import { answerLocally, ec2Client, tagFilter, TEST_AMI, testTag } from '../support/ec2.js';

let client: EC2Client;
let ec2: EC2;
const tag = testTag('misc');

beforeAll(() => {
  client = ec2Client();
  ec2 = new EC2({ client });
});

afterAll(async () => {
  await ec2.instances.filter(tagFilter(tag)).terminate();
  client.destroy();
});

function launch(params: { KeyName?: string } = {}): Promise<Instance[]> {
  return ec2.createInstances({
    ImageId: TEST_AMI,
    MinCount: 1,
    MaxCount: 1,
    TagSpecifications: [{ ResourceType: 'instance', Tags: [tag] }],
    ...params,
  });
}

describe('KeyPair and KeyPairInfo', () => {
  it('createKeyPair gives a KeyPair holding the private key; it cannot load', async () => {
    const keyPair = await ec2.createKeyPair({ KeyName: `${tag.Value}-a` });
    expect(keyPair).toBeInstanceOf(KeyPair);
    expect(keyPair.name).toBe(`${tag.Value}-a`);
    expect(await keyPair.keyMaterial).toMatch(/PRIVATE KEY/);
    expect(await keyPair.keyFingerprint).toBeTruthy();
    await expect(keyPair.reload()).rejects.toThrow(ResourceNotLoadableError);
    await keyPair.delete();
    expect(await ec2.KeyPair(keyPair.name).exists()).toBe(false);
  });

  it('ec2.KeyPair(name) is the KeyPairInfo; keyPairs lists them; instance.keyPair refers to it', async () => {
    await ec2.createKeyPair({ KeyName: `${tag.Value}-b` });
    const info = ec2.KeyPair(`${tag.Value}-b`);
    expect(info).toBeInstanceOf(KeyPairInfo);
    expect(await info.keyFingerprint).toBeTruthy();
    expect(await info.keyPairId).toMatch(/^key-/);
    const listed = await ec2.keyPairs.filter({ KeyNames: [info.name] }).toArray();
    expect(listed.map((k) => k.name)).toEqual([info.name]);
    expect(listed[0]).toBeInstanceOf(KeyPairInfo);
    const [instance] = await launch({ KeyName: info.name });
    const reference = await instance!.keyPair;
    expect(reference).toBeInstanceOf(KeyPairInfo);
    expect(reference!.equals(info)).toBe(true);
    await info.delete();
    expect(await info.exists()).toBe(false);
  });

  it('importKeyPair gives a KeyPairInfo', async () => {
    const created = await ec2.createKeyPair({ KeyName: `${tag.Value}-c` });
    const publicKey =
      'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDRw6HMW5Iz7vVPSdKqLtQmVWrZlbxqOmdnbH3hxAf8JqDWyJ9g7N9d0cR7sPaWQIN6VmGSbKjvP0jrP5dcZr7w4rTQjd9+rfKoYgfsJKRiqHFjQ1bjDgBIoTqSt6SEjl9sI0ldNwCMCTsHsQDSkRsFAu6Y2IrlQcbJvUyYEzjRpD2JtRrmHSFq6UHfIuMoEKqTkzDbj9uOrqd1M+PE1cJhgTlnA3zP4+pnB0FTC8VjSgqtWXPhTfBy7wpTEMyQn5U9KcvyYqy0URmJkUOxfmFRfL5HBWbAk0iujDwYcf1bo3PE+h2NmkPmQtx6B1Ue1C5ISJyDmbDHp2JXP5CbglSZ test';
    await created.delete();
    const imported = await ec2.importKeyPair({
      KeyName: `${tag.Value}-c`,
      PublicKeyMaterial: new TextEncoder().encode(publicKey),
    });
    expect(imported).toBeInstanceOf(KeyPairInfo);
    expect(imported.name).toBe(`${tag.Value}-c`);
    expect(await imported.keyFingerprint).toBeTruthy();
    await imported.delete();
  });
});

describe('Tag', () => {
  it('ec2.createTags gives a Tag per resource × tag; a Tag loads, deletes, and allows an empty value', async () => {
    const [a, b] = await Promise.all([launch(), launch()]).then((l) => l.flat());
    const counter = countRequests(client);
    try {
      const tags = await ec2.createTags({
        Resources: [a!.id, b!.id],
        Tags: [
          { Key: 'env', Value: 'dev' },
          { Key: 'flag', Value: '' },
        ],
      });
      expect(counter.byOperation).toEqual({ CreateTags: 1 });
      expect(tags.every((t) => t instanceof Tag)).toBe(true);
      expect(tags.map((t) => [t.resourceId, t.key, t.value])).toEqual([
        [a!.id, 'env', 'dev'],
        [a!.id, 'flag', ''],
        [b!.id, 'env', 'dev'],
        [b!.id, 'flag', ''],
      ]);
      counter.reset();
      expect(await tags[2]!.resourceType).toBe('instance');
      expect(counter.inputs[0]?.input).toMatchObject({
        Filters: [
          { Name: 'key', Values: ['env'] },
          { Name: 'value', Values: ['dev'] },
          { Name: 'resource-id', Values: [b!.id] },
        ],
      });
      await tags[0]!.delete();
      expect(await tags[0]!.exists()).toBe(false);
      expect(await tags[2]!.exists()).toBe(true); // b's tag is another Tag
    } finally {
      counter.remove();
    }
  });

  it('ec2.Tag(resourceId, key, value) is a factory; a tag that is not there does not exist', async () => {
    const [instance] = await launch();
    await client.send(
      new CreateTagsCommand({ Resources: [instance!.id], Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    expect(await ec2.Tag(instance!.id, 'k', 'v').exists()).toBe(true);
    expect(await ec2.Tag(instance!.id, 'k', 'other').exists()).toBe(false);
  });
});

describe('PlacementGroup', () => {
  it('create, load, list, instances, delete (moto lacks placement groups: answered locally)', async () => {
    const name = `${tag.Value}-pg`;
    const group = { GroupName: name, State: 'available', Strategy: 'cluster', GroupId: 'pg-1' };
    const local = answerLocally(client, {
      CreatePlacementGroup: () => ({ PlacementGroup: group }),
      DescribePlacementGroups: (input) => ({
        PlacementGroups:
          (input.GroupNames as string[] | undefined)?.includes(name) || !input.GroupNames
            ? [group]
            : [],
      }),
      DeletePlacementGroup: () => ({}),
      DescribeInstances: () => ({
        Reservations: [{ Instances: [{ InstanceId: 'i-1', Placement: { GroupName: name } }] }],
      }),
    });
    try {
      const created = await ec2.createPlacementGroup({ GroupName: name, Strategy: 'cluster' });
      expect(created).toBeInstanceOf(PlacementGroup);
      expect(created.name).toBe(name);
      expect(await created.strategy).toBe('cluster');
      expect((await ec2.placementGroups.all().toArray()).map((g) => g.name)).toEqual([name]);
      const instances = await created.instances.all().toArray();
      expect(instances.map((i) => i.id)).toEqual(['i-1']);
      expect((await instances[0]!.placementGroup)!.name).toBe(name);
      await created.delete();
      expect(local.calls.map((c) => [c.operation, c.input])).toEqual([
        ['CreatePlacementGroup', { GroupName: name, Strategy: 'cluster' }],
        ['DescribePlacementGroups', { GroupNames: [name] }],
        ['DescribePlacementGroups', {}],
        ['DescribeInstances', { Filters: [{ Name: 'placement-group-name', Values: [name] }] }],
        ['DeletePlacementGroup', { GroupName: name }],
      ]);
    } finally {
      local.remove();
    }
  });
});
