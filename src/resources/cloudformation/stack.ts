import type {
  UpdateStackCommandInput,
  UpdateStackCommandOutput,
} from '@aws-sdk/client-cloudformation';
import { runAction, type ActionParams, type RequestOptions } from '../../core/index.js';
import { Stack$update, StackBase } from './generated/stack.js';
import { withTemplateText, type WithTemplateObject } from './template.js';

/**
 * The params of `stack.update`: the UpdateStack input without `StackName`, with
 * `TemplateBody` as text or as a template object (sent as JSON).
 *
 * @example
 * ```ts
 * const params: UpdateStackParams = { TemplateBody: { Resources: {} } };
 * ```
 *
 * @public
 */
export type UpdateStackParams = WithTemplateObject<
  ActionParams<UpdateStackCommandInput, 'StackName'>
>;

/**
 * A CloudFormation stack (`cloudformation.Stack(name)`): identifier `name` (a stack name or
 * ID), attributes from DescribeStacks (loaded once, on first read), `update`, `delete`,
 * `cancelUpdate`, its `events` and `resourceSummaries`, and waiters for create, update and
 * delete.
 *
 * @example
 * ```ts
 * const stack = new CloudFormation().Stack('app');
 * console.log(await stack.stackStatus);
 * for await (const summary of stack.resourceSummaries.all()) console.log(summary.logicalId);
 * ```
 *
 * @public
 */
export class Stack extends StackBase {
  /**
   * Sends `UpdateStack` for this stack. `TemplateBody` may be the template's text or a
   * template object, sent as its JSON (what JSON cannot carry is refused before any request).
   *
   * @param params - the UpdateStack input without `StackName`
   * @param options - `abortSignal` cancels the request
   * @returns the UpdateStack output (`StackId`); the stack's data loads again on next read
   * @example
   * ```ts
   * await stack.update({ TemplateBody: { Resources: { Topic: { Type: 'AWS::SNS::Topic' } } } });
   * await stack.waitUntilUpdateComplete();
   * ```
   */
  async update(
    params?: UpdateStackParams,
    options?: RequestOptions,
  ): Promise<UpdateStackCommandOutput> {
    const sent = withTemplateText<ActionParams<UpdateStackCommandInput, 'StackName'>>(
      params,
      'Stack.update',
    );
    return runAction(this, Stack$update, sent, options);
  }
}
