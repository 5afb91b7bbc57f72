import type { PutUserPolicyCommandInput, PutUserPolicyCommandOutput } from '@aws-sdk/client-iam';
import { runAction, type ActionParams, type RequestOptions } from '../../core/index.js';
import { UserPolicy$put, UserPolicyBase } from './generated/user-policy.js';
import {
  readPolicyDocument,
  withPolicyDocument,
  type PolicyDocument,
  type PolicyDocumentInput,
} from './policy-document.js';

/**
 * The params of `UserPolicy.put`: the PutUserPolicy input without what the resource fills,
 * `PolicyDocument` as an object or its JSON text.
 *
 * @example
 * ```ts
 * const params: PutUserPolicyParams = { PolicyDocument: { Version: '2012-10-17', Statement: [] } };
 * ```
 *
 * @public
 */
export type PutUserPolicyParams = Omit<
  ActionParams<PutUserPolicyCommandInput, 'UserName' | 'PolicyName'>,
  'PolicyDocument'
> & { readonly PolicyDocument: PolicyDocumentInput };

/**
 * An inline policy of a user (identifiers `userName`, `name`), with its document parsed.
 *
 * @example
 * ```ts
 * const policy = new IAM().User('alice').Policy('read-logs');
 * await policy.put({
 *   PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:Get*', Resource: '*' }] },
 * });
 * ```
 *
 * @public
 */
export class UserPolicy extends UserPolicyBase {
  /**
   * The policy document, parsed (IAM sends it URL-encoded). Loads with `GetUserPolicy` on
   * first read.
   *
   * @example
   * ```ts
   * const document = await policy.policyDocument;
   * ```
   */
  get policyDocument(): Promise<PolicyDocument | undefined> {
    return readPolicyDocument(this, 'PolicyDocument', 'UserPolicy.policyDocument');
  }

  /**
   * Sends `PutUserPolicy` for this policy: adds or replaces its document. An object is sent as
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
    params: PutUserPolicyParams,
    options?: RequestOptions,
  ): Promise<PutUserPolicyCommandOutput> {
    const sent = withPolicyDocument(params, 'PolicyDocument', 'UserPolicy.put');
    return runAction(this, UserPolicy$put, sent, options);
  }
}
