/**
 * What the generator compiles for the caller's params to be checked by: the params that fill
 * identifiers of the resource an action makes, the URL labels read from the v3 command's
 * schema, the names a definition's `nonEmpty` lists, and the members a batch action takes.
 */
import { join, resolve } from 'node:path';
import type { ActionDefinition } from '../../src/core/definition-types.js';
import { loadDefinition } from '../../src/core/definition-loader.js';
import { GenContext } from '../../scripts/generator/context.js';
import { actionChecks, batchAllowedParams } from '../../scripts/generator/param-checks.js';
import { SdkTypes } from '../../scripts/generator/sdk-types.js';

const root = resolve(__dirname, '..', '..');

function contextOf(service: string): GenContext {
  const file = join(root, 'resource-definitions', `${service}.json`);
  const definition = loadDefinition(file);
  return new GenContext(definition, new SdkTypes(definition.service.package, root), file, root);
}

describe('generated param checks', () => {
  const s3 = contextOf('s3');
  const lambda = contextOf('lambda');

  it('reads the URL labels of a command from its v3 schema', () => {
    expect(s3.sdk.labelMembers('PutObject')).toEqual([
      { name: 'Bucket', string: true },
      { name: 'Key', string: true },
    ]);
    expect(lambda.sdk.labelMembers('GetLayerVersion')).toEqual([
      { name: 'LayerName', string: true },
      { name: 'VersionNumber', string: false },
    ]);
    expect(new SdkTypes('@aws-sdk/lib-dynamodb', root).labelMembers('Put')).toEqual([]);
  });

  it('checks a param that fills an identifier of the resource made, by its rules', () => {
    const putObject = s3.definition.resources.Bucket?.actions?.PutObject;
    expect(putObject && actionChecks(s3, putObject)).toBe(
      `[{ param: "Key", required: true, role: "the S3Object's key" }]`,
    );
    const createFunction = lambda.definition.service.actions?.CreateFunction;
    expect(createFunction && actionChecks(lambda, createFunction)).toMatch(
      /^\[\{ param: "FunctionName", required: true, pattern: \/\^\(arn:.*\/, format: "a function name, ARN or partial ARN.*", role: "the LambdaFunction's name" \}\]$/,
    );
  });

  it('checks a param with a fallback (`NewUserName || UserName`) when given, never requires it', () => {
    const iam = contextOf('iam');
    const update = iam.definition.resources.User?.actions?.Update;
    expect(update && actionChecks(iam, update)).toBe(
      `[{ param: "NewUserName", role: "the User's name" }]`,
    );
    const create = iam.definition.resources.User?.actions?.Create;
    expect(create && actionChecks(iam, create)).toBeUndefined(); // the user fills UserName
  });

  it('checks a URL label the resource does not fill, and nothing for one it fills', () => {
    const remove = lambda.definition.resources.Function?.actions?.RemovePermission;
    expect(remove && actionChecks(lambda, remove)).toBe(
      `[{ param: "StatementId", required: true, role: "a label of the request URL" }]`,
    );
    const del = s3.definition.resources.Object?.actions?.Delete;
    expect(del && actionChecks(s3, del)).toBeUndefined();
  });

  it('checks the members `nonEmpty` names, required when the v3 input requires them', () => {
    const sqs = contextOf('sqs');
    const createQueue = sqs.definition.service.actions?.CreateQueue;
    expect(createQueue && actionChecks(sqs, createQueue)).toBe(
      `[{ param: "QueueName", required: true, role: "what the request acts on" }]`,
    );
    const sns = contextOf('sns');
    const createPlatformApplication = sns.definition.service.actions?.CreatePlatformApplication;
    expect(createPlatformApplication && actionChecks(sns, createPlatformApplication)).toBe(
      `[{ param: "Name", required: true, role: "what the request acts on" }, ` +
        `{ param: "Platform", required: true, role: "what the request acts on" }]`,
    );
  });

  it.each([
    ['NoSuchMember', /not a member of the input/],
    ['Attributes', /not a string/],
    ['QueueUrl', /which the resource fills/],
  ])('refuses a `nonEmpty` naming %s', (member, message) => {
    const sqs = contextOf('sqs');
    const action: ActionDefinition = {
      request: {
        operation: 'SetQueueAttributes',
        params: [{ target: 'QueueUrl', source: 'identifier', name: 'Url' }],
      },
      nonEmpty: [member],
    };
    expect(() => actionChecks(sqs, action)).toThrow(message);
  });

  it('refuses a `nonEmpty` naming a param an identifier check covers already', () => {
    const action = s3.definition.resources.Bucket?.actions?.PutObject;
    expect(action && (() => actionChecks(s3, { ...action, nonEmpty: ['Key'] }))).toThrow(
      /checked already/,
    );
  });

  it('allows a batch action the members of its input the items do not fill', () => {
    const request = s3.definition.resources.ObjectSummary?.batchActions?.Delete?.request;
    const allowed = JSON.parse(request ? batchAllowedParams(s3, request) : '[]') as string[];
    expect(allowed).toContain('Delete');
    expect(allowed).toContain('MFA');
    expect(allowed).not.toContain('Bucket');
  });
});
