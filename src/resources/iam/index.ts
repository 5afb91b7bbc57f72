/**
 * AWS IAM resources: `new IAM()`, `User`, `Group`, `Role`, `Policy`, `PolicyVersion`,
 * `AccessKey`, `InstanceProfile`, `AccountSummary`, ... with their actions, references and
 * collections — boto3's IAM resource model on the AWS SDK for JavaScript v3, with policy
 * documents sent and read as objects.
 *
 * @example
 * ```ts
 * import { IAM } from 'aws-resources/iam';
 * const iam = new IAM();
 * for await (const role of iam.roles.all()) console.log(role.name, await role.assumeRolePolicyDocument);
 * ```
 *
 * @module aws-resources/iam
 * @packageDocumentation
 */
export * from './generated/index.js';
export type {
  PolicyConditionValue,
  PolicyDocument,
  PolicyDocumentInput,
  PolicyPrincipal,
  PolicyStatement,
} from './policy-document.js';
export type { CreatePolicyParams, CreateRoleParams } from './service.js';
export type { CreateGroupPolicyParams } from './group.js';
export type { CreateUserPolicyParams } from './user.js';
export type { CreatePolicyVersionParams } from './policy.js';
export type { UpdateAssumeRolePolicyParams } from './assume-role-policy.js';
export type { PutGroupPolicyParams } from './group-policy.js';
export type { PutRolePolicyParams } from './role-policy.js';
export type { PutUserPolicyParams } from './user-policy.js';
export type { BatchActionOptions, RequestOptions, WaiterOptions } from '../../core/index.js';
