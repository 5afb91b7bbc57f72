/**
 * AWS CloudFormation resources: `new CloudFormation()`, `Stack`, `Event`, `StackResource`,
 * `StackResourceSummary`, a stack's `events` and `resourceSummaries`, waiters for create,
 * update and delete, and templates given as objects — boto3's CloudFormation resource model
 * on the AWS SDK for JavaScript v3.
 *
 * @example
 * ```ts
 * import { CloudFormation } from 'aws-resources/cloudformation';
 * const stack = await new CloudFormation().createStack({
 *   StackName: 'app',
 *   TemplateBody: { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } },
 * });
 * await stack.waitUntilCreateComplete();
 * ```
 *
 * @module aws-resources/cloudformation
 * @packageDocumentation
 */
export * from './generated/index.js';
export type { CreateStackParams } from './service.js';
export type { UpdateStackParams } from './stack.js';
export type { TemplateObject, WithTemplateObject } from './template.js';
export type { JsonValue } from '../../core/index.js';
export type { BatchActionOptions, RequestOptions, WaiterOptions } from '../../core/index.js';
