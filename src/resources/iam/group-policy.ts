import type { PutGroupPolicyCommandInput, PutGroupPolicyCommandOutput } from '@aws-sdk/client-iam';
import { runAction, type ActionParams, type RequestOptions } from '../../core/index.js';
import { GroupPolicy$put, GroupPolicyBase } from './generated/group-policy.js';
import {
  readPolicyDocument,
  withPolicyDocument,
  type PolicyDocument,
  type PolicyDocumentInput,
} from './policy-document.js';

/**
 * The params of `GroupPolicy.put`: the PutGroupPolicy input without what the resource fills,
 * `PolicyDocument` as an object or its JSON text.
 *
 * @example
 * ```ts
 * const params: PutGroupPolicyParams = { PolicyDocument: { Version: '2012-10-17', Statement: [] } };
 * ```
 *
 * @public
 */
export type PutGroupPolicyParams = Omit<
  ActionParams<PutGroupPolicyCommandInput, 'GroupName' | 'PolicyName'>,
  'PolicyDocument'
> & { readonly PolicyDocument: PolicyDocumentInput };

/**
 * An inline policy of a group (identifiers `groupName`, `name`), with its document parsed.
 *
 * @example
 * ```ts
 * const policy = new IAM().Group('admins').Policy('read-logs');
 * await policy.put({
 *   PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:Get*', Resource: '*' }] },
 * });
 * ```
 *
 * @public
 */
export class GroupPolicy extends GroupPolicyBase {
  /**
   * The policy document, parsed (IAM sends it URL-encoded). Loads with `GetGroupPolicy` on
   * first read.
   *
   * @example
   * ```ts
   * const document = await policy.policyDocument;
   * ```
   */
  get policyDocument(): Promise<PolicyDocument | undefined> {
    return readPolicyDocument(this, 'PolicyDocument', 'GroupPolicy.policyDocument');
  }

  /**
   * Sends `PutGroupPolicy` for this policy: adds or replaces its document. An object is sent as
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
    params: PutGroupPolicyParams,
    options?: RequestOptions,
  ): Promise<PutGroupPolicyCommandOutput> {
    const sent = withPolicyDocument(params, 'PolicyDocument', 'GroupPolicy.put');
    return runAction(this, GroupPolicy$put, sent, options);
  }
}
