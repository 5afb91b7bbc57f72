/**
 * Data after actions, as boto3 has it: an action forgets a loadable resource's data, so the
 * next read loads; an action whose response carries the new state (the descriptor's `data`)
 * makes it the data; a load under way when the data changes never brings the old state back.
 */
import { field, forgetData, runAction, type ActionSpec } from '../../src/core/index.js';
import { commands, things, type Handler } from './fixtures/things.js';

let size = 0;
const handler: Handler = async (operation) => {
  if (operation === 'DescribeThing') {
    const answer = { Thing: { Size: ++size } };
    await new Promise((resolve) => setTimeout(resolve, 20));
    return answer;
  }
  if (operation === 'TouchThing') return { Thing: { Size: 100 } };
  throw new Error(`unexpected ${operation}`);
};

/** `touch` with a descriptor that says where its response carries the new state. */
const touchWithData = {
  name: 'touch',
  request: {
    command: commands.TouchThing as never,
    params: [{ target: 'ThingId', source: 'identifier', name: 'ThingId' }],
  },
  data: (v: unknown) => field(v, 'Thing'),
} as ActionSpec<never, object>;

beforeEach(() => {
  size = 0;
});

describe('data after an action', () => {
  it('is forgotten, so the next read loads again', async () => {
    const { service, client } = things(handler);
    const thing = service.Thing('t1');
    expect(await thing.size).toBe(1);
    await thing.touch();
    expect(thing.data).toBeUndefined();
    expect(await thing.size).toBe(2);
    expect(client.operations).toEqual(['DescribeThing', 'TouchThing', 'DescribeThing']);
  });

  it('is the response’s, when the response carries the new state: no load', async () => {
    const { service, client } = things(handler);
    const thing = service.Thing('t1');
    expect(await thing.size).toBe(1);
    await runAction(thing, touchWithData, undefined, undefined);
    expect(thing.data).toEqual({ Size: 100 });
    expect(await thing.size).toBe(100);
    expect(client.operations).toEqual(['DescribeThing', 'TouchThing']);
  });

  it('is forgotten when the response lacks the state the descriptor names', async () => {
    const { service } = things(async (operation) =>
      operation === 'TouchThing' ? {} : handler(operation, {}),
    );
    const thing = service.Thing('t1');
    await thing.load();
    await runAction(thing, touchWithData, undefined, undefined);
    expect(thing.data).toBeUndefined();
  });

  it('is not brought back by a load that was under way during the action', async () => {
    const { service, client } = things(handler);
    const thing = service.Thing('t1');
    const before = thing.load(); // answers in 20 ms, after the action
    await thing.touch();
    expect((await before).Size).toBe(1); // the caller who asked gets its answer...
    expect(thing.data).toBeUndefined(); // ...but it does not become the data
    expect(await thing.size).toBe(2); // a new load, not a join of the old one
    expect(client.operations).toEqual(['DescribeThing', 'TouchThing', 'DescribeThing']);
  });

  it('an action that needs data still gets the load it waited for, when another action forgets it', async () => {
    const { service, client } = things(async (operation, input) => {
      if (operation === 'UpdateThing') return { Owner: input.Owner };
      if (operation === 'TouchThing') return {};
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { Thing: { OwnerId: 'o1' } };
    });
    const thing = service.Thing('t1');
    // update loads first (20 ms); touch answers at once and forgets the data meanwhile.
    const [updated] = await Promise.all([thing.update(), thing.touch()]);
    expect(updated).toMatchObject({ Owner: { Id: 'o1' } });
    expect(client.operations).toEqual(['DescribeThing', 'TouchThing', 'UpdateThing']);
    expect(thing.data).toBeUndefined();
  });

  it('is not overwritten by a load under way when the response carried the state', async () => {
    const { service } = things(handler);
    const thing = service.Thing('t1');
    const before = thing.reload();
    await runAction(thing, touchWithData, undefined, undefined);
    await before;
    expect(thing.data).toEqual({ Size: 100 });
  });

  it('stays when the action fails', async () => {
    const { service } = things(async (operation) => {
      if (operation === 'TouchThing') throw new Error('denied');
      return handler(operation, {});
    });
    const thing = service.Thing('t1');
    await thing.load();
    await expect(thing.touch()).rejects.toThrow('denied');
    expect(thing.data).toEqual({ Size: 1 });
  });

  it('stays on a resource that cannot load (its data came from the response that made it)', async () => {
    const { service } = things(async () => ({ Parts: [{ Number: 1, Label: 'a' }] }));
    const [part] = await service.Thing('t1').addParts();
    expect(part?.data).toEqual({ Number: 1, Label: 'a' });
    // A Part has no load: forgetting its data would leave nothing to read.
    if (part) forgetData(part);
    expect(part?.data).toEqual({ Number: 1, Label: 'a' });
  });

  it('forgetData (for hand-written actions) makes the next read load', async () => {
    const { service, client } = things(handler);
    const thing = service.Thing('t1');
    await thing.load();
    forgetData(thing);
    expect(await thing.size).toBe(2);
    expect(client.count('DescribeThing')).toBe(2);
  });
});
