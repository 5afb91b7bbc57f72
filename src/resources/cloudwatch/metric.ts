import type { PutMetricDataCommandOutput } from '@aws-sdk/client-cloudwatch';
import {
  AbortError,
  ParamValidationError,
  runAction,
  signalOf,
  type RequestOptions,
} from '../../core/index.js';
import { Metric$putData, MetricBase } from './generated/metric.js';

/**
 * PutMetricData with the Namespace fill only: the model's `MetricData[].MetricName` fill
 * would add a datum of its own beside the caller's, which `fillData` names instead.
 */
const putDataSpec = {
  ...Metric$putData,
  request: {
    ...Metric$putData.request,
    params: Metric$putData.request.params?.filter((p) => p.target === 'Namespace'),
  },
};
import {
  chunkData,
  fillData,
  PutDataError,
  type PutDataFailure,
  type PutDataParams,
} from './put-data.js';

/**
 * A CloudWatch metric: identifiers `namespace` and `name`, attributes from ListMetrics
 * (`dimensions`), `putData` that fills every datum and splits over the request limits,
 * `getStatistics`, `putAlarm` that returns an {@link Alarm}, and its `alarms`.
 *
 * @example
 * ```ts
 * const metric = new CloudWatch().Metric('Shop', 'OrderLatency');
 * await metric.putData({ MetricData: [{ Value: 12, Unit: 'Milliseconds' }] });
 * ```
 *
 * @public
 */
export class Metric extends MetricBase {
  /**
   * Sends `PutMetricData` with every datum of `MetricData` named after this metric, and
   * given this metric's dimensions when the datum has none and the metric has data (from a
   * collection such as `cloudwatch.metrics`, or after `load()`; no request is sent for them).
   * `MetricData` may be of any length: it is sent in as many requests as the limits need (at
   * most 1000 data and 1 MB each), one after another.
   *
   * @param params - the PutMetricData input without `Namespace`
   * @param options - `abortSignal` cancels the requests not yet sent
   * @returns one output per request sent
   * @throws PutDataError - after every request was tried, when some failed: the data of each
   *   failed request and its error, and the outputs of the others
   * @example
   * ```ts
   * await metric.putData({ MetricData: [{ Value: 12, Unit: 'Milliseconds', Timestamp: new Date() }] });
   * ```
   */
  async putData(
    params: PutDataParams,
    options?: RequestOptions,
  ): Promise<PutMetricDataCommandOutput[]> {
    const label = 'Metric.putData';
    if (params === null || typeof params !== 'object') {
      throw new ParamValidationError(`${label}: params must be an object with MetricData`);
    }
    const { MetricData, ...rest } = params;
    for (const filled of ['Namespace', 'EntityMetricData'] as const) {
      if ((rest as Record<string, unknown>)[filled] !== undefined) {
        throw new ParamValidationError(
          filled === 'Namespace'
            ? `${label}: Namespace cannot be set, the metric fills it`
            : `${label}: EntityMetricData holds other metrics' data: send it with the client`,
        );
      }
    }
    const data = fillData(MetricData, this.name, this.data?.Dimensions, label);
    const chunks = chunkData(data, { ...rest, Namespace: this.namespace }, label);
    const abortSignal = signalOf(options, label);
    const responses: PutMetricDataCommandOutput[] = [];
    const failures: PutDataFailure[] = [];
    for (const chunk of chunks) {
      // The library's AbortError, as every other abort raises (the signal's own is a DOMException).
      if (abortSignal?.aborted) throw new AbortError(undefined, { cause: abortSignal.reason });
      try {
        responses.push(await runAction(this, putDataSpec, { ...rest, MetricData: chunk }, options));
      } catch (error) {
        if (chunks.length === 1) throw error;
        failures.push({ data: chunk, error });
      }
    }
    if (failures.length) {
      throw new PutDataError(
        `${label}: ${failures.length} of ${chunks.length} PutMetricData requests failed (first: ${String(failures[0]?.error)})`,
        failures,
        responses,
      );
    }
    return responses;
  }
}
