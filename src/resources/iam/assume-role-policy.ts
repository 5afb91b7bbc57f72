import type { UpdateAssumeRolePolicyCommandOutput } from '@aws-sdk/client-iam';
import { runAction, type RequestOptions } from '../../core/index.js';
import { AssumeRolePolicy$update, AssumeRolePolicyBase } from './generated/assume-role-policy.js';
import { withPolicyDocument, type PolicyDocumentInput } from './policy-document.js';

/**
 * The params of `AssumeRolePolicy.update`: the new trust policy, as an object or its JSON text.
 *
 * @example
 * ```ts
 * const params: UpdateAssumeRolePolicyParams = { PolicyDocument: '{"Version":"2012-10-17","Statement":[]}' };
 * ```
 *
 * @public
 */
export interface UpdateAssumeRolePolicyParams {
  readonly PolicyDocument: PolicyDocumentInput;
}

/**
 * The trust policy of a role (identifier `roleName`). Read it with
 * `role.assumeRolePolicyDocument`; replace it with `update`.
 *
 * @example
 * ```ts
 * await new IAM().Role('app').AssumeRolePolicy().update({ PolicyDocument: trust });
 * ```
 *
 * @public
 */
export class AssumeRolePolicy extends AssumeRolePolicyBase {
  /**
   * Sends `UpdateAssumeRolePolicy`: replaces the role's trust policy. `PolicyDocument` may be
   * an object (sent as JSON) or its JSON text.
   *
   * @param params - `PolicyDocument`
   * @param options - `abortSignal` cancels the request
   * @example
   * ```ts
   * await trust.update({
   *   PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
   * });
   * ```
   */
  async update(
    params: UpdateAssumeRolePolicyParams,
    options?: RequestOptions,
  ): Promise<UpdateAssumeRolePolicyCommandOutput> {
    const sent = withPolicyDocument(params, 'PolicyDocument', 'AssumeRolePolicy.update');
    return runAction(this, AssumeRolePolicy$update, sent, options);
  }
}
