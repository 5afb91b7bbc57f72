/**
 * Compile-time tests of the IAM surface, checked by `npm run typecheck` (and by
 * test/unit/type-tests.test.ts). Nothing here runs: the functions are never called.
 * Each `@ts-expect-error` line must stay an error; the rest must compile.
 */
import type { PutRolePolicyCommandOutput } from '@aws-sdk/client-iam';
import {
  IAM,
  type AccessKeyPair,
  type AccountSummary,
  type Group,
  type GroupPolicy,
  type Policy,
  type PolicyDocument,
  type PolicyVersion,
  type Role,
  type User,
  type UserPolicy,
} from '../../src/resources/iam/index.js';

const trust: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
};

export async function rightCallsCompile(iam: IAM, role: Role, user: User, group: Group) {
  const created: Role = await iam.createRole({ RoleName: 'r', AssumeRolePolicyDocument: trust });
  await iam.createRole({ RoleName: 'r', AssumeRolePolicyDocument: JSON.stringify(trust) });
  const policy: Policy = await iam.createPolicy({ PolicyName: 'p', PolicyDocument: trust });
  const version: PolicyVersion = await policy.createVersion({
    PolicyDocument: trust,
    SetAsDefault: true,
  });
  const document: PolicyDocument | undefined = await version.document;
  const parsed: PolicyDocument | undefined = await created.assumeRolePolicyDocument;
  const put: PutRolePolicyCommandOutput = await role.Policy('p').put({ PolicyDocument: trust });
  const inline: UserPolicy = await user.createPolicy({ PolicyName: 'p', PolicyDocument: '{}' });
  const groupInline: GroupPolicy = await group.createPolicy({
    PolicyName: 'p',
    PolicyDocument: trust,
  });
  const pair: AccessKeyPair = await user.createAccessKeyPair();
  const secret: string = pair.secret;
  const summary: AccountSummary = iam.AccountSummary();
  const quota: number | undefined = (await summary.summaryMap)?.UsersQuota;
  const renamed: User = await user.update({ NewPath: '/x/' });
  const defaultVersion: PolicyVersion | undefined = await policy.defaultVersion;
  for await (const r of iam.roles.filter({ PathPrefix: '/app/' })) void r.name;
  void [
    version,
    document,
    parsed,
    put,
    inline,
    groupInline,
    secret,
    quota,
    renamed,
    defaultVersion,
  ];
}

export async function wrongCallsDoNotCompile(iam: IAM, role: Role, user: User, policy: Policy) {
  // @ts-expect-error a policy document is an object or its JSON text
  await iam.createRole({ RoleName: 'r', AssumeRolePolicyDocument: 42 });
  // @ts-expect-error the trust policy is required
  await iam.createRole({ RoleName: 'r' });
  // @ts-expect-error a statement's Effect is Allow or Deny
  await iam.createPolicy({ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Maybe' }] } });
  // @ts-expect-error the role fills RoleName
  await role.Policy('p').put({ RoleName: 'other', PolicyDocument: trust });
  // @ts-expect-error the user fills UserName
  await user.createPolicy({ UserName: 'other', PolicyName: 'p', PolicyDocument: trust });
  // @ts-expect-error the policy fills PolicyArn
  await policy.createVersion({ PolicyArn: 'arn', PolicyDocument: trust });
  // @ts-expect-error a parsed document is no string
  const text: string | undefined = await role.assumeRolePolicyDocument;
  // @ts-expect-error AccountSummary takes no identifiers
  iam.AccountSummary('x');
  // @ts-expect-error a user is named by one string
  iam.User();
  // @ts-expect-error the attribute is data, not a method
  await role.arn();
  void text;
}
