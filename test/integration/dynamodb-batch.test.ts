/**
 * Batch writes and reads against moto: the table's batch writer (25 a request, overwrite by
 * key, flush when the function throws, concurrency), re-sending what DynamoDB leaves
 * unprocessed (made to happen with a middleware), and the service's batchGetItem and
 * batchWriteItem.
 */
import type { ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-dynamodb';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import {
  BatchGetError,
  BatchWriteError,
  BatchWriter,
  type Table,
} from '../../src/resources/dynamodb/index.js';
import { AwsResourcesError, BatchActionError, ParamValidationError } from '../../src/index.js';
import { holdBack, useDynamoDBFixture } from '../support/dynamodb-fixture.js';

const { client, counter, dynamodb, newTable } = useDynamoDBFixture();

const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5 } as const;

async function idsIn(table: Table): Promise<string[]> {
  return (await table.scan<{ id: string }>().toArray()).map((i) => i.id).sort();
}

function ids(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
}

/** The write requests each BatchWriteItem counted so far carried, as ids. */
function batchesSent(table: Table): string[][] {
  return counter.inputs
    .filter((i) => i.operation === 'BatchWriteItem')
    .map((i) => {
      const items = (i.input as { RequestItems: Record<string, unknown[]> }).RequestItems[
        table.name
      ];
      return (items ?? []).map((r) => {
        const request = r as {
          PutRequest?: { Item: { id: { S: string } } };
          DeleteRequest?: { Key: { id: { S: string } } };
        };
        return (request.PutRequest?.Item ?? request.DeleteRequest?.Key)?.id.S ?? '?';
      });
    });
}

