/**
 * What creating a Lambda function on the emulator needs: an IAM role that exists there and
 * the source of a handler (index.js, whose handler returns its event).
 */

const ROLE_NAME = 'aws-resources-demo';
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
});

/** The ARN of the demo's role on the emulator `config` points at (made on first use). */
export async function emulatorRole(config) {
  // Loaded here, not at the top: on a fresh clone this module is imported before the demo's
  // own install step has put node_modules in place.
  const { CreateRoleCommand, GetRoleCommand, IAMClient } = await import('@aws-sdk/client-iam');
  const iam = new IAMClient(config);
  try {
    const { Role } = await iam.send(
      new CreateRoleCommand({ RoleName: ROLE_NAME, AssumeRolePolicyDocument: TRUST }),
    );
    return Role.Arn;
  } catch (error) {
    if (error.name !== 'EntityAlreadyExists' && error.name !== 'EntityAlreadyExistsException') {
      throw error;
    }
    return (await iam.send(new GetRoleCommand({ RoleName: ROLE_NAME }))).Role.Arn;
  } finally {
    iam.destroy();
  }
}

/** The files of a deployment package whose index.handler returns its event. */
export const ECHO_FILES = { 'index.js': 'exports.handler = async (event) => event;\n' };
