/**
 * Amazon CloudWatch resources, boto3's CloudWatch model on the AWS SDK for JavaScript v3:
 * `new CloudWatch()`, `Alarm`, `Metric`, their collections, batch actions on alarm
 * collections, and a `putData` that fills every datum and splits over the request limits.
 *
 * @example
 * ```ts
 * import { CloudWatch } from 'aws-resources/cloudwatch';
 * const metric = new CloudWatch().Metric('Shop', 'OrderLatency');
 * await metric.putData({ MetricData: [{ Value: 12, Unit: 'Milliseconds' }] });
 * ```
 *
 * @module aws-resources/cloudwatch
 * @packageDocumentation
 */
export * from './generated/index.js';
export {
  PutDataError,
  type PutDataDatum,
  type PutDataFailure,
  type PutDataParams,
} from './put-data.js';
export type { BatchActionOptions, RequestOptions, WaiterOptions } from '../../core/index.js';
