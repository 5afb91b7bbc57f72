import { PolicyVersionBase } from './generated/policy-version.js';
import { readPolicyDocument, type PolicyDocument } from './policy-document.js';

/**
 * A version of a managed policy (identifiers `arn`, `versionId`), with its document parsed.
 *
 * @example
 * ```ts
 * const version = new IAM().Policy(policyArn).DefaultVersion; // or policy.versions.all()
 * ```
 *
 * @public
 */
export class PolicyVersion extends PolicyVersionBase {
  /**
   * The policy document of this version, parsed (IAM sends it URL-encoded). Loads with
   * `GetPolicyVersion` on first read; a version from a listing has no document.
   *
   * @example
   * ```ts
   * const document = await version.document;
   * ```
   */
  get document(): Promise<PolicyDocument | undefined> {
    return readPolicyDocument(this, 'Document', 'PolicyVersion.document');
  }
}
