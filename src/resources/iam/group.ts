import type { PutGroupPolicyCommandInput } from '@aws-sdk/client-iam';
import { runAction, type ActionParams, type RequestOptions } from '../../core/index.js';
import { Group$createPolicy, GroupBase } from './generated/group.js';
import type { GroupPolicy } from './group-policy.js';
import { withPolicyDocument, type PolicyDocumentInput } from './policy-document.js';

/**
 * The params of `Group.createPolicy`: the PutGroupPolicy input without `GroupName`, `PolicyDocument`
 * as an object or its JSON text.
 *
 * @example
 * ```ts
 * const params: CreateGroupPolicyParams = { PolicyName: 'read', PolicyDocument: { Statement: [] } };
 * ```
 *
 * @public
 */
export type CreateGroupPolicyParams = Omit<
  ActionParams<PutGroupPolicyCommandInput, 'GroupName'>,
  'PolicyDocument'
> & { readonly PolicyDocument: PolicyDocumentInput };

/**
 * An IAM group (identifier `name`): its attributes (loaded with GetGroup), members, inline and
 * attached policies.
 *
 * @example
 * ```ts
 * const group = new IAM().Group('admins');
 * for await (const policy of group.policies.all()) console.log(policy.name, await policy.policyDocument);
 * ```
 *
 * @public
 */
export class Group extends GroupBase {
  /**
   * Sends `PutGroupPolicy`: adds or replaces an inline policy of this group. `PolicyDocument` may be
   * an object (sent as JSON) or its JSON text.
   *
   * @param params - `PolicyName` and `PolicyDocument`
   * @param options - `abortSignal` cancels the request
   * @returns the GroupPolicy
   * @example
   * ```ts
   * const policy = await group.createPolicy({
   *   PolicyName: 'read-logs',
   *   PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:Get*', Resource: '*' }] },
   * });
   * ```
   */
  async createPolicy(
    params: CreateGroupPolicyParams,
    options?: RequestOptions,
  ): Promise<GroupPolicy> {
    const sent = withPolicyDocument(params, 'PolicyDocument', 'Group.createPolicy');
    return runAction(this, Group$createPolicy, sent, options);
  }
}
