/** Lazy attributes: one load for any number of reads, shared by concurrent first reads. */
import {
  AbortError,
  ResourceNotFoundError,
  ResourceNotLoadableError,
} from '../../src/core/errors.js';
import { serviceError, things, type Handler } from './fixtures/things.js';

const describeThing: Handler = (operation, input) => {
  if (operation !== 'DescribeThing') throw new Error(`unexpected ${operation}`);
  return { Thing: { Name: `name of ${String(input.ThingId)}`, Size: 3, OwnerId: 'o1' } };
};

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('lazy load', () => {
  it('sends nothing until an attribute is read, then one request for 20 reads', async () => {
    const { service, client } = things(describeThing);
    const thing = service.Thing('t1');
    expect(thing.data).toBeUndefined();
    expect(client.sent).toEqual([]);
    for (let i = 0; i < 10; i++) {
      expect(await thing.name).toBe('name of t1');
      expect(await thing.size).toBe(3);
    }
    expect(client.sent).toEqual([
      { operation: 'DescribeThing', input: { ThingId: 't1' }, extraArgs: [undefined] },
    ]);
    expect(thing.data).toEqual({ Name: 'name of t1', Size: 3, OwnerId: 'o1' });
    expect(thing.meta.data).toBe(thing.data);
  });

  it('shares one request among 10 concurrent first reads', async () => {
    const { service, client } = things(async (operation, input) => {
      await tick();
      return describeThing(operation, input);
    });
    const thing = service.Thing('t1');
    const values = await Promise.all(Array.from({ length: 10 }, () => thing.name));
    expect(values).toEqual(Array(10).fill('name of t1'));
    expect(client.count('DescribeThing')).toBe(1);
  });

  it('load() after a load sends nothing; reload() always sends', async () => {
    let size = 1;
    const { service, client } = things(() => ({ Thing: { Size: size++ } }));
    const thing = service.Thing('t1');
    const first = await thing.load();
    expect(await thing.load()).toBe(first);
    expect(client.sent).toHaveLength(1);
    expect(await thing.reload()).toEqual({ Size: 2 });
    expect(await thing.size).toBe(2);
    expect(client.sent).toHaveLength(2);
  });

  it('keeps the newest data when an older load answers after a newer reload', async () => {
    let calls = 0;
    const { service } = things(async () => {
      const call = ++calls;
      await new Promise((resolve) => setTimeout(resolve, call === 1 ? 30 : 5));
      return { Thing: { Size: call } };
    });
    const thing = service.Thing('t1');
    const [older, newer] = await Promise.all([thing.load(), thing.reload()]);
    expect([older.Size, newer.Size]).toEqual([1, 2]);
    expect(thing.data).toEqual({ Size: 2 });
    expect(await thing.size).toBe(2);
  });

  it('tries again on the next read after a failed load', async () => {
    let calls = 0;
    const { service, client } = things(() => {
      if (calls++ === 0) throw serviceError('ThrottlingException', 400);
      return { Thing: { Size: 9 } };
    });
    const thing = service.Thing('t1');
    await expect(thing.size).rejects.toThrow('ThrottlingException');
    expect(await thing.size).toBe(9);
    expect(client.sent).toHaveLength(2);
  });

  it('finds a resource in a listing through a $Name path', async () => {
    const { service, client } = things(() => ({
      Owners: [
        { Id: 'o0', DisplayName: 'zero' },
        { Id: 'o1', DisplayName: 'one' },
      ],
    }));
    const owner = service.Owner('o1');
    expect(await owner.displayName).toBe('one');
    expect(owner.data).toEqual({ Id: 'o1', DisplayName: 'one' });
    expect(client.operations).toEqual(['ListOwners']);
  });

  it('raises ResourceNotFoundError when the $Name path finds nothing', async () => {
    const { service, client } = things((operation) =>
      operation === 'DescribeThing'
        ? { Thing: { OwnerId: 'o9' } }
        : { Owners: [{ Id: 'o0', DisplayName: 'zero' }] },
    );
    const owner = (await service.Thing('t').owner)!;
    expect(owner.ownerId).toBe('o9');
    const error = await owner.displayName.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundError);
    expect((error as ResourceNotFoundError).message).toBe('Owner {"ownerId":"o9"} was not found');
    expect(client.operations).toEqual(['DescribeThing', 'ListOwners']);
  });

  it('refuses to read attributes of a resource that has no load and no data', async () => {
    const { service, client } = things();
    await expect(service.Part('t', 1).eTag).rejects.toThrow(ResourceNotLoadableError);
    expect(client.sent).toEqual([]);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const { service, client } = things(describeThing);
    await expect(service.Thing('t').load({ abortSignal: AbortSignal.abort() })).rejects.toThrow(
      AbortError,
    );
    expect(client.sent).toEqual([]);
  });

  it('passes the abort signal to the client', async () => {
    const { service, client } = things(describeThing);
    const signal = new AbortController().signal;
    await service.Thing('t').reload({ abortSignal: signal });
    expect(client.sent[0]?.abortSignal).toBe(signal);
  });
});

describe('exists()', () => {
  it('is true when the load succeeds', async () => {
    const { service } = things(describeThing);
    await expect(service.Thing('t').exists()).resolves.toBe(true);
  });

  it('is false on an HTTP 404 and on a notFoundErrors name', async () => {
    const notFound = things(() => {
      throw serviceError('NotFound', 404);
    });
    await expect(notFound.service.Thing('t').exists()).resolves.toBe(false);
    const named = things(() => {
      throw serviceError('NoSuchThing', 400);
    });
    await expect(named.service.Thing('t').exists()).resolves.toBe(false);
  });

  it('is false when a $Name listing lacks the resource', async () => {
    const { service } = things(() => ({ Owners: [{ Id: 'o0' }] }));
    await expect(service.Owner('o1').exists()).resolves.toBe(false);
    await expect(service.Owner('o0').exists()).resolves.toBe(true);
  });

  it('rethrows other errors', async () => {
    const denied = serviceError('AccessDenied', 403);
    const { service } = things(() => {
      throw denied;
    });
    await expect(service.Thing('t').exists()).rejects.toBe(denied);
  });

  it('uses the definition’s existence check when there is one', async () => {
    const { service, client } = things();
    await expect(service.Box('b1').exists()).resolves.toBe(true);
    expect(client.sent.map(({ operation, input }) => ({ operation, input }))).toEqual([
      { operation: 'HeadBox', input: { BoxId: 'b1' } },
    ]);
    client.handler = () => {
      throw serviceError('NotFound', 404);
    };
    await expect(service.Box('b1').exists()).resolves.toBe(false);
  });
});
