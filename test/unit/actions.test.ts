/** Actions, sub-resources and references of the made-up "things" service. */
import { AbortError, ParamValidationError } from '../../src/core/errors.js';
import { Owner, Part, Thing, things, type Handler } from './fixtures/things.js';

const answers =
  (byOperation: Record<string, object>): Handler =>
  (operation) => {
    const answer = byOperation[operation];
    if (!answer) throw new Error(`unexpected ${operation}`);
    return answer;
  };

const sentInputs = (client: { sent: { operation: string; input: object }[] }) =>
  client.sent.map(({ operation, input }) => ({ operation, input }));

describe('actions', () => {
  it('fill params from identifier, data, string, integer and boolean sources; data loads first', async () => {
    const { service, client } = things(
      answers({ DescribeThing: { Thing: { OwnerId: 'o1' } }, UpdateThing: { Updated: true } }),
    );
    const output = await service.Thing('t1').update({ Tags: [{ Key: 'mine' }], Note: 'n' });
    expect(sentInputs(client)).toEqual([
      { operation: 'DescribeThing', input: { ThingId: 't1' } },
      {
        operation: 'UpdateThing',
        input: {
          ThingId: 't1',
          Owner: { Id: 'o1' },
          Settings: { Mode: 'fast', Retries: 3, Force: true },
          Tags: [{ Key: 'managed' }, { Key: 'mine' }],
          Note: 'n',
        },
      },
    ]);
    // Without a resource the action gives the v3 output as it came.
    expect(output).toEqual({ $metadata: { httpStatusCode: 200, requestId: 'r' }, Updated: true });
  });

  it('use the loaded data without loading again, until an action makes it stale', async () => {
    const { service, client } = things(
      answers({ DescribeThing: { Thing: { OwnerId: 'o1' } }, UpdateThing: {} }),
    );
    const thing = service.Thing('t1');
    await thing.load();
    await thing.update();
    // The first update forgot the data (as boto3 does): the second loads it again.
    await thing.update();
    expect(client.operations).toEqual([
      'DescribeThing',
      'UpdateThing',
      'DescribeThing',
      'UpdateThing',
    ]);
  });

  it('send no load when no param comes from data', async () => {
    const { service, client } = things(answers({ TouchThing: { Touched: 1 } }));
    await expect(service.Thing('t1').touch()).resolves.toMatchObject({ Touched: 1 });
    expect(sentInputs(client)).toEqual([{ operation: 'TouchThing', input: { ThingId: 't1' } }]);
  });

  it('send an action with its signal given as signal, the same one under both names too', async () => {
    const { service, client } = things(answers({ TouchThing: {} }));
    const signal = new AbortController().signal;
    await service.Thing('t1').touch({}, { signal });
    await service.Thing('t1').touch({}, { abortSignal: signal, signal });
    expect(client.sent.map((c) => c.abortSignal)).toEqual([signal, signal]);
  });

  it('refuse a caller value for a member the resource fills, before any request', async () => {
    const { service, client } = things(answers({ TouchThing: {} }));
    const thing = service.Thing('t1');
    await expect(thing.touch({ ThingId: 'other' })).rejects.toThrow(ParamValidationError);
    await expect(thing.touch({ ThingId: 'other' })).rejects.toThrow(
      /^Thing\.touch: 'ThingId' is filled from the resource/,
    );
    await expect(thing.touch([] as never)).rejects.toThrow(ParamValidationError);
    await expect(thing.touch({}, 'fast' as never)).rejects.toThrow(/options must be an object/);
    await expect(thing.touch({}, { abortSignal: 'x' } as never)).rejects.toThrow(
      /abortSignal must be an AbortSignal/,
    );
    await expect(thing.touch({}, { signal: 'x' } as never)).rejects.toThrow(
      /^Thing\.touch: options\.signal must be an AbortSignal, got "x"/,
    );
    const [one, other] = [new AbortController().signal, new AbortController().signal];
    await expect(thing.touch({}, { abortSignal: one, signal: other })).rejects.toThrow(
      /^Thing\.touch: options\.abortSignal and options\.signal are two different signals/,
    );
    await expect(thing.touch({}, { signal: AbortSignal.abort() })).rejects.toThrow(AbortError);
    expect(client.sent).toEqual([]);
  });

  it('make a resource from a request parameter, with its data from the response', async () => {
    const { service, client } = things(
      answers({ CreateThing: { Thing: { Name: 'new', Size: 1 } } }),
    );
    const thing = await service.createThing({ ThingId: 'n1', Name: 'new' });
    expect(thing).toBeInstanceOf(Thing);
    expect(thing.thingId).toBe('n1');
    expect(await thing.name).toBe('new');
    expect(client.operations).toEqual(['CreateThing']);
  });

  it('make a resource from a response path; undefined when the response lacks it', async () => {
    const { service, client } = things(
      answers({ CloneThing: { NewId: 'c1', Thing: { Name: 'copy' } } }),
    );
    const clone = await service.Thing('t1').clone();
    expect(clone?.thingId).toBe('c1');
    expect(clone?.data).toEqual({ Name: 'copy' });
    expect(client.sent[0]?.input).toEqual({ SourceId: 't1' });
    client.handler = answers({ CloneThing: {} });
    await expect(service.Thing('t1').clone()).resolves.toBeUndefined();
  });

  it('make plural resources from a response list, each with its own data', async () => {
    const { service } = things(
      answers({
        ImportThings: {
          Things: [
            { Id: 'a', Size: 1 },
            { Id: 'b', Size: 2 },
          ],
        },
      }),
    );
    const made = await service.importThings();
    expect(made.map((t) => [t.thingId, t.data])).toEqual([
      ['a', { Id: 'a', Size: 1 }],
      ['b', { Id: 'b', Size: 2 }],
    ]);
    expect(made.every((t) => t instanceof Thing)).toBe(true);
  });

  it('skip list entries without an identifier, keeping every other entry with its own data', async () => {
    const { service } = things(
      answers({
        ImportThings: { Things: [{ Id: 'a', Size: 1 }, { Size: 2 }, { Id: 'c', Size: 3 }] },
      }),
    );
    const made = await service.importThings();
    expect(made.map((t) => [t.thingId, t.data])).toEqual([
      ['a', { Id: 'a', Size: 1 }],
      ['c', { Id: 'c', Size: 3 }],
    ]);
  });

  it('mix identifier and response sources in plural resources', async () => {
    const { service } = things(
      answers({
        AddParts: {
          Parts: [
            { Number: 1, ETag: 'e1' },
            { Number: 2, ETag: 'e2' },
          ],
        },
      }),
    );
    const parts = await service.Thing('t1').addParts();
    expect(parts.map((p) => [p.constructor, p.thingId, p.partNumber, p.data])).toEqual([
      [Part, 't1', 1, { Number: 1, ETag: 'e1' }],
      [Part, 't1', 2, { Number: 2, ETag: 'e2' }],
    ]);
    expect(await parts[1]?.eTag).toBe('e2');
  });

  it('make a resource from the loaded data', async () => {
    const { service, client } = things(
      answers({
        DescribeThing: { Thing: { OwnerId: 'o1' } },
        GetOwner: { Owner: { DisplayName: 'one' } },
      }),
    );
    const owner = await service.Thing('t1').getOwner();
    expect(owner).toBeInstanceOf(Owner);
    expect(owner.ownerId).toBe('o1');
    expect(owner.data).toEqual({ DisplayName: 'one' });
    expect(sentInputs(client)).toEqual([
      { operation: 'DescribeThing', input: { ThingId: 't1' } },
      { operation: 'GetOwner', input: { OwnerId: 'o1' } },
    ]);
  });
});

