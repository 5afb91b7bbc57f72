/**
 * aws-resources/iam on the emulator: users, groups, roles, managed and inline policies,
 * access keys, login profiles, MFA devices, certificates, SAML providers and the account's
 * singletons. Policy documents go out as objects and come back parsed from IAM's URL-encoded
 * JSON. This file works in its own moto account (test/support/iam.ts).
 */
import { IAMClient } from '@aws-sdk/client-iam';
import { IdentifierError, ParamValidationError } from '../../src/index.js';
import { IAM, NoSuchEntityException } from '../../src/resources/iam/index.js';
import { countRequests } from '../support/request-counter.js';
import {
  answerLocally,
  iamClient,
  iamName,
  logsPolicy,
  TEST_CERTIFICATE,
  TEST_PRIVATE_KEY,
  trustPolicy,
} from '../support/iam.js';

const client = iamClient();
const iam = new IAM({ client });
const counter = countRequests(client);
afterAll(() => counter.remove());

describe('users', () => {
  it('creates a user, reads its attributes, renames it and deletes it', async () => {
    const name = iamName('user');
    const user = await iam.createUser({ UserName: name, Path: '/team/' });
    expect(user.name).toBe(name);
    expect(await user.path).toBe('/team/');
    expect(await user.arn).toMatch(new RegExp(`:user/team/${name}$`));

    // UpdateUser without a new name keeps the name (boto3 makes a user with no name then).
    const same = await user.update({ NewPath: '/moved/' });
    expect(same.name).toBe(name);
    expect(await same.path).toBe('/moved/');

    const renamed = await user.update({ NewUserName: `${name}-2` });
    expect(renamed.name).toBe(`${name}-2`);
    expect(await renamed.exists()).toBe(true);
    expect(await user.exists()).toBe(false);
    await renamed.delete();
    expect(await renamed.exists()).toBe(false);
  });

  it('makes access key pairs, lists them, deactivates and deletes them', async () => {
    const user = await iam.createUser({ UserName: iamName('keys') });
    const pair = await user.createAccessKeyPair();
    expect(pair.userName).toBe(user.name);
    expect(pair.secret).toMatch(/.{20,}/);
    expect(await pair.status).toBe('Active');

    const keys = [];
    for await (const key of user.accessKeys.all()) keys.push(key);
    expect(keys.map((k) => k.id)).toEqual([pair.id]);
    await keys[0]?.deactivate();
    const [listed] = await user.accessKeys.all().toArray();
    expect(await listed?.status).toBe('Inactive');
    await user.AccessKey(pair.id).delete();
    expect(await user.accessKeys.all().toArray()).toEqual([]);
  });

  it('manages a login profile, groups, signing certificates and MFA devices', async () => {
    const user = await iam.createUser({ UserName: iamName('login') });
    const profile = await user.createLoginProfile({ Password: 'Secret-Passw0rd!' });
    expect(profile.userName).toBe(user.name);
    expect(await profile.passwordResetRequired).toBe(false);
    // With its Password: moto 5.2.1's UpdateLoginProfile drops a profile updated without one.
    await profile.update({ Password: 'Other-Passw0rd!', PasswordResetRequired: true });
    expect(await user.LoginProfile().passwordResetRequired).toBe(true);
    await profile.delete();
    expect(await user.LoginProfile().exists()).toBe(false);

    const group = await iam.createGroup({ GroupName: iamName('group') });
    await user.addGroup({ GroupName: group.name });
    expect((await user.groups.all().toArray()).map((g) => g.name)).toEqual([group.name]);
    expect((await group.users.all().toArray()).map((u) => u.name)).toEqual([user.name]);
    await group.removeUser({ UserName: user.name });
    expect(await group.users.all().toArray()).toEqual([]);

    const certificate = await iam.createSigningCertificate({
      UserName: user.name,
      CertificateBody: TEST_CERTIFICATE,
    });
    expect(certificate.userName).toBe(user.name);
    await certificate.deactivate();
    const [listed] = await user.signingCertificates.all().toArray();
    expect(listed?.id).toBe(certificate.id);
    expect(await listed?.status).toBe('Inactive');
    await certificate.delete();

    const device = await iam.createVirtualMfaDevice({ VirtualMFADeviceName: iamName('mfa') });
    expect(device.serialNumber).toMatch(/:mfa\//);
    expect(await device.base32StringSeed).toBeDefined();
    const mfa = await user.enableMfa({
      SerialNumber: device.serialNumber,
      AuthenticationCode1: '123456',
      AuthenticationCode2: '654321',
    });
    expect([mfa.userName, mfa.serialNumber]).toEqual([user.name, device.serialNumber]);
    expect((await user.mfaDevices.all().toArray()).map((d) => d.serialNumber)).toEqual([
      device.serialNumber,
    ]);
    await mfa.disassociate();
    await device.delete();
  });
});

describe('policy documents', () => {
  it('sends a role trust policy as an object and reads it back parsed', async () => {
    const role = await iam.createRole({
      RoleName: iamName('role'),
      AssumeRolePolicyDocument: trustPolicy(),
    });
    // IAM (and moto) send documents URL-encoded: the attribute decodes and parses.
    expect(typeof role.data?.AssumeRolePolicyDocument).toBe('string');
    expect(role.data?.AssumeRolePolicyDocument).toMatch(/^%7B/);
    expect(await role.assumeRolePolicyDocument).toEqual(trustPolicy());

    await role.AssumeRolePolicy().update({ PolicyDocument: trustPolicy('ec2.amazonaws.com') });
    await role.reload();
    expect(await role.assumeRolePolicyDocument).toEqual(trustPolicy('ec2.amazonaws.com'));
  });

  it('puts inline policies of roles, users and groups from objects or JSON text', async () => {
    const role = await iam.createRole({
      RoleName: iamName('inline'),
      AssumeRolePolicyDocument: JSON.stringify(trustPolicy()),
    });
    await role.Policy('logs').put({ PolicyDocument: logsPolicy() });
    const [policy] = await role.policies.all().toArray();
    expect(policy?.name).toBe('logs');
    expect(await policy?.policyDocument).toEqual(logsPolicy());

    const user = await iam.createUser({ UserName: iamName('inline') });
    const text = JSON.stringify(logsPolicy('arn:aws:logs:*:*:log-group:/a b/%'));
    const userPolicy = await user.createPolicy({ PolicyName: 'logs', PolicyDocument: text });
    expect(await userPolicy.policyDocument).toEqual(JSON.parse(text));

    const group = await iam.createGroup({ GroupName: iamName('inline') });
    const groupPolicy = await group.createPolicy({ PolicyName: 'g', PolicyDocument: logsPolicy() });
    await groupPolicy.put({ PolicyDocument: logsPolicy('*') });
    expect(await group.Policy('g').policyDocument).toEqual(logsPolicy('*'));
    await groupPolicy.delete();
    expect(await group.policies.all().toArray()).toEqual([]);
  });

  it('creates managed policies and versions, and reads their documents parsed', async () => {
    const policy = await iam.createPolicy({
      PolicyName: iamName('managed'),
      PolicyDocument: logsPolicy(),
    });
    expect(policy.arn).toMatch(/:policy\//);
    const first = await policy.defaultVersion;
    expect(first?.versionId).toBe('v1');
    expect(await first?.document).toEqual(logsPolicy());

    const second = await policy.createVersion({ PolicyDocument: logsPolicy('*') });
    expect(second.versionId).toBe('v2');
    expect(await second.document).toEqual(logsPolicy('*'));
    await second.setAsDefault();
    await policy.reload();
    expect((await policy.defaultVersion)?.versionId).toBe('v2');
    expect((await policy.versions.all().toArray()).map((v) => v.versionId).sort()).toEqual([
      'v1',
      'v2',
    ]);
  });

  it('refuses a policy document that is neither an object nor text, before any request', async () => {
    counter.reset();
    const role = iam.Role('any');
    const bad = { PolicyDocument: 42 } as unknown as { PolicyDocument: string };
    await expect(role.Policy('p').put(bad)).rejects.toThrow(ParamValidationError);
    await expect(role.Policy('p').put(bad)).rejects.toThrow(
      /RolePolicy\.put: PolicyDocument: expected a policy document .* got number/,
    );
    await expect(
      iam.createRole({ RoleName: 'r' } as unknown as Parameters<IAM['createRole']>[0]),
    ).rejects.toThrow(/IAM\.createRole: missing required param 'AssumeRolePolicyDocument'/);
    expect(counter.total).toBe(0);
  });
});

describe('attachments and instance profiles', () => {
  it('attaches a managed policy to a user, a group and a role, and lists both ways', async () => {
    const policy = await iam.createPolicy({
      PolicyName: iamName('att'),
      PolicyDocument: logsPolicy(),
    });
    const user = await iam.createUser({ UserName: iamName('att') });
    const group = await iam.createGroup({ GroupName: iamName('att') });
    const role = await iam.createRole({
      RoleName: iamName('att'),
      AssumeRolePolicyDocument: trustPolicy(),
    });
    await user.attachPolicy({ PolicyArn: policy.arn });
    await policy.attachGroup({ GroupName: group.name });
    await role.attachPolicy({ PolicyArn: policy.arn });

    expect((await policy.attachedUsers.all().toArray()).map((u) => u.name)).toEqual([user.name]);
    expect((await policy.attachedGroups.all().toArray()).map((g) => g.name)).toEqual([group.name]);
    expect((await policy.attachedRoles.all().toArray()).map((r) => r.name)).toEqual([role.name]);
    expect((await user.attachedPolicies.all().toArray()).map((p) => p.arn)).toEqual([policy.arn]);
    expect((await group.attachedPolicies.all().toArray()).map((p) => p.arn)).toEqual([policy.arn]);
    expect((await role.attachedPolicies.all().toArray()).map((p) => p.arn)).toEqual([policy.arn]);

    await policy.detachUser({ UserName: user.name });
    await group.detachPolicy({ PolicyArn: policy.arn });
    await policy.detachRole({ RoleName: role.name });
    expect(await policy.attachedUsers.all().toArray()).toEqual([]);
    await policy.delete();
  });

  it('puts a role in an instance profile and finds it from both sides', async () => {
    const role = await iam.createRole({
      RoleName: iamName('ip'),
      AssumeRolePolicyDocument: trustPolicy(),
    });
    const profile = await iam.createInstanceProfile({ InstanceProfileName: iamName('ip') });
    await profile.addRole({ RoleName: role.name });
    await profile.reload();
    const [held] = await profile.roles;
    expect(held?.name).toBe(role.name);
    // The role made from the profile's data reads its trust policy parsed, without a request.
    counter.reset();
    expect(await held?.assumeRolePolicyDocument).toEqual(trustPolicy());
    expect(counter.total).toBe(0);
    expect((await role.instanceProfiles.all().toArray()).map((p) => p.name)).toEqual([
      profile.name,
    ]);
    await profile.removeRole({ RoleName: role.name });
    await profile.delete();
  });
});

describe('the account', () => {
  it('reads the summary, the current user and the password policy', async () => {
    const summary = await iam.AccountSummary().summaryMap;
    expect(summary?.UsersQuota).toBeGreaterThan(0);
    expect(await iam.CurrentUser().arn).toMatch(/:user\//);
    expect((await iam.CurrentUser().user)?.name).toBe(await iam.CurrentUser().userName);

    const policy = await iam.createAccountPasswordPolicy({ MinimumPasswordLength: 12 });
    expect(await policy.minimumPasswordLength).toBe(12);
    await policy.update({ MinimumPasswordLength: 14 });
    expect(await iam.AccountPasswordPolicy().minimumPasswordLength).toBe(14);
    await policy.delete();
    expect(await iam.AccountPasswordPolicy().exists()).toBe(false);
  });

  it('manages server certificates and SAML providers', async () => {
    const name = iamName('cert');
    const certificate = await iam.createServerCertificate({
      ServerCertificateName: name,
      CertificateBody: TEST_CERTIFICATE,
      PrivateKey: TEST_PRIVATE_KEY,
    });
    expect((await certificate.serverCertificateMetadata)?.ServerCertificateName).toBe(name);
    expect((await iam.serverCertificates.all().toArray()).map((c) => c.name)).toContain(name);
    // moto 5.2.1 has no UpdateServerCertificate: its empty response is answered locally.
    const local = iamClient();
    const answered = answerLocally(local, 'UpdateServerCertificate', {});
    const renamed = await new IAM({ client: local })
      .ServerCertificate(name)
      .update({ NewServerCertificateName: `${name}-2` });
    expect(renamed.name).toBe(`${name}-2`);
    const moved = await new IAM({ client: local })
      .ServerCertificate(name)
      .update({ NewPath: '/x/' });
    expect(moved.name).toBe(name);
    expect(answered.inputs).toEqual([
      { ServerCertificateName: name, NewServerCertificateName: `${name}-2` },
      { ServerCertificateName: name, NewPath: '/x/' },
    ]);
    await certificate.delete();

    const provider = await iam.createSamlProvider({
      Name: iamName('idp'),
      SAMLMetadataDocument: 'm'.repeat(1000),
    });
    expect(provider.arn).toMatch(/:saml-provider\//);
    expect((await iam.samlProviders.all().toArray()).map((p) => p.arn)).toContain(provider.arn);
    await provider.update({ SAMLMetadataDocument: 'n'.repeat(1000) });
    expect(await provider.samlMetadataDocument).toBe('n'.repeat(1000));
    await provider.delete();
  });

  it('raises the client exception classes for what does not exist', async () => {
    await expect(iam.User(iamName('missing')).load()).rejects.toBeInstanceOf(NoSuchEntityException);
  });
});

describe('bad input', () => {
  it('refuses empty identifiers and empty creator params before any request', async () => {
    counter.reset();
    expect(() => iam.User('')).toThrow(IdentifierError);
    expect(() => iam.Policy('')).toThrow(/Policy: identifier 'arn' must not be empty/);
    expect(() => iam.Role('r').Policy('')).toThrow(IdentifierError);
    await expect(iam.createUser({ UserName: '' })).rejects.toThrow(ParamValidationError);
    await expect(iam.User('u').update({ NewUserName: '' })).rejects.toThrow(/NewUserName/);
    expect(counter.total).toBe(0);
  });
});

describe('a global service', () => {
  it('sends every region to the global endpoint, signed for us-east-1, as the v3 client does', async () => {
    const seen: { hostname?: string; authorization?: string }[] = [];
    const regional = new IAMClient({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    // Stops each request after signing: nothing leaves the machine.
    regional.middlewareStack.add(
      () => (args) => {
        const request = args.request as { hostname: string; headers: Record<string, string> };
        seen.push({ hostname: request.hostname, authorization: request.headers.authorization });
        throw new Error('stopped before sending');
      },
      { step: 'finalizeRequest', priority: 'low', name: 'stop' },
    );
    await expect(new IAM({ client: regional }).User('alice').load()).rejects.toThrow(
      'stopped before sending',
    );
    expect(seen[0]?.hostname).toBe('iam.amazonaws.com');
    expect(seen[0]?.authorization).toMatch(/\/us-east-1\/iam\/aws4_request/);
  });
});
