/**
 * boto3's SNS and CloudWatch models, member by member (test/fixtures/boto3/*.inventory.json):
 * every resource, identifier, action, batch action, waiter, has and hasMany exists under the
 * project's names. Each probe is also checked to fail on a member that is not there.
 */
import * as cloudwatchEntry from '../../src/resources/cloudwatch/index.js';
import * as snsEntry from '../../src/resources/sns/index.js';
import { join } from 'node:path';
import { SdkTypes } from '../../scripts/generator/sdk-types.js';
import { camelCase } from '../../src/core/naming.js';
import { missingSurface, readInventory } from '../support/boto3-surface.js';

const root = join(__dirname, '..', '..');

/**
 * The members of each resource's v3 load shape (`MetricAlarm`, `GetTopicAttributesResponse`)
 * that the resource has no attribute for: an attribute is the camelCased member (with the
 * suffix `Attribute` where another member takes the name), or an identifier's memberName.
 * `in` finds the getters without reading them (a read would send a request).
 */
function missingAttributes(
  packageName: string,
  inventory: ReturnType<typeof readInventory>,
  make: (type: string) => object,
): string[] {
  const sdk = new SdkTypes(packageName, root);
  const missing: string[] = [];
  for (const [type, resource] of Object.entries(inventory.resources)) {
    const shape = (resource as { shape?: string }).shape;
    if (!shape) continue;
    const instance = make(type);
    const byIdentifier = new Set(
      (resource.identifiers as Array<{ memberName?: string }>).map((i) => i.memberName),
    );
    for (const { name } of sdk.members(shape)) {
      if (byIdentifier.has(name)) continue;
      const member = camelCase(name);
      if (!(member in instance) && !(`${member}Attribute` in instance))
        missing.push(`${type}.${member}`);
    }
  }
  return missing;
}

const region = 'us-east-1';
const topicArn = 'arn:aws:sns:us-east-1:123456789012:orders';

describe("boto3's SNS model", () => {
  const sns = new snsEntry.SNS({ region });
  const make = (type: string): object => {
    const factory = (sns as unknown as Record<string, (arn: string) => object>)[type];
    if (!factory) throw new Error(`no factory ${type}`);
    return factory.call(sns, type === 'Topic' ? topicArn : `arn:aws:sns:us-east-1:1:${type}`);
  };

  it('is all there', () => {
    const inventory = readInventory('sns');
    expect(Object.keys(inventory.resources).sort()).toEqual([
      'PlatformApplication',
      'PlatformEndpoint',
      'Subscription',
      'Topic',
    ]);
    expect(missingSurface(inventory, { ...snsEntry }, sns, make)).toEqual([]);
  });

  it('reads every member of each load shape', () => {
    expect(missingAttributes('@aws-sdk/client-sns', readInventory('sns'), make)).toEqual([]);
  });

  it('names what is missing', () => {
    const inventory = readInventory('sns');
    const topic = inventory.resources.Topic!;
    const widened = {
      ...inventory,
      resources: {
        ...inventory.resources,
        Topic: { ...topic, actions: { ...topic.actions, Frobnicate: {} } },
      },
    };
    expect(missingSurface(widened, { ...snsEntry }, sns, make)).toEqual(['Topic.frobnicate()']);
  });
});

describe("boto3's CloudWatch model", () => {
  const cloudwatch = new cloudwatchEntry.CloudWatch({ region });
  const make = (type: string): object =>
    type === 'Alarm' ? cloudwatch.Alarm('high-latency') : cloudwatch.Metric('Shop', 'Latency');

  it('is all there, batch actions on alarm collections included', () => {
    const inventory = readInventory('cloudwatch');
    expect(Object.keys(inventory.resources.Alarm!.batchActions).sort()).toEqual([
      'Delete',
      'DisableActions',
      'EnableActions',
    ]);
    expect(missingSurface(inventory, { ...cloudwatchEntry }, cloudwatch, make)).toEqual([]);
  });

  it('names what is missing', () => {
    const inventory = readInventory('cloudwatch');
    const alarm = inventory.resources.Alarm!;
    const widened = {
      ...inventory,
      resources: {
        ...inventory.resources,
        Alarm: { ...alarm, batchActions: { ...alarm.batchActions, Mute: {} } },
      },
    };
    expect(missingSurface(widened, { ...cloudwatchEntry }, cloudwatch, make)).toEqual([
      'AlarmCollection.mute()',
    ]);
  });

  it('reads every member of the MetricAlarm and Metric shapes', () => {
    expect(
      missingAttributes('@aws-sdk/client-cloudwatch', readInventory('cloudwatch'), make),
    ).toEqual([]);
  });
});
