/**
 * Batch actions on instance collections against moto: one request per page, exactly the
 * matching instances, the per-instance results, and none on the bare collection property.
 */
import { type EC2Client } from '@aws-sdk/client-ec2';
import type { MiddlewareStack } from '@smithy/types';
import { EC2, InstanceCollection, type Instance } from '../../src/resources/ec2/index.js';
import { countRequests, type RequestCounter } from '../support/request-counter.js';
import { ec2Client, tagFilter, TEST_AMI, testTag } from '../support/ec2.js';

let client: EC2Client;
let ec2: EC2;
let counter: RequestCounter;
const tags: { Key: string; Value: string }[] = [];

beforeAll(() => {
  client = ec2Client();
  ec2 = new EC2({ client });
  counter = countRequests(client);
});

afterAll(async () => {
  for (const tag of tags) await ec2.instances.filter(tagFilter(tag)).terminate();
  client.destroy();
});

/** `count` instances in `count` reservations (moto pages count reservations). */
async function launch(count: number, tag = testTag('batch')): Promise<Instance[]> {
  tags.push(tag);
  const made: Instance[] = [];
  for (let i = 0; i < count; i++) {
    made.push(
      ...(await ec2.createInstances({
        ImageId: TEST_AMI,
        MinCount: 1,
        MaxCount: 1,
        TagSpecifications: [{ ResourceType: 'instance', Tags: [tag] }],
      })),
    );
  }
  return made;
}

async function states(instances: readonly Instance[]): Promise<string[]> {
  return Promise.all(instances.map(async (i) => (await i.reload()).State?.Name ?? '?'));
}

it('stop and terminate touch exactly the tag-filtered instances, one request per page', async () => {
  const target = testTag('batch-target');
  const chosen = await launch(3, target);
  const others = await launch(2);
  counter.reset();
  const outputs = await ec2.instances.filter(tagFilter(target)).stop();
  expect(counter.byOperation).toEqual({ DescribeInstances: 1, StopInstances: 1 });
  // The result reports each instance's state change.
  const changed = outputs.flatMap((o) => o.StoppingInstances ?? []);
  expect(changed.map((c) => c.InstanceId).sort()).toEqual(chosen.map((i) => i.id).sort());
  expect(changed.every((c) => c.PreviousState?.Name === 'running')).toBe(true);
  expect(await states(chosen)).toEqual(['stopped', 'stopped', 'stopped']);
  expect(await states(others)).toEqual(['running', 'running']);

  counter.reset();
  const terminated = await ec2.instances.filter(tagFilter(target)).terminate();
  expect(counter.byOperation).toEqual({ DescribeInstances: 1, TerminateInstances: 1 });
  expect(
    terminated
      .flatMap((o) => o.TerminatingInstances ?? [])
      .map((c) => c.InstanceId)
      .sort(),
  ).toEqual(chosen.map((i) => i.id).sort());
  expect(await states(chosen)).toEqual(['terminated', 'terminated', 'terminated']);
  expect(await states(others)).toEqual(['running', 'running']);
});

it('sends one request per page: pageSize(5) over 6 reservations is 2 pages', async () => {
  const tag = testTag('batch-pages');
  const instances = await launch(6, tag);
  counter.reset();
  const outputs = await ec2.instances.filter(tagFilter(tag)).pageSize(5).reboot();
  expect(outputs).toHaveLength(2);
  expect(counter.byOperation).toEqual({ DescribeInstances: 2, RebootInstances: 2 });
  const rebooted = counter.inputs
    .filter((r) => r.operation === 'RebootInstances')
    .flatMap((r) => (r.input as { InstanceIds: string[] }).InstanceIds);
  expect(rebooted.sort()).toEqual(instances.map((i) => i.id).sort());
});

