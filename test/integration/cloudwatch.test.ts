/**
 * CloudWatch on the emulator: putData split over PutMetricData's limits with every datum
 * filled, alarms from putAlarm, references and collections, and the batch actions of alarm
 * collections, with the requests each costs.
 *
 * moto 5.2.1 answers DisableAlarmActions and EnableAlarmActions with HTTP 500: those tests
 * answer the two operations in a v3 middleware (`answerLocally`, their documented empty
 * output) and check the requests the library sends; DescribeAlarms still goes to moto.
 */
import type { MetricDatum, PutMetricAlarmCommandInput } from '@aws-sdk/client-cloudwatch';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import { ParamValidationError } from '../../src/core/errors.js';
import {
  Alarm,
  CloudWatch,
  Metric,
  PutDataError,
  type PutDataParams,
} from '../../src/resources/cloudwatch/index.js';
import { uniqueName } from '../support/emulator.js';
import { countRequests } from '../support/request-counter.js';
import { answerLocally, cloudwatchClient } from '../support/sns-cloudwatch.js';

const client = cloudwatchClient();
const cloudwatch = new CloudWatch({ client });
const counter = countRequests(client);

/** The byte length of each PutMetricData body sent. */
const bodySizes: number[] = [];
const measure: FinalizeRequestMiddleware<object, object> = (next, context) => async (args) => {
  if (context.commandName === 'PutMetricDataCommand') {
    const body = (args.request as { body?: unknown }).body;
    bodySizes.push(
      typeof body === 'string'
        ? Buffer.byteLength(body)
        : body instanceof Uint8Array
          ? body.byteLength
          : -1,
    );
  }
  return next(args);
};
client.middlewareStack.add(measure as never, { step: 'finalizeRequest', name: 'bodySizes' });

afterAll(() => {
  counter.remove();
  client.destroy();
});
beforeEach(() => {
  counter.reset();
  bodySizes.length = 0;
});

function sentData(): MetricDatum[][] {
  return counter.inputs
    .filter((i) => i.operation === 'PutMetricData')
    .map((i) => (i.input as { MetricData: MetricDatum[] }).MetricData);
}

describe('metric.putData', () => {
  it('sends 2500 data in 3 requests of at most 1000, each datum named after the metric', async () => {
    const metric = cloudwatch.Metric(uniqueName('Shop'), 'OrderLatency');
    const data = Array.from({ length: 2500 }, (_, i) => ({
      Value: i,
      Unit: 'Milliseconds' as const,
    }));
    const outputs = await metric.putData({ MetricData: data });
    expect(outputs).toHaveLength(3);
    expect(counter.byOperation).toEqual({ PutMetricData: 3 });
    const sent = sentData();
    expect(sent.map((chunk) => chunk.length)).toEqual([1000, 1000, 500]);
    expect(sent.flat().every((d) => d.MetricName === 'OrderLatency')).toBe(true);
    expect(sent.flat().map((d) => d.Value)).toEqual(data.map((d) => d.Value));
    expect(
      counter.inputs.every(
        (i) => (i.input as { Namespace?: string }).Namespace === metric.namespace,
      ),
    ).toBe(true);
    // moto stored them under the metric's name (its ListMetrics lists each datum).
    const listed = await cloudwatch.metrics.filter({ Namespace: metric.namespace }).toArray();
    expect(new Set(listed.map((m) => m.name))).toEqual(new Set(['OrderLatency']));
  });

  it('splits on the 1 MB payload: no request body over 1 MB', async () => {
    const metric = cloudwatch.Metric(uniqueName('Big'), 'Wide');
    // 30 dimensions of 1000 characters: about 31 KB a datum, so about 31 fit in 1 MB.
    const Dimensions = Array.from({ length: 30 }, (_, i) => ({
      Name: `d${i}`,
      Value: String(i).padEnd(1000, 'x'),
    }));
    const data = Array.from({ length: 100 }, (_, i) => ({ Value: i, Dimensions }));
    await metric.putData({ MetricData: data });
    expect(bodySizes.length).toBeGreaterThanOrEqual(4);
    expect(bodySizes.every((size) => size > 0 && size <= 1_000_000)).toBe(true);
    // Every request but the last is nearly full.
    expect(bodySizes.slice(0, -1).every((size) => size > 950_000)).toBe(true);
    expect(sentData().flat()).toHaveLength(100);
  });

  it('gives each datum the dimensions of a metric from a collection', async () => {
    const namespace = uniqueName('Dims');
    const Dimensions = [{ Name: 'Shop', Value: 'eu' }];
    await cloudwatch
      .Metric(namespace, 'Orders')
      .putData({ MetricData: [{ Value: 1, Dimensions }] });
    const [metric] = await cloudwatch.metrics.filter({ Namespace: namespace }).toArray();
    counter.reset();
    await metric!.putData({ MetricData: [{ Value: 2 }, { Value: 3, Dimensions: [] }] });
    expect(counter.byOperation).toEqual({ PutMetricData: 1 });
    expect(sentData()[0]).toEqual([
      { Value: 2, MetricName: 'Orders', Dimensions },
      { Value: 3, MetricName: 'Orders', Dimensions: [] },
    ]);
  });

  it('raises PutDataError with the data of a failed request after sending the others', async () => {
    const metric = cloudwatch.Metric(uniqueName('Partial'), 'Hits');
    // The second of three requests fails, before moto sees it, with an error the client does
    // not retry.
    let sent = 0;
    const failSecond: FinalizeRequestMiddleware<object, object> = (next, context) => (args) => {
      if (context.commandName === 'PutMetricDataCommand' && ++sent === 2) {
        return Promise.reject(
          Object.assign(new Error('Bad datum'), { name: 'InvalidParameterValueException' }),
        );
      }
      return next(args);
    };
    client.middlewareStack.add(failSecond as never, {
      step: 'finalizeRequest',
      name: 'failSecond',
    });
    try {
      const data = Array.from({ length: 2100 }, (_, i) => ({ Value: i }));
      const error = await metric.putData({ MetricData: data }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PutDataError);
      const { failures, responses } = error as PutDataError;
      expect(responses).toHaveLength(2);
      expect(failures).toHaveLength(1);
      expect(failures[0]?.data.map((d) => d.Value)).toEqual(
        data.slice(1000, 2000).map((d) => d.Value),
      );
      expect(failures[0]?.data.every((d) => d.MetricName === 'Hits')).toBe(true);
      expect((failures[0]?.error as Error).name).toBe('InvalidParameterValueException');
    } finally {
      client.middlewareStack.remove('failSecond');
    }
  });

  it("refuses another metric's name, an empty list and Namespace, before any request", async () => {
    const metric = cloudwatch.Metric('Shop', 'OrderLatency');
    await expect(
      metric.putData({ MetricData: [{ MetricName: 'Other', Value: 1 }] }),
    ).rejects.toThrow(/MetricData\[0\]\.MetricName is 'Other'/);
    await expect(metric.putData({ MetricData: [] })).rejects.toThrow(ParamValidationError);
    await expect(
      metric.putData({ MetricData: [{ Value: 1 }], Namespace: 'X' } as PutDataParams),
    ).rejects.toThrow(/Namespace cannot be set/);
    expect(counter.total).toBe(0);
  });
});

