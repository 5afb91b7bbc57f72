/**
 * Every resource type of every service refuses an empty identifier before any request: made
 * by `restore` (the constructor every factory, action and collection goes through), by the
 * service's factory, and by every sub-resource factory (`queue.Message('')`), each identifier
 * in turn. Walked from the definitions, so a new type or factory is covered without a line here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type {
  HasDefinition,
  IdentifierDefinition,
  ServiceModelDefinition,
} from '../../src/core/definition-types.js';
import { IdentifierError, ParamValidationError } from '../../src/core/errors.js';
import { camelCase } from '../../src/core/naming.js';
import type { Resource } from '../../src/core/resource.js';
import { countRequests } from '../support/request-counter.js';
import { CloudFormation } from '../../src/resources/cloudformation/index.js';
import { CloudWatch } from '../../src/resources/cloudwatch/index.js';
import { DynamoDB } from '../../src/resources/dynamodb/index.js';
import { EC2 } from '../../src/resources/ec2/index.js';
import { Glacier } from '../../src/resources/glacier/index.js';
import { IAM } from '../../src/resources/iam/index.js';
import { Lambda } from '../../src/resources/lambda/index.js';
import { S3 } from '../../src/resources/s3/index.js';
import { SNS } from '../../src/resources/sns/index.js';
import { SQS } from '../../src/resources/sqs/index.js';

type Service = {
  readonly meta: { readonly client: { middlewareStack: never } };
  restore(json: unknown): Resource;
};
const config = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
};
const SERVICES: Record<string, () => Service> = {
  cloudformation: () => new CloudFormation(config) as unknown as Service,
  cloudwatch: () => new CloudWatch(config) as unknown as Service,
  dynamodb: () => new DynamoDB(config) as unknown as Service,
  ec2: () => new EC2(config) as unknown as Service,
  glacier: () => new Glacier(config) as unknown as Service,
  iam: () => new IAM(config) as unknown as Service,
  lambda: () => new Lambda(config) as unknown as Service,
  s3: () => new S3(config) as unknown as Service,
  sns: () => new SNS(config) as unknown as Service,
  sqs: () => new SQS(config) as unknown as Service,
};

const DIR = join(__dirname, '..', '..', 'resource-definitions');
const definitions = readdirSync(DIR)
  .filter((file) => file.endsWith('.json') && file !== 'schema.json')
  .map((file) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as ServiceModelDefinition);

type IdentifierDef = IdentifierDefinition;
type HasMap = Readonly<Record<string, HasDefinition>>;

/** A valid value of an identifier: one its pattern accepts, else a plain name. */
function valid(identifier: IdentifierDef): string | number {
  if (identifier.type === 'integer') return 1;
  const candidates = ['name-1', '-', '123456789012', 'arn:aws:sns:us-east-1:123456789012:t'];
  const pattern = identifier.pattern === undefined ? undefined : new RegExp(identifier.pattern);
  const value = candidates.find((candidate) => !pattern || pattern.test(candidate));
  if (value === undefined) throw new Error(`no valid value for ${identifier.name}`);
  return value;
}

function problemOf(identifier: IdentifierDef): string {
  return identifier.type === 'integer' ? 'must be an integer, got ""' : 'must not be empty';
}

interface Case {
  readonly service: string;
  readonly what: string;
  /** The identifier's property, which the error must name. */
  readonly property: string;
  /** What the error says of `''`: an integer identifier is refused as not an integer. */
  readonly problem: string;
  readonly make: (service: Service) => unknown;
}

const cases: Case[] = [];
for (const definition of definitions) {
  const serviceName = definition.service.name;
  const { resources } = definition;
  const validIdentifiers = (type: string): Record<string, unknown> =>
    Object.fromEntries(
      (resources[type]!.identifiers ?? []).map((identifier) => [
        camelCase(identifier.name),
        valid(identifier),
      ]),
    );
  for (const [type, resource] of Object.entries(resources)) {
    for (const identifier of resource.identifiers ?? []) {
      if (identifier.allowEmpty) continue;
      const property = camelCase(identifier.name);
      cases.push({
        service: serviceName,
        what: `restore ${type} with ${property} ''`,
        property,
        problem: problemOf(identifier),
        make: (service) =>
          service.restore({
            service: serviceName,
            type,
            identifiers: { ...validIdentifiers(type), [property]: '' },
          }),
      });
    }
  }
  // Factories: the service's, and each resource's sub-resources that take inputs.
  const owners: [string | undefined, HasMap][] = [
    [undefined, definition.service.has ?? {}],
    ...Object.entries(resources).map(([type, r]): [string, HasMap] => [type, r.has ?? {}]),
  ];
  for (const [owner, has] of owners) {
    for (const [name, sub] of Object.entries(has)) {
      const inputs = sub.resource.identifiers.filter((i) => i.source === 'input');
      if (inputs.length === 0) continue;
      const target = resources[sub.resource.type]!;
      const defs = inputs.map((input) =>
        (target.identifiers ?? []).find((i) => i.name === input.target)!,
      );
      defs.forEach((def, index) => {
        if (def.allowEmpty) return;
        const args = defs.map((d, i) => (i === index ? '' : valid(d)));
        cases.push({
          service: serviceName,
          what: `${owner ?? definition.service.className}.${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`,
          property: camelCase(def.name),
          problem: problemOf(def),
          make: (service) => {
            const parent =
              owner === undefined
                ? service
                : service.restore({
                    service: serviceName,
                    type: owner,
                    identifiers: validIdentifiers(owner),
                  });
            const factory = (parent as unknown as Record<string, (...a: unknown[]) => unknown>)[
              name
            ];
            if (typeof factory !== 'function') throw new Error(`no factory ${name}`);
            return factory.apply(parent, args);
          },
        });
      });
    }
  }
}

describe('empty identifiers are refused before any request', () => {
  it('walks all ten services', () => {
    expect(new Set(cases.map((c) => c.service))).toEqual(new Set(Object.keys(SERVICES)));
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases.map((c) => [`${c.service}: ${c.what}`, c] as const))('%s', (_, c) => {
    const service = SERVICES[c.service]!();
    const counter = countRequests(service.meta.client);
    let thrown: unknown;
    try {
      c.make(service);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ParamValidationError);
    expect(thrown).toBeInstanceOf(IdentifierError);
    expect((thrown as IdentifierError).identifier).toBe(c.property);
    expect((thrown as Error).message).toContain(`'${c.property}' ${c.problem}`);
    expect(counter.total).toBe(0);
  });
});
