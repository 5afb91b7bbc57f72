import { RoleBase } from './generated/role.js';
import { readPolicyDocument, type PolicyDocument } from './policy-document.js';

/**
 * An IAM role (identifier `name`): its attributes (loaded with GetRole), its inline and
 * attached policies, its trust policy and the instance profiles that hold it.
 *
 * @example
 * ```ts
 * const role = new IAM().Role('app');
 * const trust = await role.assumeRolePolicyDocument; // an object, not URL-encoded text
 * ```
 *
 * @public
 */
export class Role extends RoleBase {
  /**
   * The trust policy that grants an entity permission to assume the role, parsed (IAM sends
   * it URL-encoded). Loads with `GetRole` on first read.
   *
   * @example
   * ```ts
   * const { Statement } = (await role.assumeRolePolicyDocument) ?? { Statement: [] };
   * ```
   */
  get assumeRolePolicyDocument(): Promise<PolicyDocument | undefined> {
    return readPolicyDocument(this, 'AssumeRolePolicyDocument', 'Role.assumeRolePolicyDocument');
  }
}
