/**
 * Amazon SNS resources, boto3's SNS model on the AWS SDK for JavaScript v3: `new SNS()`,
 * `Topic`, `Subscription`, `PlatformApplication`, `PlatformEndpoint`, their collections, and a
 * `publish` that sends JSON.
 *
 * @example
 * ```ts
 * import { SNS } from 'aws-resources/sns';
 * const topic = await new SNS().createTopic({ Name: 'orders' });
 * await topic.publish({ Message: { order: 7 } });
 * ```
 *
 * @module aws-resources/sns
 * @packageDocumentation
 */
export * from './generated/index.js';
export type { ProtocolMessages, PublishParams } from './publish.js';
export type { JsonValue } from '../../core/index.js';
export type { BatchActionOptions, RequestOptions, WaiterOptions } from '../../core/index.js';
