/**
 * `service.restore(json)`: every resource type of every service survives a round trip through
 * JSON as the same typed resource, and bad JSON fails with a clear error before anything.
 * No request is sent (the clients have no endpoint to reach).
 */
import { join } from 'node:path';
import { loadDefinition } from '../../src/core/definition-loader.js';
import type { ServiceModelDefinition } from '../../src/core/definition-types.js';
import { camelCase } from '../../src/core/naming.js';
import { IdentifierError, ParamValidationError, Resource } from '../../src/index.js';
import * as dynamodbEntry from '../../src/resources/dynamodb/index.js';
import { DynamoDB, Table } from '../../src/resources/dynamodb/index.js';
import * as ec2Entry from '../../src/resources/ec2/index.js';
import { EC2, Instance } from '../../src/resources/ec2/index.js';
import * as iamEntry from '../../src/resources/iam/index.js';
import { IAM } from '../../src/resources/iam/index.js';
import * as glacierEntry from '../../src/resources/glacier/index.js';
import { Glacier } from '../../src/resources/glacier/index.js';
import * as lambdaEntry from '../../src/resources/lambda/index.js';
import { Lambda } from '../../src/resources/lambda/index.js';
import * as s3Entry from '../../src/resources/s3/index.js';
import {
  Bucket,
  MultipartUploadPart,
  ObjectSummary,
  S3,
  S3Object,
} from '../../src/resources/s3/index.js';

const config = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'unit', secretAccessKey: 'unit' },
};

const definition = (name: string): ServiceModelDefinition =>
  loadDefinition(join(__dirname, '..', '..', 'resource-definitions', `${name}.json`));

const services = [
  { service: new S3(config), definition: definition('s3'), entry: s3Entry },
  { service: new DynamoDB(config), definition: definition('dynamodb'), entry: dynamodbEntry },
  { service: new EC2(config), definition: definition('ec2'), entry: ec2Entry },
  { service: new Lambda(config), definition: definition('lambda'), entry: lambdaEntry },
  // IAM has resources without identifiers (AccountSummary): they round-trip too.
  { service: new IAM(config), definition: definition('iam'), entry: iamEntry },
  { service: new Glacier(config), definition: definition('glacier'), entry: glacierEntry },
];

/** Sample values for identifiers whose `pattern` a generic sample does not match. */
const PATTERNED_SAMPLES: Record<string, string> = { AccountId: '-', 'Account.Id': '-' };

/** Identifier values for a type, by property name: strings, or numbers for integers. */
function sampleIdentifiers(model: ServiceModelDefinition, type: string): Record<string, unknown> {
  return Object.fromEntries(
    (model.resources[type]?.identifiers ?? []).map((identifier, i) => [
      camelCase(identifier.name),
      identifier.type === 'integer'
        ? i + 7
        : (PATTERNED_SAMPLES[`${type}.${identifier.name}`] ??
          PATTERNED_SAMPLES[identifier.name] ??
          `${type.toLowerCase()}-${i}`),
    ]),
  );
}

