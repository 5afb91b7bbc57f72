/**
 * boto3's SNS and CloudWatch models, member by member (test/fixtures/boto3/*.inventory.json):
 * every resource, identifier, action, batch action, waiter, has and hasMany exists under the
 * project's names. Each probe is also checked to fail on a member that is not there.
 */
import * as cloudwatchEntry from '../../src/resources/cloudwatch/index.js';
import * as snsEntry from '../../src/resources/sns/index.js';
import { missingSurface, readInventory } from '../support/boto3-surface.js';

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

  it('reads the attributes of the MetricAlarm and Metric shapes', () => {
    const alarm = cloudwatch.Alarm('a');
    // `in` finds the getters without reading them (a read would send DescribeAlarms).
    for (const name of [
      'stateValue',
      'threshold',
      'comparisonOperator',
      'metricName',
      'dimensions',
    ])
      expect(name in alarm).toBe(true);
    expect('dimensions' in cloudwatch.Metric('Shop', 'Latency')).toBe(true);
    const metric = cloudwatch.Metric('Shop', 'Latency');
    expect([metric.namespace, metric.name]).toEqual(['Shop', 'Latency']);
  });
});
