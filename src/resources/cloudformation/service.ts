import type { CreateStackCommandInput } from '@aws-sdk/client-cloudformation';
import { runAction, type RequestOptions } from '../../core/index.js';
import { CloudFormation$createStack, CloudFormationBase } from './generated/service.js';
import type { Stack } from './stack.js';
import { withTemplateText, type WithTemplateObject } from './template.js';

/**
 * The params of `createStack`: the CreateStack input, with `TemplateBody` as text or as a
 * template object (sent as JSON).
 *
 * @example
 * ```ts
 * const params: CreateStackParams = { StackName: 'app', TemplateBody: { Resources: {} } };
 * ```
 *
 * @public
 */
export type CreateStackParams = WithTemplateObject<CreateStackCommandInput>;

/**
 * The entry to AWS CloudFormation: `createStack`, the `Stack`, `Event`, `StackResource` and
 * `StackResourceSummary` factories and the `stacks` collection.
 *
 * @example
 * ```ts
 * const cloudformation = new CloudFormation({ region: 'us-east-1' }); // or new CloudFormation({ client })
 * const stack = await cloudformation.createStack({
 *   StackName: 'app',
 *   TemplateBody: { Resources: { Queue: { Type: 'AWS::SQS::Queue' } } },
 * });
 * await stack.waitUntilCreateComplete();
 * ```
 *
 * @public
 */
export class CloudFormation extends CloudFormationBase {
  /**
   * Sends `CreateStack`. `TemplateBody` may be the template's text or a template object,
   * sent as its JSON (what JSON cannot carry is refused before any request).
   *
   * @param params - the CreateStack input
   * @param options - `abortSignal` cancels the request
   * @returns the new stack (its data loads on first read; creation goes on in the background)
   * @example
   * ```ts
   * const stack = await cloudformation.createStack({
   *   StackName: 'app',
   *   TemplateBody: { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } },
   * });
   * await stack.waitUntilCreateComplete();
   * ```
   */
  async createStack(params: CreateStackParams, options?: RequestOptions): Promise<Stack> {
    const sent = withTemplateText<CreateStackCommandInput>(params, 'CloudFormation.createStack');
    return runAction(this, CloudFormation$createStack, sent, options) as Promise<Stack>;
  }
}
