/** How resources and services print, compare and expose their client. */
import { inspect } from 'node:util';
import { things } from './fixtures/things.js';

describe('printing, equality and meta', () => {
  it('inspect shows the class and identifiers only', async () => {
    const { service } = things(() => ({ Thing: { Name: 'secret-ish data' } }));
    const thing = service.Thing('x');
    await thing.load();
    expect(inspect(thing)).toBe("Thing { thingId: 'x' }");
    expect(inspect(service.Part('x', 2))).toBe("Part { thingId: 'x', partNumber: 2 }");
    expect(inspect({ items: [thing] })).toBe("{ items: [ Thing { thingId: 'x' } ] }");
    expect(inspect(service)).toBe('Things {}');
  });

  it('toJSON gives service, type and identifiers; never the client or data', async () => {
    const { service } = things(() => ({ Thing: { Name: 'n' } }));
    const thing = service.Thing('x');
    await thing.load();
    expect(JSON.stringify(thing)).toBe(
      '{"service":"things","type":"Thing","identifiers":{"thingId":"x"}}',
    );
    expect(JSON.parse(JSON.stringify({ part: service.Part('x', 2) }))).toEqual({
      part: { service: 'things', type: 'Part', identifiers: { thingId: 'x', partNumber: 2 } },
    });
    expect(JSON.stringify(service)).toBe('{"service":"things"}');
  });

  it('equals compares class and identifiers', () => {
    const { service } = things();
    const other = things().service;
    expect(service.Thing('a').equals(service.Thing('a'))).toBe(true);
    expect(service.Thing('a').equals(other.Thing('a'))).toBe(true);
    expect(service.Thing('a').equals(service.Thing('b'))).toBe(false);
    expect(service.Part('a', 1).equals(service.Part('a', 1))).toBe(true);
    expect(service.Part('a', 1).equals(service.Part('a', 2))).toBe(false);
    expect(service.Thing('a').equals(service.Owner('a'))).toBe(false);
    expect(service.Thing('a').equals({ thingId: 'a' })).toBe(false);
    expect(service.Thing('a').equals(undefined)).toBe(false);
  });

  it('meta holds the client, names, identifiers and data', async () => {
    const { service, client } = things(() => ({ Thing: { Size: 1 } }));
    const thing = service.Thing('x');
    expect(service.meta).toEqual({ serviceName: 'things', client });
    expect(service.meta.client).toBe(client);
    expect(thing.meta.client).toBe(client);
    expect(thing.meta).toEqual({
      serviceName: 'things',
      resourceName: 'Thing',
      client,
      identifiers: { thingId: 'x' },
      data: undefined,
    });
    await thing.load();
    expect(thing.meta.data).toEqual({ Size: 1 });
    // Resources made from a resource share its client.
    expect(thing.Part(1).meta.client).toBe(client);
  });
});
