/**
 * PutMetricData within its documented limits: at most 1000 metric data per request and a
 * payload of at most 1 MB. A long `MetricData` is split over as many requests as it needs.
 *
 * @packageDocumentation
 */
import type {
  Dimension,
  MetricDatum,
  PutMetricDataCommandInput,
  PutMetricDataCommandOutput,
} from '@aws-sdk/client-cloudwatch';
import { BatchActionError, ParamValidationError } from '../../core/index.js';

/** The most metric data one PutMetricData request may carry. */
export const MAX_DATA_PER_REQUEST = 1000;

/**
 * The most bytes of one request's payload: 1 MB, less a margin for what the JSON estimate
 * below does not see (headers are not part of the payload).
 */
export const MAX_PAYLOAD_BYTES = 1_000_000;

/**
 * One metric datum of `putData`: a `MetricDatum` whose `MetricName` the metric fills (give it
 * only to repeat the metric's own name).
 *
 * @example
 * ```ts
 * const datum: PutDataDatum = { Value: 12, Unit: 'Milliseconds', Timestamp: new Date() };
 * ```
 *
 * @public
 */
export type PutDataDatum = Omit<MetricDatum, 'MetricName'> & { readonly MetricName?: string };

/**
 * The params of `putData`: the PutMetricData input without `Namespace` (the metric fills it)
 * and without `EntityMetricData` (data of other metrics), with `MetricData` of any length.
 *
 * @example
 * ```ts
 * const params: PutDataParams = { MetricData: [{ Value: 1 }, { Value: 2 }] };
 * ```
 *
 * @public
 */
export type PutDataParams = Omit<
  PutMetricDataCommandInput,
  'Namespace' | 'MetricData' | 'EntityMetricData'
> & { readonly MetricData: readonly PutDataDatum[] };

/**
 * Some requests of a `putData` failed; the others were sent. `failures` holds each failed
 * request's data and its error; `responses` the outputs of the requests that succeeded.
 *
 * @example
 * ```ts
 * try { await metric.putData({ MetricData: data }); }
 * catch (e) { if (e instanceof PutDataError) retry(e.failures.flatMap((f) => f.data)); }
 * ```
 *
 * @public
 */
export class PutDataError extends BatchActionError<PutDataFailure, PutMetricDataCommandOutput> {
  override readonly name = 'PutDataError';
}

/**
 * One failed PutMetricData request of a `putData`: the data it carried and why it failed.
 *
 * @example
 * ```ts
 * const unsent: MetricDatum[] = error.failures.flatMap((failure: PutDataFailure) => failure.data);
 * ```
 *
 * @public
 */
export interface PutDataFailure {
  /** The metric data of the request, as sent (with `MetricName` and dimensions filled). */
  readonly data: readonly MetricDatum[];
  /** The error of the request. */
  readonly error: unknown;
}

/** The bytes `value` takes in a JSON payload. */
function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * Each datum with the metric's name, and its dimensions where the datum gives none; a datum
 * naming another metric is refused.
 */
export function fillData(
  data: unknown,
  metricName: string,
  dimensions: readonly Dimension[] | undefined,
  label: string,
): MetricDatum[] {
  if (!Array.isArray(data) || data.length === 0) {
    throw new ParamValidationError(`${label}: MetricData must be a non-empty list of data`);
  }
  return data.map((datum: unknown, i) => {
    if (datum === null || typeof datum !== 'object') {
      throw new ParamValidationError(`${label}: MetricData[${i}] must be an object`);
    }
    const given = datum as MetricDatum;
    if (given.MetricName !== undefined && given.MetricName !== metricName) {
      throw new ParamValidationError(
        `${label}: MetricData[${i}].MetricName is '${given.MetricName}', but this metric is '${metricName}': put another metric's data with its own Metric`,
      );
    }
    return {
      ...given,
      MetricName: metricName,
      ...(given.Dimensions === undefined && dimensions?.length
        ? { Dimensions: [...dimensions] }
        : {}),
    };
  });
}

/**
 * `data` in request-sized chunks: at most {@link MAX_DATA_PER_REQUEST} data each and a JSON
 * payload (with `base`, the rest of the input) of at most {@link MAX_PAYLOAD_BYTES}. A
 * datum too large for any request is refused before any request.
 */
export function chunkData(
  data: readonly MetricDatum[],
  base: object,
  label: string,
): MetricDatum[][] {
  const baseBytes = jsonBytes({ ...base, MetricData: [] });
  const chunks: MetricDatum[][] = [];
  let chunk: MetricDatum[] = [];
  let bytes = baseBytes;
  data.forEach((datum, i) => {
    // Each datum after the first also takes a comma.
    const size = jsonBytes(datum) + 1;
    if (baseBytes + size > MAX_PAYLOAD_BYTES) {
      throw new ParamValidationError(
        `${label}: MetricData[${i}] takes ${size} bytes, more than a PutMetricData payload may (${MAX_PAYLOAD_BYTES})`,
      );
    }
    if (chunk.length === MAX_DATA_PER_REQUEST || bytes + size > MAX_PAYLOAD_BYTES) {
      chunks.push(chunk);
      chunk = [];
      bytes = baseBytes;
    }
    chunk.push(datum);
    bytes += size;
  });
  chunks.push(chunk);
  return chunks;
}
