/**
 * Helpers for the Lambda integration tests.
 *
 * Isolation: every test file works in its own moto account (the `x-moto-account-id` header,
 * see `account()`), so its functions, layers, roles and canned Invoke responses are its own,
 * and listings count only what the file made, although all files share one moto server.
 *
 * The shared moto has Lambda's Docker-free backend (the global setup sets
 * `{"lambda":{"use_docker":false}}`): Invoke echoes the request payload, or answers with
 * the canned responses `queueInvokeResults` gives it.
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { randomInt } from 'node:crypto';
import { clientConfig, testEndpoint, uniqueName } from './emulator.js';
import { zipFiles, type PackageFiles } from '../../src/resources/lambda/index.js';

/** A deployment package of `files` (the shipped writer); by default a handler that returns its event. */
export function tinyZip(
  files: PackageFiles = { 'index.js': 'exports.handler = async (event) => event;\n' },
): Uint8Array {
  return zipFiles(files);
}

/** A v3 client's middleware stack, as these helpers use it. */
interface StackClient {
  middlewareStack: { add(middleware: unknown, options: object): void };
}

/** Where a test's clients go: an emulator endpoint and a moto account. */
export interface LambdaTarget {
  readonly endpoint: string;
  readonly account: string;
}

let fileAccount: string | undefined;

/** This test file's own moto account: 12 random digits, made once per file. */
export function account(): string {
  fileAccount ??= String(randomInt(100_000_000_000, 999_999_999_999));
  return fileAccount;
}

/** The shared emulator, in this file's account. */
export function sharedTarget(): LambdaTarget {
  return { endpoint: testEndpoint(), account: account() };
}

/** Sends every request of `client` to `account` (moto's `x-moto-account-id` header). */
export function inAccount<C extends StackClient>(client: C, accountId: string): C {
  client.middlewareStack.add(
    (next: (args: { request: { headers: Record<string, string> } }) => unknown) =>
      (args: { request: { headers: Record<string, string> } }) => {
        args.request.headers['x-moto-account-id'] = accountId;
        return next(args);
      },
    { step: 'build', name: 'motoAccount' },
  );
  return client;
}

function config(target: LambdaTarget) {
  return { ...clientConfig(), endpoint: target.endpoint };
}

/** A LambdaClient for the emulator, in this file's account (or `target`'s). */
export function lambdaClient(target: LambdaTarget = sharedTarget()): LambdaClient {
  return inAccount(new LambdaClient(config(target)), target.account);
}

/** An IAMClient for the emulator, in this file's account (or `target`'s). */
export function iamClient(target: LambdaTarget = sharedTarget()): IAMClient {
  return inAccount(new IAMClient(config(target)), target.account);
}

/** A DynamoDBClient for the emulator, in this file's account (or `target`'s). */
export function dynamodbClient(target: LambdaTarget = sharedTarget()): DynamoDBClient {
  return inAccount(new DynamoDBClient(config(target)), target.account);
}

const ROLE_NAME = 'aws-resources-lambda-test';

/** The ARN of an IAM role that exists in the account (CreateFunction needs one). */
export async function ensureRole(target: LambdaTarget = sharedTarget()): Promise<string> {
  const iam = iamClient(target);
  try {
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: ROLE_NAME,
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'lambda.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        }),
      }),
    );
    return created.Role?.Arn ?? fail('CreateRole returned no ARN');
  } catch (error) {
    if ((error as Error).name !== 'EntityAlreadyExistsException') throw error;
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: ROLE_NAME }));
    return Role?.Arn ?? fail('GetRole returned no ARN');
  }
}

/** The stream ARN of a new DynamoDB table with a stream: an event source moto accepts. */
export async function streamArn(target: LambdaTarget = sharedTarget()): Promise<string> {
  const { TableDescription } = await dynamodbClient(target).send(
    new CreateTableCommand({
      TableName: uniqueName('esm-source'),
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
    }),
  );
  return TableDescription?.LatestStreamArn ?? fail('CreateTable returned no stream ARN');
}