function alarmParams(name: string): Omit<PutMetricAlarmCommandInput, 'Namespace' | 'MetricName'> {
  return {
    AlarmName: name,
    ComparisonOperator: 'GreaterThanThreshold',
    EvaluationPeriods: 1,
    Period: 60,
    Statistic: 'Average',
    Threshold: 100,
  };
}

describe('alarms', () => {
  it('putAlarm returns an Alarm that loads in one DescribeAlarms and refers to its metric', async () => {
    const metric = cloudwatch.Metric(uniqueName('Alarms'), 'Latency');
    const name = uniqueName('high-latency');
    const alarm = await metric.putAlarm(alarmParams(name));
    expect(alarm).toBeInstanceOf(Alarm);
    expect(alarm.name).toBe(name);
    counter.reset();
    expect(await alarm.threshold).toBe(100);
    expect(await alarm.comparisonOperator).toBe('GreaterThanThreshold');
    expect(counter.byOperation).toEqual({ DescribeAlarms: 1 });
    const referenced = await alarm.metric;
    expect(referenced).toBeInstanceOf(Metric);
    expect([referenced?.namespace, referenced?.name]).toEqual([metric.namespace, 'Latency']);
    expect((await metric.alarms.toArray()).map((a) => a.name)).toEqual([name]);
    await alarm.setState({ StateValue: 'ALARM', StateReason: 'test' });
    await alarm.reload();
    expect(await alarm.stateValue).toBe('ALARM');
    await alarm.delete();
    expect(await alarm.exists()).toBe(false);
  });

  it('refuses an empty name before any request', () => {
    expect(() => cloudwatch.Alarm('')).toThrow(ParamValidationError);
    expect(() => cloudwatch.Metric('Shop', '')).toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });

  it('putAlarm refuses an empty AlarmName (it names the Alarm) before any request', async () => {
    const metric = cloudwatch.Metric('Shop', 'Latency');
    await expect(metric.putAlarm(alarmParams(''))).rejects.toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });

  it('alarms.filter().delete() sends one DescribeAlarms and one DeleteAlarms', async () => {
    const prefix = uniqueName('batch');
    const metric = cloudwatch.Metric(uniqueName('Batch'), 'Errors');
    for (const i of [1, 2, 3]) await metric.putAlarm(alarmParams(`${prefix}-${i}`));
    counter.reset();
    await cloudwatch.alarms.filter({ AlarmNamePrefix: prefix }).delete();
    expect(counter.byOperation).toEqual({ DescribeAlarms: 1, DeleteAlarms: 1 });
    expect(counter.inputs[1]?.input).toEqual({
      AlarmNames: [`${prefix}-1`, `${prefix}-2`, `${prefix}-3`],
    });
    expect(await cloudwatch.alarms.filter({ AlarmNamePrefix: prefix }).toArray()).toEqual([]);
  });

  it('disableActions and enableActions send one request per page of alarms (answered locally)', async () => {
    const prefix = uniqueName('actions');
    const metric = cloudwatch.Metric(uniqueName('Actions'), 'Errors');
    for (const i of [1, 2]) await metric.putAlarm(alarmParams(`${prefix}-${i}`));
    const local = answerLocally(client, {
      DisableAlarmActions: () => ({}),
      EnableAlarmActions: () => ({}),
    });
    try {
      const alarms = cloudwatch.alarms.filter({ AlarmNamePrefix: prefix });
      counter.reset();
      await alarms.disableActions();
      await alarms.enableActions();
      await cloudwatch.Alarm(`${prefix}-1`).disableActions();
      // The locally answered requests stop before the counter: only DescribeAlarms went out.
      expect(counter.byOperation).toEqual({ DescribeAlarms: 2 });
      expect(local.calls).toEqual([
        { operation: 'DisableAlarmActions', input: { AlarmNames: [`${prefix}-1`, `${prefix}-2`] } },
        { operation: 'EnableAlarmActions', input: { AlarmNames: [`${prefix}-1`, `${prefix}-2`] } },
        { operation: 'DisableAlarmActions', input: { AlarmNames: [`${prefix}-1`] } },
      ]);
    } finally {
      local.remove();
    }
  });
});
