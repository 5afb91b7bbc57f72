/**
 * The condition builders (Key, Attr) against the exact expression strings, names and values
 * they must produce.
 */
import { ParamValidationError } from '../../src/core/errors.js';
import {
  Attr,
  Condition,
  ExpressionPlaceholders,
  Key,
  KeyCondition,
  and,
  buildExpression,
  not,
  or,
} from '../../src/resources/dynamodb/conditions/index.js';

const build = (condition: Condition, isKeyCondition = false) =>
  buildExpression(condition, { isKeyCondition });

describe('Attr operators', () => {
  const cases: Array<[string, Condition, string, Record<string, unknown>]> = [
    ['eq', Attr('a').eq(1), '#n0 = :v0', { ':v0': 1 }],
    ['ne', Attr('a').ne('x'), '#n0 <> :v0', { ':v0': 'x' }],
    ['lt', Attr('a').lt(2), '#n0 < :v0', { ':v0': 2 }],
    ['lte', Attr('a').lte(2), '#n0 <= :v0', { ':v0': 2 }],
    ['gt', Attr('a').gt(2), '#n0 > :v0', { ':v0': 2 }],
    ['gte', Attr('a').gte(2), '#n0 >= :v0', { ':v0': 2 }],
    ['between', Attr('a').between(1, 9), '#n0 BETWEEN :v0 AND :v1', { ':v0': 1, ':v1': 9 }],
    ['beginsWith', Attr('a').beginsWith('pre'), 'begins_with(#n0, :v0)', { ':v0': 'pre' }],
    [
      'in',
      Attr('a').in(['x', 'y', 'z']),
      '#n0 IN (:v0, :v1, :v2)',
      { ':v0': 'x', ':v1': 'y', ':v2': 'z' },
    ],
    ['exists', Attr('a').exists(), 'attribute_exists(#n0)', {}],
    ['notExists', Attr('a').notExists(), 'attribute_not_exists(#n0)', {}],
    ['contains', Attr('a').contains('v'), 'contains(#n0, :v0)', { ':v0': 'v' }],
    ['attributeType', Attr('a').attributeType('NS'), 'attribute_type(#n0, :v0)', { ':v0': 'NS' }],
    ['size().eq', Attr('a').size().eq(3), 'size(#n0) = :v0', { ':v0': 3 }],
    ['size().ne', Attr('a').size().ne(3), 'size(#n0) <> :v0', { ':v0': 3 }],
    ['size().lt', Attr('a').size().lt(3), 'size(#n0) < :v0', { ':v0': 3 }],
    ['size().lte', Attr('a').size().lte(3), 'size(#n0) <= :v0', { ':v0': 3 }],
    ['size().gt', Attr('a').size().gt(2), 'size(#n0) > :v0', { ':v0': 2 }],
    ['size().gte', Attr('a').size().gte(3), 'size(#n0) >= :v0', { ':v0': 3 }],
    [
      'size().between',
      Attr('a').size().between(1, 4),
      'size(#n0) BETWEEN :v0 AND :v1',
      { ':v0': 1, ':v1': 4 },
    ],
    ['size().in', Attr('a').size().in([1, 2]), 'size(#n0) IN (:v0, :v1)', { ':v0': 1, ':v1': 2 }],
  ];

  it.each(cases)('%s', (_name, condition, expression, values) => {
    expect(build(condition)).toEqual({ expression, names: { '#n0': 'a' }, values });
  });

  it('compares two attributes with placeholders on both sides', () => {
    expect(build(Attr('price').lt(Attr('limits.max')))).toEqual({
      expression: '#n0 < #n1.#n2',
      names: { '#n0': 'price', '#n1': 'limits', '#n2': 'max' },
      values: {},
    });
    expect(build(Attr('a').eq(Attr('b').size())).expression).toBe('#n0 = size(#n1)');
  });

  it('keeps values native (sets, bigints, binary, null, maps)', () => {
    const set = new Set(['x']);
    const bytes = new Uint8Array([1, 2]);
    const { values } = build(
      and(
        Attr('s').eq(set),
        Attr('n').eq(2n ** 60n),
        Attr('b').eq(bytes),
        Attr('z').eq(null),
        Attr('m').eq({ k: [1] }),
      ),
    );
    expect(values[':v0']).toBe(set);
    expect(values[':v1']).toBe(2n ** 60n);
    expect(values[':v2']).toBe(bytes);
    expect(values[':v3']).toBeNull();
    expect(values[':v4']).toEqual({ k: [1] });
  });
});

