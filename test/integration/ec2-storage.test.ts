/**
 * Storage and image resources against moto: Volume, Snapshot and Image.
 */
import { type EC2Client } from '@aws-sdk/client-ec2';
import { EC2, Image, Snapshot, Volume, type Instance } from '../../src/resources/ec2/index.js';
import { ec2Client, tagFilter, TEST_AMI, testTag } from '../support/ec2.js';

let client: EC2Client;
let ec2: EC2;
let instance: Instance;
let zone: string;
const tag = testTag('storage');

beforeAll(async () => {
  client = ec2Client();
  ec2 = new EC2({ client });
  [instance] = (await ec2.createInstances({
    ImageId: TEST_AMI,
    MinCount: 1,
    MaxCount: 1,
    TagSpecifications: [{ ResourceType: 'instance', Tags: [tag] }],
  })) as [Instance];
  zone = (await instance.placement)?.AvailabilityZone ?? 'us-east-1a';
});

afterAll(async () => {
  await ec2.instances.filter(tagFilter(tag)).terminate();
  client.destroy();
});

describe('Volume and Snapshot', () => {
  it('create, attach, list by instance, snapshot, wait, copy, detach, delete', async () => {
    const volume = await ec2.createVolume({ AvailabilityZone: zone, Size: 1 });
    expect(volume).toBeInstanceOf(Volume);
    expect(volume.data?.Size).toBe(1); // CreateVolume's output is the volume's data
    expect(await ec2.Volume(volume.id).size).toBe(1);

    await volume.attachToInstance({ InstanceId: instance.id, Device: '/dev/sdf' });
    const attached = await instance.volumes.all().toArray();
    expect(attached.map((v) => v.id)).toContain(volume.id);
    // (moto lacks DescribeVolumeStatus, DescribeVolumeAttribute, ModifyVolumeAttribute, EnableVolumeIO.)
    const snapshot = await volume.createSnapshot({ Description: tag.Value });
    expect(snapshot).toBeInstanceOf(Snapshot);
    expect(snapshot.data?.VolumeId).toBe(volume.id);
    await snapshot.waitUntilCompleted({ minDelay: 0.1, maxWaitTime: 5 });
    expect(snapshot.data?.State).toBe('completed');
    expect((await snapshot.volume)!.id).toBe(volume.id);
    const listed = await volume.snapshots.all().toArray();
    expect(listed.map((s) => s.id)).toEqual([snapshot.id]);
    const byService = await ec2.snapshots.filter({ SnapshotIds: [snapshot.id] }).toArray();
    expect(byService.map((s) => s.id)).toEqual([snapshot.id]);

    await snapshot.modifyAttribute({
      Attribute: 'createVolumePermission',
      OperationType: 'add',
      GroupNames: ['all'],
    });
    const permissions = await snapshot.describeAttribute({ Attribute: 'createVolumePermission' });
    expect(permissions.CreateVolumePermissions).toEqual([{ Group: 'all' }]);
    const copy = await snapshot.copy({ SourceRegion: 'us-east-1' });
    expect(copy.SnapshotId).toMatch(/^snap-/);
    await ec2.Snapshot(copy.SnapshotId!).delete();

    await volume.detachFromInstance({ InstanceId: instance.id });
    await snapshot.delete();
    expect(await snapshot.exists()).toBe(false);
    await volume.delete();
    expect(await volume.exists()).toBe(false);
  });
});

describe('Image', () => {
  it('instance.createImage, wait until it exists, attributes, tags, list, deregister', async () => {
    const image = await instance.createImage({ Name: tag.Value });
    expect(image).toBeInstanceOf(Image);
    await image.waitUntilExists({ minDelay: 0.1, maxWaitTime: 5 });
    expect(image.data?.Name).toBe(tag.Value); // the waiter's data
    expect(await ec2.Image(image.id).name).toBe(tag.Value);
    await image.modifyAttribute({ LaunchPermission: { Add: [{ Group: 'all' }] } });
    const permissions = await image.describeAttribute({ Attribute: 'launchPermission' });
    expect(permissions.ImageId).toBe(image.id);
    expect(permissions.LaunchPermissions).toEqual([{ Group: 'all' }]);
    const tags = await image.createTags({ Tags: [tag] });
    expect(tags.map((t) => t.meta.identifiers)).toEqual([{ resourceId: image.id, ...lower(tag) }]);
    // moto lists many public AMIs: filter.
    const listed = await ec2.images.filter(tagFilter(tag)).toArray();
    expect(listed.map((i) => i.id)).toEqual([image.id]);
    await image.deregister();
    expect(await image.exists()).toBe(false);
  });
});

function lower(tag: { Key: string; Value: string }): { key: string; value: string } {
  return { key: tag.Key, value: tag.Value };
}
