/**
 * Conditions and attributes print as a person reads them, in `String(...)`, template strings,
 * Node's `inspect` (the REPL, `console.log`), and inside other printed values.
 */
import { inspect } from 'node:util';
import { NumberValue } from '@aws-sdk/lib-dynamodb';
import { Attr, Key, and, not, or } from '../../src/resources/dynamodb/conditions/index.js';

describe('printing conditions', () => {
  it.each([
    [Key('pk').eq('a'), 'Key(pk) = "a"'],
    [Key('n').between(1, 9), 'Key(n) BETWEEN 1 AND 9'],
    [Key('sk').beginsWith('order#'), 'begins_with(Key(sk), "order#")'],
    [Attr('total').gt(10), 'Attr(total) > 10'],
    [Attr('a').ne(null), 'Attr(a) <> null'],
    [Attr('ok').eq(true), 'Attr(ok) = true'],
    [Attr('price').lt(Attr('limit')), 'Attr(price) < Attr(limit)'],
    [Attr('tags').size().gte(2), 'size(Attr(tags)) >= 2'],
    [Attr('status').in(['new', 'open']), 'Attr(status) IN ("new", "open")'],
    [Attr('info.rating').exists(), 'attribute_exists(Attr(info.rating))'],
    [Attr('lines[0].sku').notExists(), 'attribute_not_exists(Attr(lines[0].sku))'],
    [Attr('tags').contains('vip'), 'contains(Attr(tags), "vip")'],
    [Attr('n').attributeType('N'), 'attribute_type(Attr(n), "N")'],
    [Attr('big').eq(2n ** 64n), 'Attr(big) = 18446744073709551616'],
    [Attr('exact').eq(NumberValue.from('0.1')), 'Attr(exact) = 0.1'],
    [Attr('s').eq(new Set(['a', 'b'])), 'Attr(s) = Set("a", "b")'],
    [Attr('l').eq([1, 'x']), 'Attr(l) = [1, "x"]'],
    [Attr('m').eq({ a: 1, b: { c: 'd' } }), 'Attr(m) = {a: 1, b: {c: "d"}}'],
    [Attr('bin').eq(new Uint8Array([1, 2, 3])), 'Attr(bin) = <3 bytes>'],
  ])('%s', (condition, text) => {
    expect(String(condition)).toBe(text);
  });

  it('joins AND / OR without outer parentheses, and groups what is nested', () => {
    const c = Attr('total').gt(10).and(Attr('s').beginsWith('a'));
    expect(`${c}`).toBe('Attr(total) > 10 AND begins_with(Attr(s), "a")');
    expect(String(c.or(Attr('vip').eq(true)))).toBe(
      '(Attr(total) > 10 AND begins_with(Attr(s), "a")) OR Attr(vip) = true',
    );
    expect(String(and(Attr('a').eq(1), or(Attr('b').eq(2), Attr('c').eq(3))))).toBe(
      'Attr(a) = 1 AND (Attr(b) = 2 OR Attr(c) = 3)',
    );
    // a.and(b).and(c) is one flat AND, as it is sent.
    expect(String(Key('pk').eq('a').and(Key('sk').gt(1)).and(Key('x').lt(2)))).toBe(
      'Key(pk) = "a" AND Key(sk) > 1 AND Key(x) < 2',
    );
  });

  it('puts NOT before one operand, or before a parenthesised group', () => {
    expect(String(not(Attr('deleted').exists()))).toBe('NOT attribute_exists(Attr(deleted))');
    expect(String(Attr('a').eq(1).or(Attr('b').eq(2)).not())).toBe(
      'NOT (Attr(a) = 1 OR Attr(b) = 2)',
    );
  });

  it('inspects as the condition class and its text, also inside other values', () => {
    expect(inspect(Key('pk').eq('a'))).toBe('[KeyCondition: Key(pk) = "a"]');
    expect(inspect(Attr('total').gt(10).and(Attr('s').beginsWith('a')))).toBe(
      '[Condition: Attr(total) > 10 AND begins_with(Attr(s), "a")]',
    );
    expect(inspect({ FilterExpression: Attr('x').exists() })).toBe(
      '{ FilterExpression: [Condition: attribute_exists(Attr(x))] }',
    );
  });

  it('prints the attributes themselves', () => {
    expect(String(Key('pk'))).toBe('Key(pk)');
    expect(String(Attr('a.b[1]'))).toBe('Attr(a.b[1])');
    expect(String(Attr('tags').size())).toBe('size(Attr(tags))');
    expect(inspect(Key('pk'))).toBe('[KeyAttribute: Key(pk)]');
    expect(inspect(Attr('total'))).toBe('[ConditionAttribute: Attr(total)]');
    expect(inspect(Attr('tags').size())).toBe('[SizeOperand: size(Attr(tags))]');
  });

  it('prints typed conditions the same way', () => {
    interface Order {
      pk: string;
      total: number;
    }
    expect(String(Key<Order, 'pk'>('pk').eq('c#1'))).toBe('Key(pk) = "c#1"');
    expect(inspect(Attr<Order, 'total'>('total').between(1, 5))).toBe(
      '[Condition: Attr(total) BETWEEN 1 AND 5]',
    );
  });
});
