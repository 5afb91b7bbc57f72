import type { PutRolePolicyCommandInput, PutRolePolicyCommandOutput } from '@aws-sdk/client-iam';
import { runAction, type ActionParams, type RequestOptions } from '../../core/index.js';
import { RolePolicy$put, RolePolicyBase } from './generated/role-policy.js';
import {
  readPolicyDocument,
  withPolicyDocument,
  type PolicyDocument,
  type PolicyDocumentInput,
} from './policy-document.js';

/**
 * The params of `RolePolicy.put`: the PutRolePolicy input without what the resource fills,
 * `PolicyDocument` as an object or its JSON text.
 *
 * @example
 * ```ts
 * const params: PutRolePolicyParams = { PolicyDocument: { Version: '2012-10-17', Statement: [] } };
 * ```
 *
 * @public
 */
export type PutRolePolicyParams = Omit<
  ActionParams<PutRolePolicyCommandInput, 'RoleName' | 'PolicyName'>,
  'PolicyDocument'
> & { readonly PolicyDocument: PolicyDocumentInput };

/**
 * An inline policy of a role (identifiers `roleName`, `name`), with its document parsed.
 *
 * @example
 * ```ts
 * const policy = new IAM().Role('app').Policy('read-logs');
 * await policy.put({
 *   PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:Get*', Resource: '*' }] },
 * });
 * ```
 *
 * @public
 */
export class RolePolicy extends RolePolicyBase {
  /**
   * The policy document, parsed (IAM sends it URL-encoded). Loads with `GetRolePolicy` on
   * first read.
   *
   * @example
   * ```ts
   * const document = await policy.policyDocument;
   * ```
   */
  get policyDocument(): Promise<PolicyDocument | undefined> {
    return readPolicyDocument(this, 'PolicyDocument', 'RolePolicy.policyDocument');
  }

  /**
   * Sends `PutRolePolicy` for this policy: adds or replaces its document. An object is sent as
   * JSON, a string as it is; anything else is refused before any request.
   *
   * @param params - `PolicyDocument`
   * @param options - `abortSignal` cancels the request
   * @example
   * ```ts
   * await policy.put({ PolicyDocument: { Version: '2012-10-17', Statement: [] } });
   * ```
   */
  async put(
    params: PutRolePolicyParams,
    options?: RequestOptions,
  ): Promise<PutRolePolicyCommandOutput> {
    const sent = withPolicyDocument(params, 'PolicyDocument', 'RolePolicy.put');
    return runAction(this, RolePolicy$put, sent, options);
  }
}