/** A function name unique across test files and runs (letters, digits and '-'). */
export function functionName(prefix = 'fn'): string {
  return uniqueName(prefix);
}

/** The parameters of a CreateFunction moto accepts, with a real (tiny) zip. */
export function functionParams(name: string, role: string) {
  return {
    FunctionName: name,
    Role: role,
    Runtime: 'nodejs20.x' as const,
    Handler: 'index.handler',
    Code: { ZipFile: tinyZip() },
  };
}

/**
 * Queues canned Invoke payloads for the account's Docker-free backend: the next invocations
 * answer with them, in order (`POST /moto-api/static/lambda-simple/response`).
 */
export async function queueInvokeResults(
  results: readonly string[],
  target: LambdaTarget = sharedTarget(),
): Promise<void> {
  const response = await fetch(`${target.endpoint}/moto-api/static/lambda-simple/response`, {
    method: 'POST',
    body: JSON.stringify({ results, region: 'us-east-1', account_id: target.account }),
  });
  if (response.status !== 201) {
    throw new Error(`queueing Invoke results failed: ${response.status} ${await response.text()}`);
  }
}

/**
 * Switches an emulator's Lambda backend: with `use_docker: true` and no Docker, moto's Invoke
 * answers `FunctionError: "Handled"` with an error payload. Never call this on the shared
 * emulator (it is global, and functions made under the other backend vanish).
 */
export async function setLambdaDocker(endpoint: string, useDocker: boolean): Promise<void> {
  const response = await fetch(`${endpoint}/moto-api/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ lambda: { use_docker: useDocker } }),
  });
  if (!response.ok) throw new Error(`POST /moto-api/config failed: ${response.status}`);
}

/** The list member of each Lambda listing moto answers in one unpaged response. */
const LISTED: Record<string, string> = {
  ListFunctions: 'Functions',
  ListVersionsByFunction: 'Versions',
  ListAliases: 'Aliases',
  ListLayers: 'Layers',
  ListLayerVersions: 'LayerVersions',
  ListEventSourceMappings: 'EventSourceMappings',
};

/**
 * moto 5.2.1 ignores `MaxItems` and `Marker` on every Lambda listing: it answers with all
 * items and no `NextMarker`. This middleware pages each of those (real) responses as Lambda
 * does — `MaxItems` items (default 50) from the `Marker` position, `NextMarker` while more
 * follow — so the requests a listing needs can be counted. Every page is a real request.
 */
export function pageLikeLambda(client: StackClient): void {
  client.middlewareStack.add(
    (
      next: (args: { input: Record<string, unknown> }) => Promise<{ output: object }>,
      context: { commandName?: string },
    ) =>
      async (args: { input: Record<string, unknown> }) => {
        const member = LISTED[(context.commandName ?? '').replace(/Command$/, '')];
        const result = await next(args);
        if (!member) return result;
        const all = ((result.output as Record<string, unknown>)[member] ?? []) as unknown[];
        const start = typeof args.input.Marker === 'string' ? Number(args.input.Marker) : 0;
        const size = typeof args.input.MaxItems === 'number' ? args.input.MaxItems : 50;
        const end = start + size;
        result.output = {
          ...result.output,
          [member]: all.slice(start, end),
          NextMarker: end < all.length ? String(end) : undefined,
        };
        return result;
      },
    { step: 'initialize', name: 'pageLikeLambda' },
  );
}

/**
 * moto returns no log tail (Docker-free backend) or an empty one (`use_docker` without
 * Docker). This middleware sets the `x-amz-log-result` header of each real Invoke response
 * to `log`, base64-encoded as Lambda sends it, before the client parses the response.
 */
export function tailLogs(client: StackClient, log: string): void {
  client.middlewareStack.add(
    (next: (args: unknown) => Promise<{ response: { headers: Record<string, string> } }>) =>
      async (args: unknown) => {
        const result = await next(args);
        result.response.headers['x-amz-log-result'] = Buffer.from(log).toString('base64');
        return result;
      },
    { step: 'deserialize', priority: 'low', name: 'tailLogs' },
  );
}

function fail(message: string): never {
  throw new Error(message);
}
