/** Collections: lazy, immutable, chainable; paging that never asks for more than it needs. */
import { AbortError, ParamValidationError } from '../../src/core/errors.js';
import { things, type FakeClient, type Handler, type SentCommand } from './fixtures/things.js';
import { SIGNAL_NAMES } from '../support/signal-names.js';

/**
 * ListThings over `total` things (t0, t1, ...): pages of MaxItems (the service's own cap
 * and default apply), NextToken while more remain.
 */
function listThings(total: number, cap = 1000): Handler {
  return (operation, input) => {
    if (operation !== 'ListThings') throw new Error(`unexpected ${operation}`);
    const start = Number(input.NextToken ?? 0);
    const size = Math.min(Number(input.MaxItems ?? cap), cap);
    const end = Math.min(start + size, total);
    const items = Array.from({ length: end - start }, (_, i) => ({ Id: `t${start + i}` }));
    return { Things: items, ...(end < total ? { NextToken: String(end) } : {}) };
  };
}

const sizes = (client: FakeClient) => client.sent.map((c) => c.input.MaxItems);
const ids = (items: { thingId: string }[]) => items.map((t) => t.thingId);

describe('collections', () => {
  it('send nothing until iterated', async () => {
    const { service, client } = things(listThings(3));
    const collection = service.things.filter({ Prefix: 't' }).limit(2).pageSize(1);
    const pages = collection.pages();
    void service.things.all();
    expect(client.sent).toEqual([]);
    await pages.next();
    expect(client.sent).toHaveLength(1);
  });

  it('are immutable: each chained call gives a new collection', async () => {
    const { service, client } = things(listThings(5));
    const all = service.things.all();
    const filtered = all.filter({ Prefix: 't' });
    const limited = filtered.limit(2);
    const sized = limited.pageSize(1);
    expect(new Set([all, filtered, limited, sized]).size).toBe(4);
    expect(all.all()).not.toBe(all);

    expect(ids(await all.toArray())).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(client.sent.map((c) => c.input)).toEqual([{ NextToken: undefined }]);
    client.sent.length = 0;
    expect(ids(await limited.toArray())).toEqual(['t0', 't1']);
    expect(client.sent.map((c) => c.input)).toEqual([
      { Prefix: 't', MaxItems: 2, NextToken: undefined },
    ]);
    client.sent.length = 0;
    await filtered.toArray();
    expect(client.sent.map((c) => c.input)).toEqual([{ Prefix: 't', NextToken: undefined }]);
  });

  it('merge successive filters: objects merge, lists append', async () => {
    const { service, client } = things(listThings(1));
    const first = { Tags: ['a'], Range: { From: 1 } };
    await service.things
      .filter(first)
      .filter({ Tags: ['b'], Range: { To: 9 }, Prefix: 'p' })
      .toArray();
    expect(client.sent[0]?.input).toEqual({
      Tags: ['a', 'b'],
      Range: { From: 1, To: 9 },
      Prefix: 'p',
      NextToken: undefined,
    });
    expect(first).toEqual({ Tags: ['a'], Range: { From: 1 } });
  });

  it('let a later filter value win over an earlier one, as boto3 does', async () => {
    const { service, client } = things(listThings(1));
    await service.things
      .filter({ Prefix: 'a', Range: { From: 1 } })
      .filter({ Prefix: 'b', Range: { From: 2 } })
      .toArray();
    expect(client.sent[0]?.input).toMatchObject({ Prefix: 'b', Range: { From: 2 } });
  });

  it('refuse a filter on a member the owner fills, before any request', async () => {
    const { service, client } = things();
    await expect(service.Thing('t1').parts.filter({ ThingId: 'x' }).toArray()).rejects.toThrow(
      /^Thing\.parts\.filter: 'ThingId' is filled from the resource/,
    );
    expect(() => service.things.filter(null as never)).toThrow(ParamValidationError);
    expect(client.sent).toEqual([]);
  });

  it('limit(n) asks for n items in one request', async () => {
    const { service, client } = things(listThings(100));
    expect(ids(await service.things.limit(5).toArray())).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(sizes(client)).toEqual([5]);
  });

  it('limit(n) never asks for more than remain when the service returns short pages', async () => {
    const { service, client } = things(listThings(100, 3));
    const items = await service.things.limit(8).toArray();
    expect(items).toHaveLength(8);
    // The service caps pages at 3: asked 8, 5, 2 (each the number still wanted).
    expect(sizes(client)).toEqual([8, 5, 2]);
  });

  it('limit with pageSize asks for pageSize, then only what remains', async () => {
    const { service, client } = things(listThings(100));
    const collection = service.things.limit(7).pageSize(3);
    const pages: string[][] = [];
    for await (const page of collection.pages()) pages.push(ids(page));
    expect(pages).toEqual([['t0', 't1', 't2'], ['t3', 't4', 't5'], ['t6']]);
    expect(sizes(client)).toEqual([3, 3, 1]);
    // The same again, in the other order: pageSize(3).limit(7).
    client.sent.length = 0;
    expect(await service.things.pageSize(3).limit(7).toArray()).toHaveLength(7);
    expect(sizes(client)).toEqual([3, 3, 1]);
  });

  it('pageSize(n) sets the page size of every request', async () => {
    const { service, client } = things(listThings(10));
    expect(await service.things.pageSize(4).toArray()).toHaveLength(10);
    expect(sizes(client)).toEqual([4, 4, 4]);
    expect(client.sent.map((c) => c.input.NextToken)).toEqual([undefined, '4', '8']);
  });

  it('limit larger than the listing stops when the listing ends', async () => {
    const { service, client } = things(listThings(3));
    expect(await service.things.limit(50).toArray()).toHaveLength(3);
    expect(sizes(client)).toEqual([50]);
  });

  it('limit(0) sends nothing', async () => {
    const { service, client } = things(listThings(3));
    expect(await service.things.limit(0).toArray()).toEqual([]);
    for await (const _ of service.things.limit(0)) throw new Error('no items expected');
    expect(client.sent).toEqual([]);
  });

  it.each([
    ['limit', -1],
    ['limit', 1.5],
    ['limit', NaN],
    ['limit', Infinity],
    ['limit', '3'],
    ['pageSize', 0],
    ['pageSize', -1],
    ['pageSize', 2.5],
    ['pageSize', NaN],
    ['pageSize', '3'],
  ] as const)('%s(%p) throws before any request', (method, value) => {
    const { service, client } = things(listThings(3));
    expect(() => service.things[method](value as number)).toThrow(ParamValidationError);
    expect(() => service.things.all()[method](value as number)).toThrow(
      new RegExp(`^Things\\.things\\.${method}: expected an integer`),
    );
    expect(client.sent).toEqual([]);
  });

  it('yield resources that carry their listing data (no load)', async () => {
    const { service, client } = things(listThings(2));
    const [first] = await service.things.toArray();
    expect(first?.data).toEqual({ Id: 't0' });
    expect(client.operations).toEqual(['ListThings']);
  });

  it('first() asks for one item', async () => {
    const { service, client } = things(listThings(10));
    expect((await service.things.filter({ Prefix: 't' }).first())?.thingId).toBe('t0');
    expect(sizes(client)).toEqual([1]);
    // first() never raises a smaller limit.
    client.sent.length = 0;
    await expect(service.things.limit(0).first()).resolves.toBeUndefined();
    expect(client.sent).toEqual([]);
    const empty = things(listThings(0));
    await expect(empty.service.things.all().first()).resolves.toBeUndefined();
  });

  it('iterate with for await over the manager and over a collection', async () => {
    const { service } = things(listThings(5, 2));
    const fromManager: string[] = [];
    for await (const thing of service.things) fromManager.push(thing.thingId);
    const fromCollection: string[] = [];
    for await (const thing of service.things.all()) fromCollection.push(thing.thingId);
    expect(fromManager).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(fromCollection).toEqual(fromManager);
  });

  it('stop sending when the loop breaks', async () => {
    const { service, client } = things(listThings(100, 2));
    const seen: string[] = [];
    for await (const thing of service.things.all()) {
      seen.push(thing.thingId);
      if (seen.length === 3) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual(['t0', 't1', 't2']);
    expect(client.sent).toHaveLength(2);
  });

  it.each(SIGNAL_NAMES)('pass the abort signal (as %s) to every request', async (name) => {
    const { service, client } = things(listThings(3, 2));
    const signal = new AbortController().signal;
    await service.things.pageSize(2).toArray({ [name]: signal });
    expect(client.sent.map((c) => c.abortSignal)).toEqual([signal, signal]);
  });

  it.each(SIGNAL_NAMES)('stop with AbortError when %s aborts between pages', async (name) => {
    const { service, client } = things(listThings(10, 2));
    const controller = new AbortController();
    const seen: string[] = [];
    const run = async () => {
      for await (const page of service.things.all().pages({ [name]: controller.signal })) {
        seen.push(...ids(page));
        controller.abort();
      }
    };
    await expect(run()).rejects.toThrow(AbortError);
    expect(seen).toEqual(['t0', 't1']);
    expect(client.sent).toHaveLength(1);
  });

  it.each(SIGNAL_NAMES)('stop item iteration too when %s aborts between pages', async (name) => {
    const { service, client } = things(listThings(10, 2));
    const controller = new AbortController();
    const seen: string[] = [];
    const run = async () => {
      for await (const thing of service.things.all().iterate({ [name]: controller.signal })) {
        seen.push(thing.thingId);
        if (seen.length === 2) controller.abort();
      }
    };
    await expect(run()).rejects.toThrow(AbortError);
    expect(seen).toEqual(['t0', 't1']);
    expect(client.sent).toHaveLength(1);
  });

  it.each(SIGNAL_NAMES)('send nothing when %s is already aborted', async (name) => {
    const { service, client } = things(listThings(10));
    await expect(service.things.toArray({ [name]: AbortSignal.abort() })).rejects.toThrow(
      AbortError,
    );
    expect(client.sent).toEqual([]);
  });
});

describe('generic token paging', () => {
  /** ListParts over parts 1..total: PartMarker + VersionMarker in, Next* + IsTruncated out. */
  function listParts(total: number, cap = 2, truncatedWithoutTokens = false): Handler {
    return (operation, input) => {
      if (operation !== 'ListParts') throw new Error(`unexpected ${operation}`);
      const start = Number(input.PartMarker ?? 0);
      const end = Math.min(start + Math.min(Number(input.MaxParts ?? cap), cap), total);
      const parts = Array.from({ length: end - start }, (_, i) => ({
        Number: start + i + 1,
        ETag: `e${start + i + 1}`,
      }));
      const more = end < total;
      return {
        Parts: parts,
        IsTruncated: more,
        // Tokens also on the last page: IsTruncated false must stop anyway.
        NextPartMarker: truncatedWithoutTokens && more ? undefined : String(end),
        NextVersionMarker: `v${end}`,
      };
    };
  }

  const markers = (sent: SentCommand[]) =>
    sent.map(({ input }) => [input.PartMarker, input.VersionMarker, input.MaxParts]);

  it('copies both output tokens into the next request and stops when moreResults is false', async () => {
    const { service, client } = things(listParts(5));
    const parts = await service.Thing('t1').parts.toArray();
    expect(parts.map((p) => [p.thingId, p.partNumber, p.data])).toEqual(
      [1, 2, 3, 4, 5].map((n) => ['t1', n, { Number: n, ETag: `e${n}` }]),
    );
    expect(client.sent.every((c) => c.operation === 'ListParts' && c.input.ThingId === 't1')).toBe(
      true,
    );
    expect(markers(client.sent)).toEqual([
      [undefined, undefined, undefined],
      ['2', 'v2', undefined],
      ['4', 'v4', undefined],
    ]);
  });

  it('drops a token the last response did not give', async () => {
    const { service, client } = things((_, input) => {
      const first = input.PartMarker === undefined;
      return first
        ? {
            Parts: [{ Number: 1 }],
            IsTruncated: true,
            NextPartMarker: '1',
            NextVersionMarker: 'v1',
          }
        : input.VersionMarker === undefined
          ? { Parts: [{ Number: 3 }], IsTruncated: false }
          : { Parts: [{ Number: 2 }], IsTruncated: true, NextPartMarker: '2' };
    });
    const parts = await service.Thing('t1').parts.toArray();
    expect(parts.map((p) => p.partNumber)).toEqual([1, 2, 3]);
    expect(markers(client.sent)).toEqual([
      [undefined, undefined, undefined],
      ['1', 'v1', undefined],
      ['2', undefined, undefined],
    ]);
  });

  it('applies limit and pageSize to the limit key', async () => {
    const { service, client } = things(listParts(20, 10));
    const parts = await service.Thing('t1').parts.pageSize(4).limit(6).toArray();
    expect(parts.map((p) => p.partNumber)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(markers(client.sent)).toEqual([
      [undefined, undefined, 4],
      ['4', 'v4', 2],
    ]);
  });

  it('stops when aborted between pages', async () => {
    const { service, client } = things(listParts(10));
    const controller = new AbortController();
    const run = async () => {
      for await (const _ of service
        .Thing('t1')
        .parts.all()
        .pages({ abortSignal: controller.signal }))
        controller.abort();
    };
    await expect(run()).rejects.toThrow(AbortError);
    expect(client.sent).toHaveLength(1);
  });
});
