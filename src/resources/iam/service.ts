import type { CreatePolicyCommandInput, CreateRoleCommandInput } from '@aws-sdk/client-iam';
import { runAction, type RequestOptions } from '../../core/index.js';
import { IAM$createPolicy, IAM$createRole, IAMBase } from './generated/service.js';
import type { Policy } from './policy.js';
import type { Role } from './role.js';
import { withPolicyDocument, type PolicyDocumentInput } from './policy-document.js';

/**
 * The params of `createRole`: the CreateRole input, `AssumeRolePolicyDocument` as an object
 * or its JSON text.
 *
 * @example
 * ```ts
 * const params: CreateRoleParams = { RoleName: 'app', AssumeRolePolicyDocument: trust };
 * ```
 *
 * @public
 */
export type CreateRoleParams = Omit<CreateRoleCommandInput, 'AssumeRolePolicyDocument'> & {
  readonly AssumeRolePolicyDocument: PolicyDocumentInput;
};

/**
 * The params of `createPolicy`: the CreatePolicy input, `PolicyDocument` as an object or its
 * JSON text.
 *
 * @example
 * ```ts
 * const params: CreatePolicyParams = { PolicyName: 'read-logs', PolicyDocument: document };
 * ```
 *
 * @public
 */
export type CreatePolicyParams = Omit<CreatePolicyCommandInput, 'PolicyDocument'> & {
  readonly PolicyDocument: PolicyDocumentInput;
};

/**
 * The entry to AWS IAM: creators (`createUser`, `createRole`, `createPolicy`, ...), resource
 * factories (`iam.User(name)`, `iam.Role(name)`, `iam.AccountSummary()`, ...) and the
 * account's collections (`iam.users`, `iam.roles`, `iam.policies`, ...). IAM is a global
 * service: the v3 client sends every region's requests to its global endpoint.
 *
 * @example
 * ```ts
 * const iam = new IAM(); // or new IAM({ client })
 * const user = await iam.createUser({ UserName: 'alice' });
 * ```
 *
 * @public
 */
export class IAM extends IAMBase {
  /**
   * Sends `CreateRole`. `AssumeRolePolicyDocument` may be an object (sent as JSON) or its
   * JSON text.
   *
   * @param params - the CreateRole input
   * @param options - `abortSignal` cancels the request
   * @returns the new Role, with the response's role as its data
   * @example
   * ```ts
   * const role = await iam.createRole({
   *   RoleName: 'app',
   *   AssumeRolePolicyDocument: {
   *     Version: '2012-10-17',
   *     Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
   *   },
   * });
   * ```
   */
  async createRole(params: CreateRoleParams, options?: RequestOptions): Promise<Role> {
    const sent = withPolicyDocument(params, 'AssumeRolePolicyDocument', 'IAM.createRole');
    return runAction(this, IAM$createRole, sent, options);
  }

  /**
   * Sends `CreatePolicy`. `PolicyDocument` may be an object (sent as JSON) or its JSON text.
   *
   * @param params - the CreatePolicy input
   * @param options - `abortSignal` cancels the request
   * @returns the new managed Policy (identifier: its ARN)
   * @example
   * ```ts
   * const policy = await iam.createPolicy({
   *   PolicyName: 'read-logs',
   *   PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:Get*', Resource: '*' }] },
   * });
   * ```
   */
  async createPolicy(params: CreatePolicyParams, options?: RequestOptions): Promise<Policy> {
    const sent = withPolicyDocument(params, 'PolicyDocument', 'IAM.createPolicy');
    return runAction(this, IAM$createPolicy, sent, options);
  }
}