describe('table.batchWriter', () => {
  it('100 puts = 4 BatchWriteItem requests of 25', async () => {
    const table = await newTable('bw100');
    const all = ids('i', 100);
    await table.batchWriter(async (w) => {
      for (const id of all) await w.putItem({ Item: { id, n: id.length } });
    });
    expect(counter.byOperation).toEqual({ BatchWriteItem: 4 });
    expect(batchesSent(table).map((b) => b.length)).toEqual([25, 25, 25, 25]);
    expect(await idsIn(table)).toEqual(all);
  });

  it('the explicit writer sends each full batch at once, the rest on close()', async () => {
    const table = await newTable('bwx');
    const w = table.batchWriter();
    expect(w).toBeInstanceOf(BatchWriter);
    for (const id of ids('x', 30)) await w.putItem({ Item: { id } });
    expect(counter.count('BatchWriteItem')).toBe(1);
    await w.deleteItem({ Key: { id: 'x000' } });
    await w.close();
    expect(batchesSent(table).map((b) => b.length)).toEqual([25, 6]);
    expect(await idsIn(table)).toEqual(ids('x', 30).slice(1));
    await w.close(); // closing again does nothing
    await expect(w.putItem({ Item: { id: 'late' } })).rejects.toThrow(AwsResourcesError);
  });

  it('flush() sends what is buffered; a writer with nothing to send sends nothing', async () => {
    const table = await newTable('bwflush');
    const w = table.batchWriter();
    await w.putItem({ Item: { id: 'a' } });
    await w.flush();
    expect(counter.count('BatchWriteItem')).toBe(1);
    await w.close();
    expect(counter.count('BatchWriteItem')).toBe(1);
    await table.batchWriter(async () => undefined);
    expect(counter.count('BatchWriteItem')).toBe(1);
  });

  it('overwriteByPkeys: a later put or delete of a buffered key replaces it', async () => {
    const table = await newTable('bwdedupe', 'id+n');
    await table.batchWriter(
      async (w) => {
        await w.putItem({ Item: { id: 'a', n: 1, v: 'first' } });
        await w.putItem({ Item: { id: 'a', n: 2, v: 'other key' } });
        await w.putItem({ Item: { id: 'a', n: 1, v: 'second' } });
        await w.putItem({ Item: { id: 'b', n: 1, v: 'kept?' } });
        await w.deleteItem({ Key: { id: 'b', n: 1 } });
      },
      { overwriteByPkeys: ['id', 'n'] },
    );
    expect(batchesSent(table)).toEqual([['a', 'a', 'b']]);
    const items = await table.scan<{ id: string; n: number; v: string }>().toArray();
    expect(items.sort((x, y) => x.n - y.n)).toEqual([
      { id: 'a', n: 1, v: 'second' },
      { id: 'a', n: 2, v: 'other key' },
    ]);
  });

  it('without overwriteByPkeys, a repeated key goes out twice in one batch', async () => {
    // AWS refuses such a batch (ValidationException: duplicate keys); moto 5.2.1 accepts it.
    const table = await newTable('bwdup');
    await table.batchWriter(async (w) => {
      await w.putItem({ Item: { id: 'same', v: 1 } });
      await w.putItem({ Item: { id: 'same', v: 2 } });
    });
    expect(batchesSent(table)).toEqual([['same', 'same']]);
  });

  it('a request that fails raises a BatchWriteError with its writes and the error as cause', async () => {
    const missing = dynamodb.Table('no-such-table-for-the-writer');
    const error = await missing
      .batchWriter(async (w) => {
        await w.putItem({ Item: { id: 'a' } });
        await w.deleteItem({ Key: { id: 'b' } });
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchWriteError);
    const failed = error as BatchWriteError;
    expect((failed.cause as { name?: string }).name).toBe('ResourceNotFoundException');
    expect(failed.unprocessedItems).toEqual({
      [missing.name]: [
        { PutRequest: { Item: { id: 'a' } } },
        { DeleteRequest: { Key: { id: 'b' } } },
      ],
    });
    expect(failed.message).toMatch(/2 write\(s\).*ResourceNotFoundException/);
  });

  it('buffered writes are flushed when the function throws, then its error is re-thrown', async () => {
    const table = await newTable('bwthrow');
    const boom = new Error('boom');
    await expect(
      table.batchWriter(async (w) => {
        for (const id of ids('t', 3)) await w.putItem({ Item: { id } });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(counter.count('BatchWriteItem')).toBe(1);
    expect(await idsIn(table)).toEqual(ids('t', 3));
  });

  it('returns what the function returns', async () => {
    const table = await newTable('bwret');
    const result = await table.batchWriter(async (w) => {
      await w.putItem({ Item: { id: 'r' } });
      return 'done';
    });
    expect(result).toBe('done');
  });

  it('bad items fail before buffering; the writer stays usable', async () => {
    const table = await newTable('bwbad');
    const w = table.batchWriter();
    await expect(w.putItem({ Item: { id: 'x', s: new Set() } })).rejects.toThrow(
      ParamValidationError,
    );
    await expect(w.putItem({ Item: { id: 'x', n: Number.NaN } })).rejects.toThrow(
      ParamValidationError,
    );
    await expect(w.deleteItem({} as never)).rejects.toThrow(ParamValidationError);
    await w.putItem({ Item: { id: 'ok' } });
    await w.close();
    expect(await idsIn(table)).toEqual(['ok']);
    expect(() => table.batchWriter({ concurrency: 0 })).toThrow(ParamValidationError);
    expect(() => table.batchWriter({ maxAttempts: 0 })).toThrow(ParamValidationError);
    expect(() => table.batchWriter({ overwriteByPkeys: [] })).toThrow(ParamValidationError);
  });

  it('concurrency: up to n batches in flight, still 25 writes a request', async () => {
    const table = await newTable('bwconc');
    let active = 0;
    let most = 0;
    const track: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> =
      (next) => async (args) => {
        active += 1;
        most = Math.max(most, active);
        try {
          return await next(args);
        } finally {
          active -= 1;
        }
      };
    client.middlewareStack.add(track, { step: 'finalizeRequest', name: 'trackInFlight' });
    try {
      await table.batchWriter(
        async (w) => {
          for (const id of ids('c', 100)) await w.putItem({ Item: { id } });
        },
        { concurrency: 4 },
      );
      expect(most).toBeGreaterThan(1);
      expect(most).toBeLessThanOrEqual(4);
      expect(counter.count('BatchWriteItem')).toBe(4);
      expect(await idsIn(table)).toEqual(ids('c', 100));

      most = 0;
      await table.batchWriter(async (w) => {
        for (const id of ids('d', 60)) await w.putItem({ Item: { id } });
      });
      expect(most).toBe(1);
    } finally {
      client.middlewareStack.remove(track);
    }
  });
});

describe('UnprocessedItems', () => {
  it('are re-sent (with backoff) until written', async () => {
    const table = await newTable('bwunproc');
    // The first BatchWriteItem leaves its last 3 writes unprocessed.
    const held = holdBack(client, 'BatchWriteItem', table.name, (call) => (call === 1 ? 3 : 0));
    try {
      await table.batchWriter(async (w) => {
        for (const id of ids('u', 10)) await w.putItem({ Item: { id } });
      }, FAST_RETRY);
    } finally {
      held.remove();
    }
    expect(held.calls).toBe(2);
    expect(batchesSent(table)).toEqual([ids('u', 10).slice(0, 7), ids('u', 10).slice(7)]);
    expect(await idsIn(table)).toEqual(ids('u', 10));
  });

  it('still unprocessed after maxAttempts: a BatchWriteError with exactly the unsent writes', async () => {
    const table = await newTable('bwexhaust');
    // Every BatchWriteItem leaves its last 4 writes unprocessed.
    const held = holdBack(client, 'BatchWriteItem', table.name, () => 4);
    let error: unknown;
    try {
      await table.batchWriter(
        async (w) => {
          for (const id of ids('e', 10)) await w.putItem({ Item: { id, n: 1 } });
        },
        { ...FAST_RETRY, maxAttempts: 3 },
      );
    } catch (e) {
      error = e;
    } finally {
      held.remove();
    }
    expect(held.calls).toBe(3);
    expect(error).toBeInstanceOf(BatchWriteError);
    expect(error).toBeInstanceOf(BatchActionError);
    const failed = error as BatchWriteError;
    const unsent = ids('e', 10).slice(6);
    expect(failed.failures).toEqual(
      unsent.map((id) => ({
        tableName: table.name,
        request: { PutRequest: { Item: { id, n: 1 } } },
      })),
    );
    expect(failed.unprocessedItems).toEqual({
      [table.name]: unsent.map((id) => ({ PutRequest: { Item: { id, n: 1 } } })),
    });
    expect(failed.message).toMatch(/4 write\(s\).*3 attempt/);
    expect(await idsIn(table)).toEqual(ids('e', 10).slice(0, 6));
  });

  it('the function threw and the flush failed too: both errors, in an AggregateError', async () => {
    const table = await newTable('bwboth');
    const held = holdBack(client, 'BatchWriteItem', table.name, (_call, n) => n);
    const boom = new Error('boom');
    try {
      const error = await table
        .batchWriter(
          async (w) => {
            await w.putItem({ Item: { id: 'a' } });
            throw boom;
          },
          { ...FAST_RETRY, maxAttempts: 2 },
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AggregateError);
      const [first, second] = (error as AggregateError).errors;
      expect(first).toBe(boom);
      expect(second).toBeInstanceOf(BatchWriteError);
      expect((second as BatchWriteError).unprocessedItems).toEqual({
        [table.name]: [{ PutRequest: { Item: { id: 'a' } } }],
      });
    } finally {
      held.remove();
    }
  });
});

describe('dynamodb.batchWriteItem / batchGetItem', () => {
  it('batchWriteItem writes to several tables and re-sends UnprocessedItems', async () => {
    const a = await newTable('bwia');
    const b = await newTable('bwib');
    const held = holdBack(client, 'BatchWriteItem', a.name, (call) => (call === 1 ? 2 : 0));
    try {
      const out = await dynamodb.batchWriteItem(
        {
          RequestItems: {
            [a.name]: ids('a', 5).map((id) => ({
              PutRequest: { Item: { id, tags: new Set(['t']) } },
            })),
            [b.name]: [{ PutRequest: { Item: { id: 'b1' } } }],
          },
        },
        FAST_RETRY,
      );
      expect(out.UnprocessedItems).toEqual({});
    } finally {
      held.remove();
    }
    expect(counter.count('BatchWriteItem')).toBe(2);
    expect(await idsIn(a)).toEqual(ids('a', 5));
    expect(await idsIn(b)).toEqual(['b1']);
  });

  it('batchWriteItem raises a BatchWriteError after maxAttempts', async () => {
    const a = await newTable('bwie');
    const held = holdBack(client, 'BatchWriteItem', a.name, () => 1);
    try {
      const error = await dynamodb
        .batchWriteItem(
          {
            RequestItems: { [a.name]: ids('k', 3).map((id) => ({ PutRequest: { Item: { id } } })) },
          },
          { ...FAST_RETRY, maxAttempts: 2 },
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BatchWriteError);
      // Attempt 1 wrote k000 and k001; attempt 2 held k002 again.
      expect((error as BatchWriteError).unprocessedItems).toEqual({
        [a.name]: [{ PutRequest: { Item: { id: 'k002' } } }],
      });
      expect((error as BatchWriteError).responses).toHaveLength(2);
    } finally {
      held.remove();
    }
  });

  it('batchGetItem reads every key, re-requesting UnprocessedKeys, merged by table', async () => {
    const table = await newTable('bget');
    await table.batchWriter(async (w) => {
      for (const id of ids('g', 30)) await w.putItem({ Item: { id, big: 2n ** 60n } });
    });
    counter.reset();
    const held = holdBack(client, 'BatchGetItem', table.name, (call) => (call === 1 ? 7 : 0));
    let out;
    try {
      out = await dynamodb.batchGetItem(
        { RequestItems: { [table.name]: { Keys: ids('g', 30).map((id) => ({ id })) } } },
        FAST_RETRY,
      );
    } finally {
      held.remove();
    }
    expect(counter.count('BatchGetItem')).toBe(2);
    const items = out.Responses?.[table.name] ?? [];
    expect(items.map((i) => i.id).sort()).toEqual(ids('g', 30));
    expect(String(items[0]?.big)).toBe(String(2n ** 60n));
    expect(out.UnprocessedKeys).toEqual({});
    // The second request asked for exactly the held keys.
    const second = counter.inputs[1]?.input as {
      RequestItems: Record<string, { Keys: unknown[] }>;
    };
    expect(second.RequestItems[table.name]?.Keys).toHaveLength(7);
  });

  it('batchGetItem raises a BatchGetError with the unread keys and what was read', async () => {
    const table = await newTable('bgete');
    await table.batchWriter(async (w) => {
      for (const id of ids('h', 4)) await w.putItem({ Item: { id } });
    });
    const held = holdBack(client, 'BatchGetItem', table.name, () => 2);
    try {
      const error = await dynamodb
        .batchGetItem(
          { RequestItems: { [table.name]: { Keys: ids('h', 4).map((id) => ({ id })) } } },
          { ...FAST_RETRY, maxAttempts: 2 },
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BatchGetError);
      const failed = error as BatchGetError;
      expect(failed.unprocessedKeys).toEqual({
        [table.name]: { Keys: [{ id: 'h002' }, { id: 'h003' }] },
      });
      expect(failed.failures).toEqual([
        { tableName: table.name, key: { id: 'h002' } },
        { tableName: table.name, key: { id: 'h003' } },
      ]);
      expect((failed.result.Responses?.[table.name] ?? []).map((i) => i.id).sort()).toEqual([
        'h000',
        'h001',
      ]);
    } finally {
      held.remove();
    }
  });

  it('a service error on the first request is the v3 error, unwrapped', async () => {
    await expect(
      dynamodb.batchGetItem({ RequestItems: { 'no-such-table-xyz': { Keys: [{ id: 'a' }] } } }),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('bad values and empty RequestItems fail before any request', async () => {
    await expect(dynamodb.batchGetItem({ RequestItems: {} })).rejects.toThrow(ParamValidationError);
    await expect(
      dynamodb.batchWriteItem({
        RequestItems: { t: [{ PutRequest: { Item: { id: 'x', s: new Set() } } }] },
      }),
    ).rejects.toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });
});
