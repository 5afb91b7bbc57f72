import type { CreatePolicyVersionCommandInput } from '@aws-sdk/client-iam';
import { runAction, type ActionParams, type RequestOptions } from '../../core/index.js';
import { Policy$createVersion, PolicyBase } from './generated/policy.js';
import type { PolicyVersion } from './policy-version.js';
import { withPolicyDocument, type PolicyDocumentInput } from './policy-document.js';

/**
 * The params of `Policy.createVersion`: the CreatePolicyVersion input without `PolicyArn`,
 * `PolicyDocument` as an object or its JSON text.
 *
 * @example
 * ```ts
 * const params: CreatePolicyVersionParams = { PolicyDocument: { Statement: [] }, SetAsDefault: true };
 * ```
 *
 * @public
 */
export type CreatePolicyVersionParams = Omit<
  ActionParams<CreatePolicyVersionCommandInput, 'PolicyArn'>,
  'PolicyDocument'
> & { readonly PolicyDocument: PolicyDocumentInput };

/**
 * A managed policy (identifier `arn`): its attributes (loaded with GetPolicy), versions,
 * default version and the users, groups and roles it is attached to.
 *
 * @example
 * ```ts
 * const policy = new IAM().Policy('arn:aws:iam::123456789012:policy/read-logs');
 * const document = await (await policy.defaultVersion)?.document;
 * ```
 *
 * @public
 */
export class Policy extends PolicyBase {
  /**
   * Sends `CreatePolicyVersion`. `PolicyDocument` may be an object (sent as JSON) or its JSON
   * text.
   *
   * @param params - `PolicyDocument`, and `SetAsDefault` to make it the default version
   * @param options - `abortSignal` cancels the request
   * @returns the new PolicyVersion
   * @example
   * ```ts
   * const v2 = await policy.createVersion({ PolicyDocument: document, SetAsDefault: true });
   * ```
   */
  async createVersion(
    params: CreatePolicyVersionParams,
    options?: RequestOptions,
  ): Promise<PolicyVersion> {
    const sent = withPolicyDocument(params, 'PolicyDocument', 'Policy.createVersion');
    return runAction(this, Policy$createVersion, sent, options);
  }
}
