/**
 * Native values: numbers never rounded (2^53 + 1, 0.1, 38-digit decimals), bad values
 * refused before any request with the path named, `__proto__`/`constructor` keys as data.
 * No network: marshall → unmarshall in memory.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, NumberValue, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { ParamValidationError } from '../../src/core/errors.js';
import {
  fromAttributeValue,
  mapFrom,
  toAttributeValue,
} from '../../src/resources/dynamodb/attribute-values.js';
import { canonicalDecimal, numberText } from '../../src/resources/dynamodb/numbers.js';
import {
  marshallInput,
  unmarshallOutput,
  type KeyNodes,
} from '../../src/resources/dynamodb/translate.js';
import {
  checkNativeValues,
  translateConfig,
  wrapNumber,
} from '../../src/resources/dynamodb/values.js';

const TWO_53_PLUS_1 = '9007199254740993';
const DECIMAL_38 = '1234567890123456789.0123456789012345678';
const roundTrip = (value: unknown) => fromAttributeValue(toAttributeValue(value, 'v'));

describe('numbers come back exact', () => {
  it.each([
    ['42', 42],
    ['-7', -7],
    ['0', 0],
    ['0.1', 0.1],
    ['-2.5', -2.5],
    ['0.30000000000000004', 0.30000000000000004],
    ['1e-7', 1e-7],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
    ['-9007199254740991', Number.MIN_SAFE_INTEGER],
    // Non-canonical spellings (moto returns numbers as they were sent; DynamoDB normalises).
    ['1.50', 1.5],
    ['1E2', 100],
    ['007', 7],
  ])('%s → the number %p', (text, expected) => {
    expect(wrapNumber(text)).toBe(expected);
  });

  it('-0 reads as 0', () => {
    expect(Object.is(wrapNumber('-0'), 0)).toBe(true);
  });

  it.each([
    [TWO_53_PLUS_1],
    ['9007199254740992'], // exact in binary, but beyond the safe range: could not be written back
    ['-9007199254740993'],
    [DECIMAL_38],
    ['0.3000000000000000444'],
    ['12345678901234567890123456789012345678'],
    ['1e400'],
    ['1e-400'],
  ])('%s → a NumberValue holding the exact string', (text) => {
    const value = wrapNumber(text);
    expect(value).toBeInstanceOf(NumberValue);
    expect((value as NumberValue).value).toBe(text);
  });

  it('canonicalDecimal compares spellings of one number', () => {
    expect(canonicalDecimal('1.50')).toBe(canonicalDecimal('15e-1'));
    expect(canonicalDecimal('100')).toBe('1e2');
    expect(canonicalDecimal('-0.00')).toBe('0');
    expect(canonicalDecimal('+1')).toBe('1e0');
    expect(canonicalDecimal('abc')).toBeUndefined();
    expect(canonicalDecimal('.')).toBeUndefined();
    expect(canonicalDecimal('')).toBeUndefined();
  });
});

describe('numbers go in exact', () => {
  it('2^53 + 1 as a BigInt goes in and comes back as a NumberValue', () => {
    const av = toAttributeValue(2n ** 53n + 1n, 'Item.n');
    expect(av).toEqual({ N: TWO_53_PLUS_1 });
    expect(fromAttributeValue(av)).toEqual(new NumberValue(TWO_53_PLUS_1));
    expect((fromAttributeValue(av) as NumberValue).toBigInt()).toBe(2n ** 53n + 1n);
  });

  it('floats are accepted and round-trip: 0.1, -2.5, 1e-7', () => {
    for (const n of [0.1, -2.5, 1e-7, 0.1 + 0.2]) expect(roundTrip(n)).toBe(n);
    expect(toAttributeValue(0.1, 'v')).toEqual({ N: '0.1' });
    expect(toAttributeValue(-0, 'v')).toEqual({ N: '0' });
  });

  it('a 38-digit decimal round-trips as a NumberValue with the same string', () => {
    const back = roundTrip(new NumberValue(DECIMAL_38));
    expect(back).toBeInstanceOf(NumberValue);
    expect((back as NumberValue).value).toBe(DECIMAL_38);
  });

  it('numberText explains unsafe numbers', () => {
    expect(numberText(2 ** 53)).toEqual({
      problem: expect.stringMatching(/BigInt \(9007199254740992n\) or a NumberValue/),
    });
    expect(numberText(NaN).problem).toMatch(/NaN is not a DynamoDB number/);
    expect(numberText(new NumberValue('12.5'))).toEqual({ text: '12.5' });
  });
});

describe('translateConfig with util-dynamodb marshall → unmarshall (no network)', () => {
  const through = (item: Record<string, unknown>) =>
    unmarshall(
      marshall(item, translateConfig.marshallOptions) as unknown as Record<string, AttributeValue>,
      translateConfig.unmarshallOptions,
    );

  it('2^53 + 1, 0.1 and 38 digits survive', () => {
    const back = through({
      big: 2n ** 53n + 1n,
      float: 0.1,
      decimal: new NumberValue(DECIMAL_38),
      set: new Set([1, 2]),
      safe: 12,
    });
    expect(back).toStrictEqual({
      big: new NumberValue(TWO_53_PLUS_1),
      float: 0.1,
      decimal: new NumberValue(DECIMAL_38),
      set: new Set([1, 2]),
      safe: 12,
    });
  });

  it('refuses undefined, unsafe numbers and class instances', () => {
    expect(() => marshall({ a: undefined }, translateConfig.marshallOptions)).toThrow(/undefined/);
    expect(() => marshall({ a: 2 ** 53 + 2 }, translateConfig.marshallOptions)).toThrow(
      /MAX_SAFE_INTEGER/,
    );
    expect(() => marshall({ a: new Date() }, translateConfig.marshallOptions)).toThrow(
      /Unsupported type/,
    );
  });

  it('is the same as our own conversion for ordinary values', () => {
    const item = {
      s: 'x',
      n: 1.25,
      b: true,
      z: null,
      l: [1, 'a'],
      m: { k: new Set(['q']) },
      bin: new Uint8Array([1]),
    };
    expect(toAttributeValue(item, 'Item')).toEqual(marshall(item, translateConfig.marshallOptions));
    expect(roundTrip(item)).toEqual(through(item));
  });
});

describe('supported values', () => {
  it('converts every DynamoDB type both ways', () => {
    const item = {
      s: '',
      n: 3,
      big: 12n,
      nv: new NumberValue('1.000000000000000000001'),
      t: true,
      f: false,
      z: null,
      bin: new Uint8Array([0, 255]),
      buf: Buffer.from('hi'),
      list: [1, ['nested'], { a: 1 }],
      map: { inner: { deeper: 'x' } },
      nullProto: Object.assign(Object.create(null) as object, { a: 1 }),
      ss: new Set(['a', 'b']),
      ns: new Set([1, 2n, new NumberValue('3.5')]),
      bs: new Set([new Uint8Array([1]), new Uint8Array([2])]),
      jsMap: new Map([['k', 1]]),
    };
    expect(toAttributeValue(item, 'Item')).toEqual({
      M: {
        s: { S: '' },
        n: { N: '3' },
        big: { N: '12' },
        nv: { N: '1.000000000000000000001' },
        t: { BOOL: true },
        f: { BOOL: false },
        z: { NULL: true },
        bin: { B: new Uint8Array([0, 255]) },
        buf: { B: Buffer.from('hi') },
        list: { L: [{ N: '1' }, { L: [{ S: 'nested' }] }, { M: { a: { N: '1' } } }] },
        map: { M: { inner: { M: { deeper: { S: 'x' } } } } },
        nullProto: { M: { a: { N: '1' } } },
        ss: { SS: ['a', 'b'] },
        ns: { NS: ['1', '2', '3.5'] },
        bs: { BS: [new Uint8Array([1]), new Uint8Array([2])] },
        jsMap: { M: { k: { N: '1' } } },
      },
    });
    expect(roundTrip(item)).toEqual({
      ...item,
      big: 12,
      nullProto: { a: 1 },
      ns: new Set([1, 2, 3.5]),
      jsMap: { k: 1 },
    });
  });

  it('__proto__ and constructor keys are plain data, both ways, at every level', () => {
    const item = JSON.parse(
      '{"__proto__":{"polluted":true},"constructor":"c","m":{"constructor":{"name":"Set"},"__proto__":"p"}}',
    ) as Record<string, unknown>;
    checkNativeValues(item, 'Item');
    const av = toAttributeValue(item, 'Item') as { M: Record<string, AttributeValue> };
    expect(Object.keys(av.M)).toEqual(['__proto__', 'constructor', 'm']);
    expect(Object.getOwnPropertyDescriptor(av.M, '__proto__')?.value).toEqual({
      M: { polluted: { BOOL: true } },
    });
    const back = fromAttributeValue(av) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__', 'constructor', 'm']);
    expect(Object.getOwnPropertyDescriptor(back, '__proto__')?.value).toEqual({ polluted: true });
    expect(back.constructor).toBe('c');
    const m = back.m as Record<string, unknown>;
    expect(Object.getOwnPropertyDescriptor(m, '__proto__')?.value).toBe('p');
    expect(m.constructor).toEqual({ name: 'Set' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(mapFrom(av.M)).toEqual(back);
  });
});

describe('bad values fail with the path named', () => {
  class Point {
    constructor(readonly x = 1) {}
  }
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  const symbolKeyed = { ok: 1, [Symbol('s')]: 2 };

  it.each<[string, unknown, string | RegExp]>([
    ['an empty Set', { tags: new Set() }, 'Item.tags: an empty Set is not a DynamoDB value'],
    [
      'a Set of mixed types',
      { s: new Set(['a', 1]) },
      'Item.s: a Set of mixed types (string and number)',
    ],
    [
      'a Set with null',
      { s: new Set([null]) },
      'Item.s: a Set holds only strings, numbers or Uint8Arrays, not null',
    ],
    [
      'a Set of objects',
      { s: new Set([{}]) },
      'Item.s: a Set holds only strings, numbers or Uint8Arrays, not an Object',
    ],
    [
      'duplicate numbers in a Set',
      { s: new Set([1, 1n]) },
      'Item.s: the number 1 is in the Set twice',
    ],
    [
      'duplicate binaries in a Set',
      { s: new Set([new Uint8Array([1]), new Uint8Array([1])]) },
      'Item.s: the same binary value is in the Set twice',
    ],
    ['a function', { f: () => 1 }, 'Item.f: a function is not a DynamoDB value'],
    ['a symbol', { s: Symbol('x') }, 'Item.s: a symbol is not a DynamoDB value'],
    ['NaN', { n: NaN }, 'Item.n: NaN is not a DynamoDB number'],
    ['Infinity', { n: [1, Infinity] }, 'Item.n[1]: Infinity is not a DynamoDB number'],
    ['-Infinity', { n: -Infinity }, 'Item.n: -Infinity is not a DynamoDB number'],
    [
      'an unsafe integer',
      { n: 2 ** 53 + 2 },
      /^Item\.n: 9007199254740994 is beyond JavaScript's exact integer range .* use a BigInt \(9007199254740994n\) or a NumberValue/,
    ],
    ['a large float', { n: 1e300 }, /^Item\.n: 1e\+300 is beyond/],
    [
      'a bad NumberValue',
      { n: new NumberValue('12abc') },
      "Item.n: NumberValue '12abc' is not a decimal number",
    ],
    [
      'a Date',
      { when: new Date(0) },
      'Item.when: a Date is not a DynamoDB value: store date.toISOString() (a string) or date.getTime() (a number)',
    ],
    ['a class instance', { p: new Point() }, 'Item.p: a Point instance is not a DynamoDB value'],
    [
      'an Int16Array',
      { b: new Int16Array(2) },
      'Item.b: an Int16Array is not a DynamoDB binary value: pass a Uint8Array (or Buffer)',
    ],
    [
      'an ArrayBuffer',
      { b: new ArrayBuffer(2) },
      'Item.b: an ArrayBuffer is not a DynamoDB binary value',
    ],
    [
      'undefined in a map',
      { a: { b: undefined } },
      'Item.a.b: undefined is not a DynamoDB value: leave the attribute out, or use null',
    ],
    ['undefined in a list', { l: [1, undefined] }, 'Item.l[1]: undefined is not a DynamoDB value'],
    [
      'a hole in a list',
      { l: new Array<unknown>(3).fill(1, 0, 1) },
      'Item.l[1]: undefined is not a DynamoDB value',
    ],
    ['a circular reference', cyclic, 'Item.self: circular reference'],
    ['symbol keys', symbolKeyed, 'Item: symbol keys are not DynamoDB attribute names'],
    [
      'a Map with a number key',
      { m: new Map([[1, 'x']]) },
      'Item.m: Map keys must be strings, got a number',
    ],
    ['a boxed string', { s: new String('x') }, 'Item.s: a String instance is not a DynamoDB value'],
    ['an odd key', { 'a b': { 'c.d': [new Set()] } }, 'Item["a b"]["c.d"][0]: an empty Set'],
  ])('%s', (_name, value, message) => {
    let thrown: unknown;
    try {
      checkNativeValues(value, 'Item');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ParamValidationError);
    if (typeof message === 'string') expect((thrown as Error).message).toContain(message);
    else expect((thrown as Error).message).toMatch(message);
  });

  it('the label is used as given', () => {
    expect(() => checkNativeValues({ x: new Set() }, 'Table.putItem: Item')).toThrow(
      /^Table\.putItem: Item\.x: an empty Set/,
    );
    expect(() => checkNativeValues(undefined, 'Key')).toThrow(/^Key: undefined/);
  });

  it('the same object twice (not a cycle) is fine', () => {
    const shared = { a: 1 };
    expect(() => checkNativeValues({ x: shared, y: [shared, shared] }, 'Item')).not.toThrow();
  });
});

describe('marshallInput / unmarshallOutput along lib-dynamodb key nodes', () => {
  const nodes = (command: object, which: 'inputKeyNodes' | 'outputKeyNodes') =>
    (command as unknown as Record<string, KeyNodes>)[which]!;

  it('converts only the value members and names paths from the input root', () => {
    const put = new PutCommand({ TableName: 't', Item: {} });
    const input = {
      TableName: 't',
      Item: { id: 'a', n: 1 },
      ConditionExpression: '#n0 = :v0',
      ExpressionAttributeValues: { ':v0': 2n ** 60n },
    };
    expect(marshallInput(input, nodes(put, 'inputKeyNodes'), 'PutItem')).toEqual({
      TableName: 't',
      Item: { id: { S: 'a' }, n: { N: '1' } },
      ConditionExpression: '#n0 = :v0',
      ExpressionAttributeValues: { ':v0': { N: String(2n ** 60n) } },
    });
    expect(() =>
      marshallInput({ Item: { id: 'a', gone: undefined } }, nodes(put, 'inputKeyNodes'), 'PutItem'),
    ).toThrow(/^PutItem: Item\.gone: undefined is not a DynamoDB value/);
    expect(() =>
      marshallInput(
        { ExpressionAttributeValues: { ':x': new Set() } },
        nodes(put, 'inputKeyNodes'),
        'PutItem',
      ),
    ).toThrow('PutItem: ExpressionAttributeValues[":x"]: an empty Set');
    expect(() => marshallInput({ Item: 'nope' }, nodes(put, 'inputKeyNodes'), 'PutItem')).toThrow(
      'PutItem: Item must be an object or an array',
    );
  });

  it('walks nested key nodes (BatchWriteItem) and keeps __proto__ table items', () => {
    const batch = new BatchWriteCommand({ RequestItems: {} });
    const input = {
      RequestItems: {
        'my-table': [
          { PutRequest: { Item: JSON.parse('{"id":"a","__proto__":1}') } },
          { DeleteRequest: { Key: { id: 'b' } } },
        ],
      },
    };
    const marshalled = marshallInput(
      input,
      nodes(batch, 'inputKeyNodes'),
      'BatchWriteItem',
    ) as typeof input;
    const item = marshalled.RequestItems['my-table']![0]!.PutRequest!.Item as Record<
      string,
      unknown
    >;
    expect(Object.keys(item)).toEqual(['id', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(item, '__proto__')?.value).toEqual({ N: '1' });
    expect(marshalled.RequestItems['my-table']![1]).toEqual({
      DeleteRequest: { Key: { id: { S: 'b' } } },
    });
    expect(() =>
      marshallInput(
        { RequestItems: { 'my-table': [{ PutRequest: { Item: { d: new Date() } } }] } },
        nodes(batch, 'inputKeyNodes'),
        'BatchWriteItem',
      ),
    ).toThrow(/^BatchWriteItem: RequestItems\["my-table"\]\[0\]\.PutRequest\.Item\.d: a Date/);
  });

  it('unmarshalls outputs (Query items and LastEvaluatedKey) with exact numbers', () => {
    const query = new QueryCommand({ TableName: 't' });
    const output = {
      Items: [{ id: { S: 'a' }, n: { N: TWO_53_PLUS_1 } }],
      LastEvaluatedKey: { id: { S: 'a' } },
      Count: 1,
      $metadata: {},
    };
    expect(unmarshallOutput(output, nodes(query, 'outputKeyNodes'))).toEqual({
      Items: [{ id: 'a', n: new NumberValue(TWO_53_PLUS_1) }],
      LastEvaluatedKey: { id: 'a' },
      Count: 1,
      $metadata: {},
    });
  });
});
