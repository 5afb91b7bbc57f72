/** Identifiers: checked when a resource is made, before any request; then fixed and enumerable. */
import { IdentifierError, ParamValidationError } from '../../src/core/errors.js';
import { things } from './fixtures/things.js';

function identifierError(make: () => unknown): IdentifierError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(IdentifierError);
    expect(error).toBeInstanceOf(ParamValidationError);
    return error as IdentifierError;
  }
  throw new Error('expected an IdentifierError');
}

describe('identifiers', () => {
  it.each([
    ['missing', undefined, /identifier 'thingId' is missing/],
    ['null', null, /identifier 'thingId' is missing/],
    ['empty', '', /identifier 'thingId' must not be empty/],
    ['a number', 5, /identifier 'thingId' must be a string, got number/],
    ['an object', { id: 'x' }, /identifier 'thingId' must be a string, got object/],
  ])(
    'a string identifier that is %s fails, naming resource and identifier',
    (_, value, message) => {
      const { service, client } = things();
      const error = identifierError(() => service.Thing(value as string));
      expect(error.resource).toBe('Thing');
      expect(error.identifier).toBe('thingId');
      expect(error.message).toMatch(/^Thing: /);
      expect(error.message).toMatch(message);
      expect(client.sent).toEqual([]);
    },
  );

  it.each([
    ['a fraction', 1.5],
    ['NaN', NaN],
    ['a numeric string', '3'],
    ['an unsafe integer', 2 ** 60],
  ])('an integer identifier rejects %s', (_, value) => {
    const { service, client } = things();
    const error = identifierError(() => service.Part('t', value as number));
    expect(error.resource).toBe('Part');
    expect(error.identifier).toBe('partNumber');
    expect(error.message).toMatch(/^Part: identifier 'partNumber' must be an integer/);
    expect(client.sent).toEqual([]);
  });

  it('names the missing input of a sub-resource, not an identifier the parent fills', () => {
    const { service, client } = things();
    const thing = service.Thing('t1');
    const error = identifierError(() => thing.subResource('Part'));
    expect(error.identifier).toBe('partNumber');
    expect(client.sent).toEqual([]);
  });

  it('are enumerable own properties', () => {
    const { service } = things();
    const part = service.Part('t1', 0);
    expect(Object.keys(part)).toEqual(['thingId', 'partNumber']);
    expect(Object.getOwnPropertyDescriptor(part, 'partNumber')).toMatchObject({
      value: 0,
      enumerable: true,
    });
    expect({ ...part }).toEqual({ thingId: 't1', partNumber: 0 });
  });

  it('are readonly at run time', () => {
    const { service } = things();
    const part = service.Part('t1', 0);
    expect(() => {
      (part as { thingId: string }).thingId = 'other';
    }).toThrow(TypeError);
    expect(part.thingId).toBe('t1');
  });

  it('are set from the factory arguments without any request', () => {
    const { service, client } = things();
    const part = service.Thing('t1').Part(7);
    expect([part.thingId, part.partNumber]).toEqual(['t1', 7]);
    expect(part.meta.identifiers).toEqual({ thingId: 't1', partNumber: 7 });
    expect(client.sent).toEqual([]);
  });
});
