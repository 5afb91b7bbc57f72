/**
 * Amazon EC2 resources: `new EC2()`, `Instance`, `Vpc`, `Subnet`, `SecurityGroup`, `Image`,
 * `Volume`, `Snapshot`, `KeyPairInfo`, ... with their actions, references, collections,
 * batch actions on instance collections, and waiters — boto3's EC2 resource model on the
 * AWS SDK for JavaScript v3.
 *
 * @example
 * ```ts
 * import { EC2 } from 'aws-resources/ec2';
 * const ec2 = new EC2();
 * await ec2.instances.filter({ Filters: [{ Name: 'tag:env', Values: ['dev'] }] }).stop();
 * ```
 *
 * @module aws-resources/ec2
 * @packageDocumentation
 */
export * from './generated/index.js';
export type { BatchActionOptions, RequestOptions, WaiterOptions } from '../../core/index.js';