describe('Key operators', () => {
  const cases: Array<[string, KeyCondition, string, Record<string, unknown>]> = [
    ['eq', Key('k').eq('a'), '#n0 = :v0', { ':v0': 'a' }],
    ['lt', Key('k').lt(5), '#n0 < :v0', { ':v0': 5 }],
    ['lte', Key('k').lte(5), '#n0 <= :v0', { ':v0': 5 }],
    ['gt', Key('k').gt(5), '#n0 > :v0', { ':v0': 5 }],
    ['gte', Key('k').gte(5), '#n0 >= :v0', { ':v0': 5 }],
    ['between', Key('k').between('a', 'm'), '#n0 BETWEEN :v0 AND :v1', { ':v0': 'a', ':v1': 'm' }],
    ['beginsWith', Key('k').beginsWith('order#'), 'begins_with(#n0, :v0)', { ':v0': 'order#' }],
  ];

  it.each(cases)('%s', (_name, condition, expression, values) => {
    expect(condition).toBeInstanceOf(KeyCondition);
    expect(build(condition, true)).toEqual({ expression, names: { '#n0': 'k' }, values });
  });

  it('has only the key operators (boto3 Key)', () => {
    const key = Key('k') as unknown as Record<string, unknown>;
    for (const method of ['ne', 'in', 'exists', 'notExists', 'contains', 'size', 'attributeType']) {
      expect(key[method]).toBeUndefined();
    }
  });

  it('combines partition and sort key conditions with and', () => {
    const condition = Key('pk').eq('user#1').and(Key('sk').between(1, 9));
    expect(condition).toBeInstanceOf(KeyCondition);
    expect(build(condition, true)).toEqual({
      expression: '(#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2)',
      names: { '#n0': 'pk', '#n1': 'sk' },
      values: { ':v0': 'user#1', ':v1': 1, ':v2': 9 },
    });
    expect(and(Key('pk').eq(1), Key('sk').gt(2))).toBeInstanceOf(KeyCondition);
  });

  it('Key conditions also work as filter/condition expressions', () => {
    expect(build(Key('pk').eq(1).or(Attr('x').exists())).expression).toBe(
      '(#n0 = :v0 OR attribute_exists(#n1))',
    );
  });
});

describe('combining: and / or / not', () => {
  it('parenthesises every group so precedence is explicit', () => {
    const a = Attr('a').eq(1);
    const b = Attr('b').eq(2);
    const c = Attr('c').eq(3);
    expect(build(a.and(b).or(c)).expression).toBe('((#n0 = :v0 AND #n1 = :v1) OR #n2 = :v2)');
    expect(build(a.and(b.or(c))).expression).toBe('(#n0 = :v0 AND (#n1 = :v1 OR #n2 = :v2))');
    expect(build(a.or(b).not()).expression).toBe('(NOT (#n0 = :v0 OR #n1 = :v1))');
    expect(build(a.not().and(b)).expression).toBe('((NOT #n0 = :v0) AND #n1 = :v1)');
  });

  it('flattens chains of the same operator', () => {
    const a = Attr('a').eq(1);
    const b = Attr('b').eq(2);
    const c = Attr('c').eq(3);
    expect(build(a.and(b).and(c)).expression).toBe('(#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2)');
    expect(build(a.or(b.or(c))).expression).toBe('(#n0 = :v0 OR #n1 = :v1 OR #n2 = :v2)');
    expect(build(or(a, b, c)).expression).toBe('(#n0 = :v0 OR #n1 = :v1 OR #n2 = :v2)');
  });

  it('exported helpers match the methods', () => {
    const a = Attr('a').eq(1);
    const b = Attr('b').contains('x');
    expect(build(and(a, b))).toEqual(build(a.and(b)));
    expect(build(or(a, b))).toEqual(build(a.or(b)));
    expect(build(not(b))).toEqual(build(b.not()));
    expect(and(a)).toBe(a);
    expect(build(not(not(a))).expression).toBe('(NOT (NOT #n0 = :v0))');
  });

  it('conditions are immutable', () => {
    const a = Attr('a').eq(1);
    a.and(Attr('b').eq(2));
    a.not();
    expect(build(a).expression).toBe('#n0 = :v0');
  });

  it('rejects things that are not conditions', () => {
    expect(() => (and as (...c: unknown[]) => unknown)()).toThrow(ParamValidationError);
    expect(() =>
      Attr('a')
        .eq(1)
        .and('x = :y' as never),
    ).toThrow(/conditions made by Key/);
    expect(() => or(Attr('a').eq(1), {} as never)).toThrow(ParamValidationError);
    expect(() => buildExpression('a = :b' as never)).toThrow(ParamValidationError);
  });
});

