/**
 * The requests IAM jobs cost, counted on the wire. This file has its own moto account, so its
 * listings hold exactly what it made. moto 5.2.1 pages ListRoles (MaxItems, Marker) as IAM
 * does, but ignores MaxItems on ListUsers: that listing answers in one response.
 */
import { IAM, type Role } from '../../src/resources/iam/index.js';
import { countRequests } from '../support/request-counter.js';
import { iamClient, iamName, logsPolicy, trustPolicy } from '../support/iam.js';

const ROLES = 5;
const client = iamClient();
const iam = new IAM({ client });
const counter = countRequests(client);
const roles: Role[] = [];

beforeAll(async () => {
  for (let i = 0; i < ROLES; i += 1)
    roles.push(
      await iam.createRole({
        RoleName: iamName(`count-${i}`),
        AssumeRolePolicyDocument: trustPolicy(),
      }),
    );
});
afterAll(() => counter.remove());
beforeEach(() => counter.reset());

describe('lazy loads', () => {
  it('reads any number of attributes with one GetUser, and none after createUser', async () => {
    const name = iamName('lazy');
    await iam.createUser({ UserName: name });
    const created = counter.total;
    const user = iam.User(name);
    expect([await user.arn, await user.path, await user.userId]).toHaveLength(3);
    expect(counter.total - created).toBe(1);
    expect(counter.count('GetUser')).toBe(1);

    counter.reset();
    const fresh = await iam.createUser({ UserName: iamName('fresh') });
    expect(await fresh.arn).toMatch(/:user\//);
    expect(counter.byOperation).toEqual({ CreateUser: 1 });
  });

  it('parses a role trust policy from the listing: no GetRole', async () => {
    const [first] = await iam.roles.limit(1).toArray();
    expect(await first?.assumeRolePolicyDocument).toEqual(trustPolicy());
    expect(counter.byOperation).toEqual({ ListRoles: 1 });
  });

  it('follows a policy to its default version and its document: GetPolicy, GetPolicyVersion', async () => {
    const policy = await iam.createPolicy({
      PolicyName: iamName('count'),
      PolicyDocument: logsPolicy(),
    });
    counter.reset();
    const version = await policy.defaultVersion;
    expect(await version?.document).toEqual(logsPolicy());
    expect(await version?.isDefaultVersion).toBe(true);
    expect(counter.byOperation).toEqual({ GetPolicy: 1, GetPolicyVersion: 1 });
  });
});

describe('collections', () => {
  it(`lists ${ROLES} roles with pageSize 2 in 3 ListRoles`, async () => {
    const listed = [];
    for await (const role of iam.roles.pageSize(2)) listed.push(role.name);
    expect(listed.sort()).toEqual(roles.map((r) => r.name).sort());
    expect(counter.byOperation).toEqual({ ListRoles: 3 });
    expect(counter.inputs.map((i) => i.input)).toEqual([
      { MaxItems: 2 },
      expect.objectContaining({ MaxItems: 2, Marker: expect.any(String) }),
      expect.objectContaining({ MaxItems: 2, Marker: expect.any(String) }),
    ]);
  });

  it('asks for no more than limit(n) needs: one ListRoles with MaxItems 3', async () => {
    expect(await iam.roles.limit(3).toArray()).toHaveLength(3);
    expect(counter.inputs).toEqual([{ operation: 'ListRoles', input: { MaxItems: 3 } }]);
  });

  it('stops at limit(n) although moto ignores MaxItems on ListUsers: one request', async () => {
    await iam.createUser({ UserName: iamName('a') });
    await iam.createUser({ UserName: iamName('b') });
    counter.reset();
    expect(await iam.users.limit(1).toArray()).toHaveLength(1);
    expect(counter.inputs).toEqual([{ operation: 'ListUsers', input: { MaxItems: 1 } }]);
  });

  it('lists a role inline policies with one ListRolePolicies, and each document with one GetRolePolicy', async () => {
    const role = roles[0] as Role;
    await role.Policy('a').put({ PolicyDocument: logsPolicy() });
    await role.Policy('b').put({ PolicyDocument: logsPolicy('*') });
    counter.reset();
    const documents = [];
    for await (const policy of role.policies.all()) documents.push(await policy.policyDocument);
    expect(documents).toEqual([logsPolicy(), logsPolicy('*')]);
    expect(counter.byOperation).toEqual({ ListRolePolicies: 1, GetRolePolicy: 2 });
  });
});
