/**
 * Collections as JSON, without a request: `toJSON()` of every kind of collection, the value
 * encoding of checkpoints, and the clear errors of bad checkpoints (checked before anything
 * is sent: the clients here point at nothing and count what they would send).
 */
import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { ParamValidationError } from '../../src/index.js';
import {
  DynamoDB,
  ItemCollection,
  Attr,
  Key,
  ScanCollection,
} from '../../src/resources/dynamodb/index.js';
import { S3, ObjectSummaryCollection } from '../../src/resources/s3/index.js';
import { EC2 } from '../../src/resources/ec2/index.js';
import { decodeValue, encodeValue } from '../../src/collections/checkpoint-values.js';

const config = {
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'SECRETKEYID', secretAccessKey: 'SECRETVALUE' },
  maxAttempts: 1,
};
const s3 = new S3({ ...config, forcePathStyle: true });
const dynamodb = new DynamoDB(config);
let sent = 0;
for (const client of [s3.meta.client, dynamodb.meta.client]) {
  (client.middlewareStack as { add(m: unknown, o: object): void }).add(
    (next: (args: unknown) => unknown) => (args: unknown) => {
      sent += 1;
      return next(args);
    },
    { step: 'initialize', name: 'countAttempts' },
  );
}

describe('toJSON', () => {
  it('writes the owner, the collection, its merged params, limit and page size', () => {
    const json = s3
      .Bucket('b')
      .objects.filter({ Prefix: 'a/' })
      .filter({ StartAfter: 'a/1' })
      .limit(5)
      .pageSize(2)
      .toJSON();
    expect(json).toEqual({
      service: 's3',
      type: 'Bucket',
      identifiers: { name: 'b' },
      collection: 'objects',
      params: { Prefix: 'a/', StartAfter: 'a/1' },
      limit: 5,
      pageSize: 2,
    });
    expect(JSON.stringify(json)).not.toMatch(/SECRET/);
    expect(new EC2(config).instances.all().toJSON()).toEqual({
      service: 'ec2',
      collection: 'instances',
      params: {},
    });
  });

  it('round-trips a collection of each kind, to its own class', () => {
    const objects = s3.Bucket('b').objects.filter({ Prefix: 'a/' }).pageSize(3);
    const back = s3.restore(JSON.stringify(objects));
    expect(back).toBeInstanceOf(ObjectSummaryCollection);
    expect(back.toJSON()).toEqual(objects.toJSON());
    const table = dynamodb.Table('t');
    const scan = table.scan({
      FilterExpression: Attr('tags')
        .contains('x')
        .and(Attr('n').eq(new NumberValue('1.50'))),
    });
    const scanBack = dynamodb.restore(JSON.parse(JSON.stringify(scan)) as unknown, ScanCollection);
    expect(scanBack.toJSON()).toEqual(scan.toJSON());
    const query = table.query({ KeyConditionExpression: Key('id').eq('u') });
    expect(dynamodb.restore(query.toJSON())).toBeInstanceOf(ItemCollection);
    expect(dynamodb.restore(query.toJSON())).not.toBeInstanceOf(ScanCollection);
    // A restored collection chains: the next filter's placeholders do not clash.
    const more = scanBack.filter({ ProjectionExpression: 'id' }).toJSON().params;
    expect(more).toMatchObject({ ProjectionExpression: 'id' });
    expect(sent).toBe(0);
  });

  it('segments are scans with Segment and TotalSegments, refused twice', () => {
    const [, second] = dynamodb.Table('t').scan().segments(3);
    expect(second?.toJSON().params).toEqual({ Segment: 1, TotalSegments: 3 });
    expect(() => second?.segments(2)).toThrow(/a segment already/);
    expect(() => dynamodb.Table('t').scan().segments(0)).toThrow(ParamValidationError);
  });
});

describe('value encoding', () => {
  it('round-trips values JSON cannot hold, unambiguously', () => {
    const value = {
      bytes: new Uint8Array([0, 1, 255]),
      big: 12345678901234567890n,
      set: new Set(['a', 'b']),
      numbers: new Set([new NumberValue('1.5')]),
      map: new Map([['k', 1]]),
      at: new Date('2026-01-02T03:04:05.000Z'),
      looksTagged: { $bytes: 'not really' },
      ['__proto__']: 'data',
      list: [1, 'x', null, true],
    };
    const codec = (ItemCollection as unknown as Record<symbol, never>)[
      Object.getOwnPropertySymbols(ItemCollection).find(
        (s) => s.description === 'aws-resources.codec',
      ) as symbol
    ];
    const text = JSON.stringify(encodeValue(value, codec, 'v'));
    const back = decodeValue(JSON.parse(text), codec, 'v') as typeof value;
    expect(back.bytes).toEqual(value.bytes);
    expect(back.big).toBe(value.big);
    expect(back.set).toEqual(value.set);
    expect([...back.numbers][0]).toBeInstanceOf(NumberValue);
    expect(back.map).toEqual(value.map);
    expect(back.at).toEqual(value.at);
    expect(back.looksTagged).toEqual({ $bytes: 'not really' });
    expect(Object.getOwnPropertyDescriptor(back, '__proto__')?.value).toBe('data');
    expect(back.list).toEqual(value.list);
  });

  it('refuses what has no JSON form', () => {
    expect(() => encodeValue({ f: () => 1 }, undefined, 'params')).toThrow(/params.f: a function/);
    expect(() => encodeValue({ n: NaN }, undefined, 'params')).toThrow(/params.n: NaN/);
    expect(() => encodeValue({ c: new (class Thing {})() }, undefined, 'params')).toThrow(
      /a Thing/,
    );
  });
});

describe('bad checkpoints: a clear ParamValidationError before any request', () => {
  const good = s3.Bucket('b').objects.all().toJSON();
  const cases: [string, unknown, RegExp][] = [
    [
      'another service',
      { ...good, service: 'dynamodb' },
      /the collection is of service 'dynamodb', not 's3'/,
    ],
    [
      'an unknown collection',
      { ...good, collection: 'delete' },
      /'delete' is not a collection of Bucket \(its collections: [a-zA-Z, ]*objects/,
    ],
    ['no params', { ...good, params: 'x' }, /'params' must be an object/],
    ['a bad limit', { ...good, limit: -1 }, /'limit' must be an integer ≥ 0/],
    ['a bad pageSize', { ...good, pageSize: 0 }, /'pageSize' must be an integer ≥ 1/],
    [
      'a bad position',
      { ...good, position: { tokens: {}, skip: 'x' } },
      /'position' must be 'end' or/,
    ],
    ['an extra member', { ...good, client: {} }, /has no member 'client'/],
    [
      'an unknown tag',
      { ...good, params: { Prefix: { $evil: 'x' } } },
      /unknown value tag '\$evil'/,
    ],
    ['a bad owner', { ...good, identifiers: {} }, /Bucket identifier 'name' is missing/],
    [
      'a service collection that is not',
      { service: 's3', collection: 'objects', params: {} },
      /'objects' is not a collection of S3 \(its collections: buckets\)/,
    ],
    ['not JSON', '{"collection"', /the string is not JSON/],
  ];
  it.each(cases)('%s', (_name, json, message) => {
    expect(() => s3.restore(json)).toThrow(ParamValidationError);
    expect(() => s3.restore(json)).toThrow(message);
    expect(sent).toBe(0);
  });

  it('a typed restore refuses a collection of another class', () => {
    expect(() => s3.restore(good, class Other {} as never)).toThrow(ParamValidationError);
  });
});
