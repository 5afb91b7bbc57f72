/** Batch actions with `{ concurrency }`: pages listed while earlier pages' requests run. */
import { BatchActionError, ParamValidationError } from '../../src/core/errors.js';
import type { BatchActionOptions } from '../../src/core/index.js';
import { things, type Handler } from './fixtures/things.js';

/** A DeleteThings request held until the test releases it. */
interface Held {
  readonly keys: string[];
  release(output?: object): void;
  fail(error: Error): void;
}

const keysOf = (input: Record<string, unknown>) =>
  (input.Delete as { Objects: { Key: string }[] }).Objects.map((o) => o.Key);

/** ListThings over t0..t{total-1} in pages of `pageSize`; every DeleteThings is held. */
function heldService(total: number, pageSize: number, held: Held[]): Handler {
  return (operation, input) => {
    if (operation === 'DeleteThings') {
      return new Promise<object>((resolve, reject) => {
        held.push({ keys: keysOf(input), release: (output = {}) => resolve(output), fail: reject });
      });
    }
    const start = Number(input.NextToken ?? 0);
    const end = Math.min(start + pageSize, total);
    const items = Array.from({ length: end - start }, (_, i) => ({ Id: `t${start + i}` }));
    return { Things: items, ...(end < total ? { NextToken: String(end) } : {}) };
  };
}

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('batch actions with concurrency', () => {
  it('list the next pages while up to `concurrency` requests are in flight', async () => {
    const held: Held[] = [];
    const { service, client } = things(heldService(7, 2, held));
    const options: BatchActionOptions = { concurrency: 2 };
    const done = service.things.all().delete({}, options);
    await settle();
    // The second page was listed while the first page's request was in flight; with two in
    // flight, the next page waits for a free slot.
    expect(client.operations).toEqual(['ListThings', 'DeleteThings', 'ListThings', 'DeleteThings']);
    expect(held).toHaveLength(2);
    // Answer out of order: the responses still come back in page order.
    held[1]!.release({ Page: 2 });
    await settle();
    expect(held).toHaveLength(3);
    held[0]!.release({ Page: 1 });
    await settle();
    expect(held).toHaveLength(4);
    held[3]!.release({ Page: 4 });
    held[2]!.release({ Page: 3 });
    const responses = await done;
    expect(responses.map((r) => (r as { Page: number }).Page)).toEqual([1, 2, 3, 4]);
    // Exactly the requests a sequential run sends.
    expect(client.count('ListThings')).toBe(4);
    expect(client.count('DeleteThings')).toBe(4);
    expect(held.map((h) => h.keys)).toEqual([['t0', 't1'], ['t2', 't3'], ['t4', 't5'], ['t6']]);
  });

  it('collect failures of every page, in page order, and raise them after the last', async () => {
    const held: Held[] = [];
    const { service } = things(heldService(6, 2, held));
    const options: BatchActionOptions = { concurrency: 3 };
    const done = service.things
      .all()
      .delete({}, options)
      .catch((e: unknown) => e);
    await settle();
    expect(held).toHaveLength(3);
    held[2]!.release({ Errors: [{ Key: 't5', Code: 'AccessDenied' }] });
    held[1]!.release({});
    held[0]!.release({ Errors: [{ Key: 't0', Code: 'AccessDenied' }] });
    const error = await done;
    expect(error).toBeInstanceOf(BatchActionError);
    expect((error as BatchActionError<{ Key: string }>).failures).toEqual([
      { Key: 't0', Code: 'AccessDenied' },
      { Key: 't5', Code: 'AccessDenied' },
    ]);
    expect((error as BatchActionError<unknown>).responses).toHaveLength(3);
  });

  it('stop listing on a service error and throw it once the requests in flight settle', async () => {
    const held: Held[] = [];
    const { service, client } = things(heldService(20, 2, held));
    const options: BatchActionOptions = { concurrency: 2 };
    let settled = false;
    const done = service.things
      .all()
      .delete({}, options)
      .catch((e: unknown) => e)
      .finally(() => {
        settled = true;
      });
    await settle();
    const failure = Object.assign(new Error('denied'), { name: 'AccessDenied' });
    held[0]!.fail(failure);
    await settle();
    // The other request is still in flight: the error waits for it.
    expect(settled).toBe(false);
    held[1]!.release({});
    expect(await done).toBe(failure);
    // No page after the failure was listed or sent.
    expect(client.count('ListThings')).toBe(2);
    expect(client.count('DeleteThings')).toBe(2);
  });

  it('keep one request at a time by default', async () => {
    const held: Held[] = [];
    const { service, client } = things(heldService(4, 2, held));
    const done = service.things.all().delete();
    await settle();
    expect(client.operations).toEqual(['ListThings', 'DeleteThings']);
    held[0]!.release({});
    await settle();
    expect(client.operations).toEqual(['ListThings', 'DeleteThings', 'ListThings', 'DeleteThings']);
    held[1]!.release({});
    await expect(done).resolves.toHaveLength(2);
  });

  it.each([0, 1.5, -1, '2', Number.NaN])(
    'refuse concurrency %p before any request',
    async (bad) => {
      const { service, client } = things(heldService(4, 2, []));
      const options = { concurrency: bad } as unknown as BatchActionOptions;
      await expect(service.things.all().delete({}, options)).rejects.toThrow(ParamValidationError);
      await expect(service.things.all().delete({}, options)).rejects.toThrow(
        'Things.things.delete: options.concurrency must be an integer ≥ 1',
      );
      expect(client.sent).toHaveLength(0);
    },
  );
});
