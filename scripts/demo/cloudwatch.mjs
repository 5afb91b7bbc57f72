/**
 * The CloudWatch part of the demo. On the emulator: 2500 data put in 3 requests, alarms on a
 * metric, and a batch delete of alarms. On AWS it only reads (custom metrics are billed).
 */
import { randomBytes } from 'node:crypto';
import { code, note, part, show, step } from './print.mjs';

export async function tourCloudWatch({ lib, target, counter }) {
  const { CloudWatch } = lib.cloudwatch;
  part('Amazon CloudWatch — aws-resources/cloudwatch');
  // moto cannot read the gzipped bodies the v3 client sends for PutMetricData over 10 KB.
  const config = target.aws
    ? target.config('cloudwatch')
    : { ...target.config('cloudwatch'), disableRequestCompression: true };
  const cloudwatch = new CloudWatch(config);
  counter.watch(cloudwatch.meta.client);
  try {
    if (target.aws) await readOnly(cloudwatch, counter);
    else await metricsAndAlarms(cloudwatch, counter);
  } finally {
    cloudwatch.meta.client.destroy();
  }
}

async function readOnly(cloudwatch, counter) {
  step('Your alarms and metrics (read only)');
  code('for await (const alarm of cloudwatch.alarms.limit(5))');
  let seen = 0;
  for await (const alarm of cloudwatch.alarms.limit(5)) {
    seen += 1;
    show('', `${alarm.name}  ${await alarm.stateValue}`);
  }
  if (seen === 0) show('', '(no alarms)');
  code(
    "for await (const metric of cloudwatch.metrics.filter({ Namespace: 'AWS/Lambda' }).limit(5))",
  );
  seen = 0;
  for await (const metric of cloudwatch.metrics.filter({ Namespace: 'AWS/Lambda' }).limit(5)) {
    seen += 1;
    show('', `${metric.namespace} ${metric.name}`);
  }
  if (seen === 0) show('', '(no AWS/Lambda metrics)');
  counter.print();
}

async function metricsAndAlarms(cloudwatch, counter) {
  const prefix = `aws-resources-demo-${randomBytes(3).toString('hex')}-`;
  const alarms = cloudwatch.alarms.filter({ AlarmNamePrefix: prefix });
  let alarmsLeft = false;
  try {
    step('Put 2500 data: split over the 1000-datum limit, each named for its metric');
    code("const metric = cloudwatch.Metric('AwsResourcesDemo', 'OrderLatency');   // no request");
    const metric = cloudwatch.Metric('AwsResourcesDemo', 'OrderLatency');
    code(
      "await metric.putData({ MetricData: Array.from({ length: 2500 }, (_, i) => ({ Value: i % 100, Unit: 'Milliseconds' })) });",
    );
    const outputs = await metric.putData({
      MetricData: Array.from({ length: 2500 }, (_, i) => ({
        Value: i % 100,
        Unit: 'Milliseconds',
      })),
    });
    show('', `${outputs.length} outputs, one per request`);
    note('boto3 sends one request, which fails over 1000 data, and drops MetricName');
    counter.print();

    step('Alarms on the metric');
    const names = ['high', 'higher', 'highest'].map((level) => `${prefix}${level}`);
    code(
      `for (const [i, name] of ['${names[0]}', ...].entries()) await metric.putAlarm({ AlarmName: name, Threshold: 100 * (i + 1), ... });`,
    );
    const made = [];
    alarmsLeft = true;
    for (const [i, name] of names.entries()) {
      made.push(
        await metric.putAlarm({
          AlarmName: name,
          ComparisonOperator: 'GreaterThanThreshold',
          EvaluationPeriods: 1,
          Period: 60,
          Statistic: 'Average',
          Threshold: 100 * (i + 1),
        }),
      );
    }
    const [alarm] = made;
    code('[await alarm.threshold, await alarm.stateValue];   // one DescribeAlarms');
    show('', [await alarm.threshold, await alarm.stateValue]);
    code('(await alarm.metric).name;   // the Metric it watches, from its data');
    show('', (await alarm.metric).name);
    code(
      "await alarm.setState({ StateValue: 'ALARM', StateReason: 'a demo' }); await alarm.reload();",
    );
    await alarm.setState({ StateValue: 'ALARM', StateReason: 'a demo' });
    await alarm.reload();
    show('', await alarm.stateValue);
    counter.print();

    step('A batch action on a collection of alarms');
    code(`const alarms = cloudwatch.alarms.filter({ AlarmNamePrefix: '${prefix}' });`);
    code('(await alarms.toArray()).map((a) => a.name);');
    show(
      '',
      (await alarms.toArray()).map((a) => a.name),
    );
    code('await alarms.delete();   // one DeleteAlarms per page');
    await alarms.delete();
    alarmsLeft = false;
    code('(await alarms.toArray()).length;');
    show('', (await alarms.toArray()).length);
    counter.print();
  } finally {
    if (alarmsLeft) {
      step('Clean up');
      code('await alarms.delete();');
      await alarms.delete();
      counter.print();
    }
  }
}
