/**
 * The IAM part of the demo. On the emulator: a user with an inline policy given and read
 * back as an object, an access key, a group, a role in an instance profile. On AWS it only
 * reads (lists a few users and roles).
 */
import { randomBytes } from 'node:crypto';
import { code, note, part, show, step } from './print.mjs';

export async function tourIAM({ lib, target, counter }) {
  const { IAM } = lib.iam;
  part('AWS IAM — aws-resources/iam');
  const iam = new IAM(target.config('iam'));
  counter.watch(iam.meta.client);
  try {
    if (target.aws) await readOnly(iam, counter);
    else await usersGroupsRoles(iam, counter);
  } finally {
    iam.meta.client.destroy();
  }
}

async function readOnly(iam, counter) {
  step('Your users and roles (read only)');
  code('for await (const user of iam.users.limit(5))');
  let seen = 0;
  for await (const user of iam.users.limit(5)) {
    seen += 1;
    show('', `${user.name}  ${await user.arn}`);
  }
  if (seen === 0) show('', '(no users)');
  code('for await (const role of iam.roles.limit(5))');
  for await (const role of iam.roles.limit(5)) show('', `${role.name}  ${await role.path}`);
  counter.print();
}

const READ_REPORTS = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }],
};
const EC2_TRUST = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
};

async function usersGroupsRoles(iam, counter) {
  const suffix = randomBytes(3).toString('hex');
  const made = {};
  try {
    step('A user: its data comes with CreateUser');
    code(`const user = await iam.createUser({ UserName: 'demo-${suffix}', Path: '/demo/' });`);
    made.user = await iam.createUser({ UserName: `demo-${suffix}`, Path: '/demo/' });
    const { user } = made;
    code('await user.arn;   // no request');
    show('', await user.arn);
    counter.print();

    step('An inline policy: an object in, an object back');
    code(
      "const policy = await user.createPolicy({ PolicyName: 'read-reports', PolicyDocument: { Version, Statement: [...] } });",
    );
    made.policy = await user.createPolicy({
      PolicyName: 'read-reports',
      PolicyDocument: READ_REPORTS,
    });
    code('await policy.policyDocument;   // GetUserPolicy, parsed from URL-encoded JSON text');
    show('', await made.policy.policyDocument);
    note('boto3 takes documents as JSON text only');
    counter.print();

    step('An access key: the secret is only in this response');
    code('const pair = await user.createAccessKeyPair();');
    made.key = await user.createAccessKeyPair();
    show(
      '',
      `${made.key.id}  secret: ${made.key.secret.slice(0, 4)}… (${made.key.secret.length} characters)`,
    );
    code('await pair.deactivate();');
    await made.key.deactivate();
    code(
      'for await (const key of user.accessKeys.all()) [key.id, await key.status];   // from the listing',
    );
    for await (const key of made.user.accessKeys.all()) show('', [key.id, await key.status]);
    counter.print();

    step('A group');
    code(`const group = await iam.createGroup({ GroupName: 'demo-admins-${suffix}' });`);
    made.group = await iam.createGroup({ GroupName: `demo-admins-${suffix}` });
    code('await group.addUser({ UserName: user.name });');
    await made.group.addUser({ UserName: user.name });
    made.member = true;
    code('(await user.groups.toArray()).map((g) => g.name);');
    show(
      '',
      (await user.groups.toArray()).map((group) => group.name),
    );
    counter.print();

    step('A role for EC2, in an instance profile');
    code(
      `const role = await iam.createRole({ RoleName: 'demo-web-${suffix}', AssumeRolePolicyDocument: { ..., Principal: { Service: 'ec2.amazonaws.com' } } });`,
    );
    made.role = await iam.createRole({
      RoleName: `demo-web-${suffix}`,
      AssumeRolePolicyDocument: EC2_TRUST,
    });
    code('(await role.assumeRolePolicyDocument).Statement[0].Principal;   // an object');
    show('', (await made.role.assumeRolePolicyDocument).Statement[0].Principal);
    code(
      `const profile = await iam.createInstanceProfile({ InstanceProfileName: 'demo-web-${suffix}' });`,
    );
    made.profile = await iam.createInstanceProfile({ InstanceProfileName: `demo-web-${suffix}` });
    code('await profile.addRole({ RoleName: role.name });');
    await made.profile.addRole({ RoleName: made.role.name });
    made.inProfile = true;
    code('(await role.instanceProfiles.toArray()).map((p) => p.name);');
    show(
      '',
      (await made.role.instanceProfiles.toArray()).map((profile) => profile.name),
    );
    counter.print();
  } finally {
    if (made.user) {
      step('Clean up, in the order IAM requires');
      code('await profile.removeRole(...); await profile.delete(); await role.delete();');
      code('await group.removeUser(...); await group.delete();');
      code('await pair.delete(); await policy.delete(); await user.delete();');
      if (made.inProfile) await made.profile.removeRole({ RoleName: made.role.name });
      await made.profile?.delete();
      await made.role?.delete();
      if (made.member) await made.group.removeUser({ UserName: made.user.name });
      await made.group?.delete();
      await made.key?.delete();
      await made.policy?.delete();
      await made.user.delete();
      show('', `user exists: ${await made.user.exists()}`);
      counter.print();
    }
  }
}
