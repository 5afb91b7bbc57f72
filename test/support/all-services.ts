/**
 * Every service of the library with its definition, for tests that walk all resource types,
 * factories and actions: a service object on a client that never reaches a network (any
 * request is counted by the test, and would fail for want of an endpoint).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  IdentifierDefinition,
  ServiceModelDefinition,
} from '../../src/core/definition-types.js';
import { camelCase } from '../../src/core/naming.js';
import type { Resource } from '../../src/core/resource.js';
import { CloudFormation } from '../../src/resources/cloudformation/index.js';
import { CloudWatch } from '../../src/resources/cloudwatch/index.js';
import { DynamoDB } from '../../src/resources/dynamodb/index.js';
import { EC2 } from '../../src/resources/ec2/index.js';
import { Glacier } from '../../src/resources/glacier/index.js';
import { IAM } from '../../src/resources/iam/index.js';
import { Lambda } from '../../src/resources/lambda/index.js';
import { S3 } from '../../src/resources/s3/index.js';
import { S3Control } from '../../src/resources/s3control/index.js';
import { SNS } from '../../src/resources/sns/index.js';
import { SQS } from '../../src/resources/sqs/index.js';

/** What the walking tests use of a service object. */
export type AnyService = {
  readonly meta: { readonly client: { middlewareStack: never } };
  restore(json: unknown): Resource;
};

const config = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
};

/** A new service object per service name (the definition's `service.name`). */
export const SERVICES: Readonly<Record<string, () => AnyService>> = {
  cloudformation: () => new CloudFormation(config) as unknown as AnyService,
  cloudwatch: () => new CloudWatch(config) as unknown as AnyService,
  dynamodb: () => new DynamoDB(config) as unknown as AnyService,
  ec2: () => new EC2(config) as unknown as AnyService,
  glacier: () => new Glacier(config) as unknown as AnyService,
  iam: () => new IAM(config) as unknown as AnyService,
  lambda: () => new Lambda(config) as unknown as AnyService,
  s3: () => new S3(config) as unknown as AnyService,
  s3control: () => new S3Control(config) as unknown as AnyService,
  sns: () => new SNS(config) as unknown as AnyService,
  sqs: () => new SQS(config) as unknown as AnyService,
};

const DIR = join(__dirname, '..', '..', 'resource-definitions');

/** Every definition file, parsed. */
export const DEFINITIONS: readonly ServiceModelDefinition[] = readdirSync(DIR)
  .filter((file) => file.endsWith('.json') && file !== 'schema.json')
  .map((file) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as ServiceModelDefinition);

/** A valid value of an identifier: one its pattern accepts, else a plain name. */
export function validValue(identifier: IdentifierDefinition): string | number {
  if (identifier.type === 'integer') return 1;
  const candidates = ['name-1', '-', '123456789012', 'arn:aws:sns:us-east-1:123456789012:t'];
  const pattern = identifier.pattern === undefined ? undefined : new RegExp(identifier.pattern);
  const value = candidates.find((candidate) => !pattern || pattern.test(candidate));
  if (value === undefined) throw new Error(`no valid value for ${identifier.name}`);
  return value;
}

/** Valid identifiers of a resource type, by property, as `restore` takes them. */
export function validIdentifiers(
  definition: ServiceModelDefinition,
  type: string,
): Record<string, unknown> {
  return Object.fromEntries(
    (definition.resources[type]?.identifiers ?? []).map((identifier) => [
      camelCase(identifier.name),
      validValue(identifier),
    ]),
  );
}

/** A resource of `type` with valid identifiers, made without a request. */
export function someResource(
  service: AnyService,
  definition: ServiceModelDefinition,
  type: string,
): Resource {
  return service.restore({
    service: definition.service.name,
    type,
    identifiers: validIdentifiers(definition, type),
  });
}