describe('sub-resources', () => {
  it('come from identifiers and inputs, without a request', () => {
    const { service, client } = things();
    const part = service.Thing('t1').Part(4);
    expect(part).toBeInstanceOf(Part);
    expect(part.meta.identifiers).toEqual({ thingId: 't1', partNumber: 4 });
    expect(service.Part('t2', 5).meta.identifiers).toEqual({ thingId: 't2', partNumber: 5 });
    expect(client.sent).toEqual([]);
  });

  it('refuse more arguments than the factory takes', () => {
    const { service } = things();
    expect(() => service.Thing('t1').subResource('Part', 1, 2)).toThrow(ParamValidationError);
    expect(() => service.Thing('t1').subResource('Part', 1, 2)).toThrow(
      'Thing.Part() takes 1 argument(s), got 2',
    );
  });
});

describe('references', () => {
  it('come from the data, loading it first', async () => {
    const { service, client } = things(answers({ DescribeThing: { Thing: { OwnerId: 'o1' } } }));
    const thing = service.Thing('t1');
    const owner = await thing.owner;
    expect(owner).toBeInstanceOf(Owner);
    expect(owner?.ownerId).toBe('o1');
    expect(owner?.data).toBeUndefined();
    await thing.owner;
    expect(client.operations).toEqual(['DescribeThing']);
  });

  it('are undefined when the data lacks them', async () => {
    const { service } = things(answers({ DescribeThing: { Thing: { Name: 'no owner' } } }));
    await expect(service.Thing('t1').owner).resolves.toBeUndefined();
  });
});
