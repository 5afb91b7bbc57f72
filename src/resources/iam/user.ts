import type { PutUserPolicyCommandInput } from '@aws-sdk/client-iam';
import { runAction, type ActionParams, type RequestOptions } from '../../core/index.js';
import { User$createPolicy, UserBase } from './generated/user.js';
import type { UserPolicy } from './user-policy.js';
import { withPolicyDocument, type PolicyDocumentInput } from './policy-document.js';

/**
 * The params of `User.createPolicy`: the PutUserPolicy input without `UserName`, `PolicyDocument`
 * as an object or its JSON text.
 *
 * @example
 * ```ts
 * const params: CreateUserPolicyParams = { PolicyName: 'read', PolicyDocument: { Statement: [] } };
 * ```
 *
 * @public
 */
export type CreateUserPolicyParams = Omit<
  ActionParams<PutUserPolicyCommandInput, 'UserName'>,
  'PolicyDocument'
> & { readonly PolicyDocument: PolicyDocumentInput };

/**
 * An IAM user (identifier `name`): its attributes (loaded with GetUser), access keys, groups,
 * inline and attached policies, MFA devices, signing certificates and login profile.
 *
 * @example
 * ```ts
 * const user = new IAM().User('alice');
 * for await (const policy of user.policies.all()) console.log(policy.name, await policy.policyDocument);
 * ```
 *
 * @public
 */
export class User extends UserBase {
  /**
   * Sends `PutUserPolicy`: adds or replaces an inline policy of this user. `PolicyDocument` may be
   * an object (sent as JSON) or its JSON text.
   *
   * @param params - `PolicyName` and `PolicyDocument`
   * @param options - `abortSignal` cancels the request
   * @returns the UserPolicy
   * @example
   * ```ts
   * const policy = await user.createPolicy({
   *   PolicyName: 'read-logs',
   *   PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:Get*', Resource: '*' }] },
   * });
   * ```
   */
  async createPolicy(
    params: CreateUserPolicyParams,
    options?: RequestOptions,
  ): Promise<UserPolicy> {
    const sent = withPolicyDocument(params, 'PolicyDocument', 'User.createPolicy');
    return runAction(this, User$createPolicy, sent, options);
  }
}