describe('restore round trips', () => {
  const cases = services.flatMap(({ service, definition: model, entry }) =>
    Object.entries(model.resources).map(
      ([type, resource]) =>
        [
          model.service.name,
          type,
          service,
          model,
          (entry as Record<string, unknown>)[resource.className ?? type] as abstract new (
            ...args: never
          ) => Resource,
        ] as const,
    ),
  );

  it('covers every resource type of the definitions, each with its exported class', () => {
    expect(cases.length).toBeGreaterThan(40);
    for (const [, type, , , cls] of cases) expect([type, typeof cls]).toEqual([type, 'function']);
  });

  it.each(cases)('%s %s', (name, type, service, model, cls) => {
    const original = service.restore({
      service: name,
      type,
      identifiers: sampleIdentifiers(model, type),
    });
    expect(original).toBeInstanceOf(cls);
    const json = JSON.parse(JSON.stringify(original)) as unknown;
    for (const input of [json, JSON.stringify(original)]) {
      const restored = service.restore(input, cls);
      expect(restored).toBeInstanceOf(cls);
      expect(restored.constructor).toBe(original.constructor);
      expect(restored.equals(original)).toBe(true);
      expect(restored.toJSON()).toEqual(json);
      expect(restored.meta.client).toBe(service.meta.client);
      expect(restored.data).toBeUndefined();
    }
  });

  it('gives the typed resource, and checks the type against the class', () => {
    const s3 = new S3(config);
    const obj = s3.restore(s3.Object('b', 'k').toJSON(), S3Object);
    expect(obj.key).toBe('k'); // typed: S3Object
    expect(s3.restore(s3.Bucket('b').toJSON())).toBeInstanceOf(Bucket);
    const part = s3.restore(
      s3.MultipartUpload('b', 'k', 'u').Part(3).toJSON(),
      MultipartUploadPart,
    );
    expect(part.partNumber).toBe(3);
    expect(() => s3.restore(s3.Bucket('b').toJSON(), S3Object)).toThrow(
      new ParamValidationError("S3.restore: expected a S3Object, the JSON is of type 'Bucket'"),
    );
    // A summary is not an object, though they share identifiers.
    expect(() => s3.restore(s3.ObjectSummary('b', 'k').toJSON(), S3Object)).toThrow(
      /expected a S3Object, the JSON is of type 'ObjectSummary'/,
    );
    expect(s3.restore(s3.ObjectSummary('b', 'k').toJSON(), ObjectSummary)).toBeInstanceOf(
      ObjectSummary,
    );
    // Any resource class is a valid (if loose) target.
    expect(s3.restore(s3.Bucket('b').toJSON(), Resource)).toBeInstanceOf(Bucket);
    expect(
      new DynamoDB(config).restore(
        { service: 'dynamodb', type: 'Table', identifiers: { name: 't' } },
        Table,
      ).name,
    ).toBe('t');
    expect(
      new EC2(config).restore(
        { service: 'ec2', type: 'Instance', identifiers: { id: 'i-1' } },
        Instance,
      ).id,
    ).toBe('i-1');
  });
});

describe('restore validation', () => {
  const s3 = new S3(config);
  const bad: Array<[what: string, json: unknown, message: RegExp | Error]> = [
    ['not JSON text', '{"service":', /^S3\.restore: the string is not JSON \(/],
    [
      'a number',
      42,
      /expected a resource's toJSON\(\) value \{ service, type, identifiers \}, got number/,
    ],
    ['null', null, /got null/],
    ['an array', [], /got an array/],
    [
      'another service',
      new DynamoDB(config).Table('t').toJSON(),
      /the resource is of service 'dynamodb', not 's3'/,
    ],
    [
      'no service',
      { type: 'Bucket', identifiers: { name: 'b' } },
      /of service undefined, not 's3'/,
    ],
    [
      'an unknown type',
      { service: 's3', type: 'Table', identifiers: {} },
      /'Table' is not a resource type of 's3' \(one of Bucket, .*Object/,
    ],
    [
      'a prototype member as type',
      { service: 's3', type: 'toString', identifiers: {} },
      /'toString' is not a resource type/,
    ],
    [
      'identifiers not an object',
      { service: 's3', type: 'Bucket', identifiers: 'b' },
      /'identifiers' must be an object, got 'b'/,
    ],
    [
      'a missing identifier',
      { service: 's3', type: 'Object', identifiers: { bucketName: 'b' } },
      /Object identifier 'key' is missing \(its identifiers: bucketName, key\)/,
    ],
    [
      'an unknown identifier',
      { service: 's3', type: 'Bucket', identifiers: { name: 'b', Name: 'b' } },
      /Bucket has no identifier 'Name' \(its identifiers: name\)/,
    ],
  ];

  it.each(bad)('refuses %s', (_what, json, message) => {
    expect(() => s3.restore(json)).toThrow(ParamValidationError);
    expect(() => s3.restore(json)).toThrow(message);
  });

  it('identifier values are checked as a factory checks them', () => {
    expect(() => s3.restore({ service: 's3', type: 'Bucket', identifiers: { name: '' } })).toThrow(
      new IdentifierError('Bucket', 'name', 'must not be empty'),
    );
    expect(() =>
      s3.restore({
        service: 's3',
        type: 'MultipartUploadPart',
        identifiers: { bucketName: 'b', objectKey: 'k', multipartUploadId: 'u', partNumber: '1' },
      }),
    ).toThrow(IdentifierError);
  });
});
