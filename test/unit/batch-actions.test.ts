/** Batch actions: one request per collection page, failures raised after the last page. */
import { runBatch } from '../../src/collections/collection.js';
import { AbortError, BatchActionError } from '../../src/core/errors.js';
import { specs, things, type Handler } from './fixtures/things.js';

/** ListThings over t0..t{total-1} in pages of `pageSize`; DeleteThings answers from `onDelete`. */
function service(total: number, pageSize: number, onDelete: Handler = () => ({})): Handler {
  return (operation, input) => {
    if (operation === 'DeleteThings') return onDelete(operation, input);
    if (operation !== 'ListThings') throw new Error(`unexpected ${operation}`);
    const start = Number(input.NextToken ?? 0);
    const end = Math.min(start + Math.min(Number(input.MaxItems ?? pageSize), pageSize), total);
    const items = Array.from({ length: end - start }, (_, i) => ({ Id: `t${start + i}` }));
    return { Things: items, ...(end < total ? { NextToken: String(end) } : {}) };
  };
}

const deleted = (input: Record<string, unknown>) =>
  (input.Delete as { Objects: { Key: string }[] }).Objects.map((o) => o.Key);

describe('batch actions', () => {
  it('send one request per page, items indexed into the [*] targets', async () => {
    const { service: s, client } = things(service(5, 2, () => ({ Deleted: true })));
    const responses = await s.things.all().delete();
    expect(client.operations).toEqual([
      'ListThings',
      'DeleteThings',
      'ListThings',
      'DeleteThings',
      'ListThings',
      'DeleteThings',
    ]);
    const deletes = client.sent.filter((c) => c.operation === 'DeleteThings');
    expect(deletes.map((c) => c.input)).toEqual([
      { Delete: { Objects: [{ Key: 't0' }, { Key: 't1' }] } },
      { Delete: { Objects: [{ Key: 't2' }, { Key: 't3' }] } },
      { Delete: { Objects: [{ Key: 't4' }] } },
    ]);
    expect(responses).toHaveLength(3);
    expect(responses[0]).toMatchObject({ Deleted: true });
  });

  it('merge the caller params into every request', async () => {
    const { service: s, client } = things(service(3, 2));
    await s.things.all().delete({ Delete: { Quiet: true }, Token: 'x' });
    const deletes = client.sent.filter((c) => c.operation === 'DeleteThings');
    expect(deletes.map((c) => c.input)).toEqual([
      { Delete: { Objects: [{ Key: 't0' }, { Key: 't1' }], Quiet: true }, Token: 'x' },
      { Delete: { Objects: [{ Key: 't2' }], Quiet: true }, Token: 'x' },
    ]);
  });

  it('act only on the items of a filtered, limited collection', async () => {
    const { service: s, client } = things(service(100, 1000));
    await s.things.filter({ Prefix: 't' }).limit(3).delete();
    expect(client.sent.map((c) => c.operation)).toEqual(['ListThings', 'DeleteThings']);
    expect(client.sent[0]?.input).toMatchObject({ Prefix: 't', MaxItems: 3 });
    expect(deleted(client.sent[1]!.input)).toEqual(['t0', 't1', 't2']);
  });

  it('send nothing for an empty collection', async () => {
    const { service: s, client } = things(service(0, 10));
    await expect(s.things.all().delete()).resolves.toEqual([]);
    expect(client.operations).toEqual(['ListThings']);
  });

  it('fill identifiers and listing data of each item, with constants once', async () => {
    const { service: s, client } = things((operation, input) => {
      if (operation === 'ListParts')
        return {
          Parts: [
            { Number: 1, ETag: 'e1' },
            { Number: 2, ETag: 'e2' },
          ],
          IsTruncated: false,
        };
      if (operation === 'DeleteParts') return {};
      throw new Error(`unexpected ${operation} ${JSON.stringify(input)}`);
    });
    await s.Thing('t1').parts.all().delete();
    expect(client.sent[1]).toMatchObject({
      operation: 'DeleteParts',
      input: {
        ThingId: 't1',
        Delete: {
          Parts: [
            { Number: 1, ETag: 'e1' },
            { Number: 2, ETag: 'e2' },
          ],
        },
      },
    });
  });

  it('collect failures over every page and raise them after the last one', async () => {
    const { service: s, client } = things(
      service(6, 2, (_, input) => {
        const keys = deleted(input);
        const failed: string[] = keys.filter((key) => key === 't1' || key === 't4');
        return {
          Deleted: keys.filter((key) => !failed.includes(key)).map((Key) => ({ Key })),
          ...(failed.length > 0
            ? { Errors: failed.map((Key) => ({ Key, Code: 'AccessDenied' })) }
            : {}),
        };
      }),
    );
    const error = await s.things
      .all()
      .delete()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchActionError);
    const batchError = error as BatchActionError<{ Key: string }>;
    expect(batchError.message).toBe('Things.things.delete: 2 item(s) failed');
    expect(batchError.failures).toEqual([
      { Key: 't1', Code: 'AccessDenied' },
      { Key: 't4', Code: 'AccessDenied' },
    ]);
    expect(batchError.responses).toHaveLength(3);
    // Every page was still sent.
    expect(client.count('DeleteThings')).toBe(3);
  });

  it("raise the failures as the descriptor's error class, typed by it", async () => {
    interface ThingFailure {
      readonly Key: string;
      readonly Code: string;
    }
    class DeleteThingsError extends BatchActionError<ThingFailure, object> {}
    const { service: s } = things(
      service(3, 2, (_, input) => ({
        Errors: deleted(input)
          .filter((key) => key === 't2')
          .map((Key) => ({ Key, Code: 'AccessDenied' })),
      })),
    );
    const spec = { ...specs.batch<object>('Thing', 'Delete'), error: DeleteThingsError };
    const error = await runBatch(s.things.all(), spec, undefined, undefined).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DeleteThingsError);
    expect(error).toBeInstanceOf(BatchActionError);
    if (!(error instanceof DeleteThingsError)) throw new Error('expected a DeleteThingsError');
    expect(error.name).toBe('DeleteThingsError');
    expect(error.failures.map((f) => f.Key)).toEqual(['t2']);
    expect(error.responses).toHaveLength(2);
  });

  it('stop before the next page when aborted', async () => {
    const controller = new AbortController();
    const { service: s, client } = things(
      service(6, 2, () => {
        controller.abort();
        return {};
      }),
    );
    await expect(s.things.all().delete({}, { abortSignal: controller.signal })).rejects.toThrow(
      AbortError,
    );
    expect(client.operations).toEqual(['ListThings', 'DeleteThings']);
  });

  it('pass service errors through unchanged', async () => {
    const failure = Object.assign(new Error('denied'), { name: 'AccessDenied' });
    const { service: s } = things(
      service(3, 2, () => {
        throw failure;
      }),
    );
    await expect(s.things.all().delete()).rejects.toBe(failure);
  });
});
