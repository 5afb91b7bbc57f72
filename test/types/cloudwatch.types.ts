/**
 * Compile-time tests of the CloudWatch surface, checked by `npm run typecheck` (and by
 * test/unit/type-tests.test.ts). Nothing here runs: the functions are never called.
 * Each `@ts-expect-error` line must stay an error; the rest must compile.
 */
import type { PutMetricDataCommandOutput, StateValue } from '@aws-sdk/client-cloudwatch';
import {
  PutDataError,
  type Alarm,
  type CloudWatch,
  type CloudWatchAlarmsCollection,
  type Metric,
} from '../../src/resources/cloudwatch/index.js';

export async function wrongCallsDoNotCompile(cloudwatch: CloudWatch, metric: Metric, alarm: Alarm) {
  // @ts-expect-error the metric fills Namespace
  await metric.putData({ Namespace: 'Other', MetricData: [{ Value: 1 }] });
  // @ts-expect-error MetricData is required
  await metric.putData({});
  // @ts-expect-error a datum's Value is a number
  await metric.putData({ MetricData: [{ Value: '1' }] });
  const base = { AlarmName: 'a', EvaluationPeriods: 1 } as const;
  // @ts-expect-error putAlarm fills MetricName
  await metric.putAlarm({ ...base, ComparisonOperator: 'LessThanThreshold', MetricName: 'x' });
  // @ts-expect-error Metric takes a namespace and a name
  cloudwatch.Metric('Shop');
  // @ts-expect-error not a state
  await alarm.setState({ StateValue: 'RED', StateReason: 'x' });
  // @ts-expect-error batch actions are on collections, not on the manager's items
  await cloudwatch.alarms.all().putData();
  // @ts-expect-error the alarm's metric is a promise
  void (await alarm.metric).name;
}

export async function rightCallsCompile(cloudwatch: CloudWatch) {
  const metric = cloudwatch.Metric('Shop', 'Latency');
  const outputs: PutMetricDataCommandOutput[] = await metric.putData({
    MetricData: [{ Value: 1, Unit: 'Milliseconds', MetricName: 'Latency' }],
  });
  const alarm: Alarm = await metric.putAlarm({
    AlarmName: 'high',
    EvaluationPeriods: 1,
    ComparisonOperator: 'GreaterThanThreshold',
    Threshold: 1,
  });
  const state: StateValue | undefined = await alarm.stateValue;
  const watched: Metric | undefined = await alarm.metric;
  const alarms: CloudWatchAlarmsCollection = cloudwatch.alarms.filter({ AlarmNamePrefix: 'x' });
  await alarms.delete();
  await alarms.disableActions();
  await alarms.enableActions();
  try {
    await metric.putData({ MetricData: [] });
  } catch (error) {
    if (error instanceof PutDataError)
      error.failures[0]?.data[0]?.MetricName satisfies string | undefined;
  }
  return [outputs, state, watched];
}