describe('names and paths', () => {
  it('turns every segment of a document path into a placeholder', () => {
    expect(build(Attr('a.b[1].c').eq(1))).toEqual({
      expression: '#n0.#n1[1].#n2 = :v0',
      names: { '#n0': 'a', '#n1': 'b', '#n2': 'c' },
      values: { ':v0': 1 },
    });
    expect(build(Attr('list[0][12]').exists()).expression).toBe('attribute_exists(#n0[0][12])');
  });

  it('reuses the placeholder of a name used twice', () => {
    expect(build(Attr('a.a').eq(Attr('a')))).toEqual({
      expression: '#n0.#n0 = #n0',
      names: { '#n0': 'a' },
      values: {},
    });
  });

  it('reserved words and odd characters just work', () => {
    expect(build(Attr('name').eq('x').and(Attr('size').size().gt(1)))).toEqual({
      expression: '(#n0 = :v0 AND size(#n1) > :v1)',
      names: { '#n0': 'name', '#n1': 'size' },
      values: { ':v0': 'x', ':v1': 1 },
    });
    expect(build(Attr('my-attr #1').eq(1)).names).toEqual({ '#n0': 'my-attr #1' });
    expect(build(Attr('__proto__').exists()).names).toEqual(JSON.parse('{"#n0":"__proto__"}'));
  });

  it.each([
    ['', /non-empty string/],
    ['a..b', /empty name/],
    ['.a', /empty name/],
    ['[1]', /empty name/],
    ['a[x]', /bad list index/],
    ['a[1]b', /bad list index/],
    ['a[', /bad list index/],
    ['a[-1]', /bad list index/],
  ])('rejects the path %j', (path, message) => {
    expect(() => Attr(path)).toThrow(ParamValidationError);
    expect(() => Attr(path)).toThrow(message);
    expect(() => Key(path)).toThrow(message);
  });
});

describe('bad values', () => {
  it('names the builder and method for an undefined value', () => {
    expect(() => Attr('a').eq(undefined)).toThrow('Attr("a").eq(): the value is undefined');
    expect(() => Key('k').between(1, undefined)).toThrow(
      'Key("k").between(): the value is undefined',
    );
    expect(() => Attr('a').size().gt(undefined)).toThrow('Attr("a").size().gt()');
  });

  it('rejects an empty in() and an unknown attribute type', () => {
    expect(() => Attr('a').in([])).toThrow(/non-empty array/);
    expect(() => Attr('a').attributeType('X' as never)).toThrow(/'X' is not a DynamoDB type/);
  });
});

describe('key conditions', () => {
  it('an Attr in a key condition is an error naming the attribute', () => {
    const condition = Key('pk').eq('a').and(Attr('status').eq('x'));
    expect(() => build(condition, true)).toThrow(ParamValidationError);
    expect(() => build(condition, true)).toThrow(
      /Attr\("status"\) cannot be used in a key condition: use Key\("status"\)/,
    );
    expect(() =>
      buildExpression(Attr('pk').eq(1), {
        isKeyCondition: true,
        label: 'Table.query: KeyConditionExpression',
      }),
    ).toThrow(/^Table\.query: KeyConditionExpression: Attr\("pk"\)/);
  });

  it('OR, NOT and non-key functions are errors', () => {
    expect(() => build(Key('a').eq(1).or(Key('b').eq(2)), true)).toThrow(/cannot use OR/);
    expect(() => build(Key('a').eq(1).not(), true)).toThrow(/cannot use NOT/);
    expect(() => build(Attr('a').size().gt(1), true)).toThrow(
      /Attr\("a"\)\.size\(\) cannot be used/,
    );
    expect(() => build(Key('a').eq(Key('b') as never), true)).toThrow(/not with Key\("b"\)/);
    expect(() => build(Key('a').eq(Attr('b')), true)).toThrow(/Attr\("b"\) cannot be used/);
  });
});

describe('shared placeholders', () => {
  it('two expressions of one request never clash, and names are shared', () => {
    const placeholders = new ExpressionPlaceholders();
    const key = buildExpression(Key('pk').eq('a'), { isKeyCondition: true, placeholders });
    const filter = buildExpression(Attr('pk').ne('b').and(Attr('x').eq(1)), { placeholders });
    expect(key).toEqual({
      expression: '#n0 = :v0',
      names: { '#n0': 'pk' },
      values: { ':v0': 'a' },
    });
    expect(filter).toEqual({
      expression: '(#n0 <> :v1 AND #n1 = :v2)',
      names: { '#n0': 'pk', '#n1': 'x' },
      values: { ':v1': 'b', ':v2': 1 },
    });
    expect(placeholders.names).toEqual({ '#n0': 'pk', '#n1': 'x' });
    expect(placeholders.values).toEqual({ ':v0': 'a', ':v1': 'b', ':v2': 1 });
  });

  it("skips the caller's own placeholders", () => {
    const placeholders = new ExpressionPlaceholders({
      names: { '#n0': 'mine', '#n2': 'mine too' },
      values: { ':v0': 1, ':v1': 2 },
    });
    expect(buildExpression(Attr('a').eq(1).and(Attr('b').eq(2)), { placeholders })).toEqual({
      expression: '(#n1 = :v2 AND #n3 = :v3)',
      names: { '#n1': 'a', '#n3': 'b' },
      values: { ':v2': 1, ':v3': 2 },
    });
  });
});