it('limit(n) acts on n instances only', async () => {
  const tag = testTag('batch-limit');
  const instances = await launch(3, tag);
  counter.reset();
  await ec2.instances.filter(tagFilter(tag)).limit(2).stop();
  const stopped = (counter.inputs.find((r) => r.operation === 'StopInstances')?.input ?? {}) as {
    InstanceIds?: string[];
  };
  expect(stopped.InstanceIds).toHaveLength(2);
  const after = await states(instances);
  expect(after.filter((s) => s === 'stopped')).toHaveLength(2);
  expect(after.filter((s) => s === 'running')).toHaveLength(1);
  // start puts them back
  await ec2.instances.filter(tagFilter(tag)).start();
  expect(await states(instances)).toEqual(['running', 'running', 'running']);
});

it('createTags tags every instance of the collection', async () => {
  const tag = testTag('batch-tags');
  const instances = await launch(2, tag);
  await ec2.instances.filter(tagFilter(tag)).createTags({ Tags: [{ Key: 'team', Value: 'blue' }] });
  for (const instance of instances) {
    await instance.reload();
    expect(await instance.tags).toEqual(expect.arrayContaining([{ Key: 'team', Value: 'blue' }]));
  }
});

it('monitor and unmonitor send the page instance ids (moto lacks these operations)', async () => {
  const tag = testTag('batch-monitor');
  const instances = await launch(2, tag);
  // moto answers MonitorInstances/UnmonitorInstances with an HTML 500: answer them here.
  const stack = client.middlewareStack as unknown as MiddlewareStack<object, object>;
  stack.add(
    (next, context) => async (args) => {
      const ids = (args.input as { InstanceIds?: string[] }).InstanceIds ?? [];
      if (!/^(Un)?[Mm]onitorInstancesCommand$/.test(context.commandName ?? '')) return next(args);
      const state = context.commandName === 'MonitorInstancesCommand' ? 'pending' : 'disabling';
      return {
        output: {
          $metadata: {},
          InstanceMonitorings: ids.map((InstanceId) => ({
            InstanceId,
            Monitoring: { State: state },
          })),
        },
        response: {},
      };
    },
    { step: 'initialize', name: 'motoLacksMonitorInstances' },
  );
  try {
    counter.reset();
    const monitored = await ec2.instances.filter(tagFilter(tag)).monitor();
    const ids = instances.map((i) => i.id).sort();
    expect(
      monitored
        .flatMap((o) => o.InstanceMonitorings ?? [])
        .map((m) => m.InstanceId)
        .sort(),
    ).toEqual(ids);
    const unmonitored = await ec2.instances.filter(tagFilter(tag)).unmonitor();
    expect(unmonitored[0]?.InstanceMonitorings?.[0]?.Monitoring?.State).toBe('disabling');
    expect(counter.byOperation).toEqual({ DescribeInstances: 2 });
  } finally {
    stack.remove('motoLacksMonitorInstances');
  }
});

it('an EC2 error fails the page request and is the v3 error, unwrapped', async () => {
  const tag = testTag('batch-error');
  await launch(1, tag);
  // DryRun makes EC2 answer with an error for the whole request, as it does for a bad instance.
  await expect(ec2.instances.filter(tagFilter(tag)).stop({ DryRun: true })).rejects.toMatchObject({
    name: 'DryRunOperation',
  });
});

it('an empty collection sends no batch request', async () => {
  counter.reset();
  const outputs = await ec2.instances.filter(tagFilter(testTag('batch-none'))).terminate();
  expect(outputs).toEqual([]);
  expect(counter.byOperation).toEqual({ DescribeInstances: 1 });
});

it('batch actions exist on collections, never on the bare collection property', () => {
  const manager = ec2.instances as unknown as Record<string, unknown>;
  for (const name of [
    'start',
    'stop',
    'terminate',
    'reboot',
    'monitor',
    'unmonitor',
    'createTags',
  ]) {
    expect(manager[name]).toBeUndefined();
    expect(typeof (ec2.instances.all() as unknown as Record<string, unknown>)[name]).toBe(
      'function',
    );
  }
  expect(ec2.instances.filter({ Filters: [] })).toBeInstanceOf(InstanceCollection);
  expect(ec2.instances.limit(1)).toBeInstanceOf(InstanceCollection);
});
