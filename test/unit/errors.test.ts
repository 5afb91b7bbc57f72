/**
 * One error vocabulary: bad input is a ParamValidationError (also a TypeError), every abort
 * is the library's AbortError with the client's error (or the signal's reason) as `cause`.
 */
import {
  AbortError,
  AwsResourcesError,
  BatchActionError,
  DefinitionError,
  IdentifierError,
  ParamValidationError,
  ResourceNotFoundError,
  ResourceNotLoadableError,
} from '../../src/core/errors.js';
import { things, type Handler } from './fixtures/things.js';

/** The error a v3 client throws for a request its signal cut short. */
function clientAbortError(): Error {
  return Object.assign(new Error('Request aborted'), { name: 'AbortError' });
}

/** What `run` rejects with; fails the test if it resolves. */
async function rejection(run: Promise<unknown>): Promise<unknown> {
  try {
    await run;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('error classes', () => {
  it('ParamValidationError is a TypeError, an Error and an AwsResourcesError', () => {
    const error = new ParamValidationError('Bucket.putObject: params must be an object');
    expect(error).toBeInstanceOf(ParamValidationError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(AwsResourcesError);
    expect(error).not.toBeInstanceOf(AbortError);
    expect(error.name).toBe('ParamValidationError');
    expect(String(error)).toBe('ParamValidationError: Bucket.putObject: params must be an object');
    expect(error.stack).toContain('ParamValidationError');
  });

  it('IdentifierError extends ParamValidationError, so it is a TypeError too', () => {
    const error = new IdentifierError('Bucket', 'name', 'must be a non-empty string');
    expect(error).toBeInstanceOf(IdentifierError);
    expect(error).toBeInstanceOf(ParamValidationError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toBeInstanceOf(AwsResourcesError);
    expect(error.name).toBe('IdentifierError');
    expect(error.message).toBe("Bucket: identifier 'name' must be a non-empty string");
  });

  it('the other library errors are AwsResourcesErrors and not TypeErrors', () => {
    const errors = [
      new AbortError(),
      new DefinitionError('s3.json', '$.resources', 'bad'),
      new ResourceNotFoundError('Bucket', { name: 'b' }),
      new ResourceNotLoadableError('no load'),
      new BatchActionError('1 item(s) failed', [], []),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(AwsResourcesError);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(TypeError);
      expect(error).not.toBeInstanceOf(ParamValidationError);
      expect(error.name).toBe(error.constructor.name);
    }
  });

  it('subclasses keep the ordinary instanceof check', () => {
    expect(new AbortError()).not.toBeInstanceOf(DefinitionError);
    expect(new ParamValidationError('x')).not.toBeInstanceOf(IdentifierError);
    expect(new TypeError('x')).not.toBeInstanceOf(AwsResourcesError);
    expect(new Error('x')).not.toBeInstanceOf(AwsResourcesError);
    expect(Object.create(Error.prototype)).not.toBeInstanceOf(AwsResourcesError);
    for (const value of [undefined, null, 'AbortError', 42, {}]) {
      expect(value instanceof AwsResourcesError).toBe(false);
      expect(value instanceof ParamValidationError).toBe(false);
    }
  });

  it('an existing `instanceof TypeError` catch still catches bad input', () => {
    const { service } = things();
    let caught: unknown;
    try {
      service.Thing('');
    } catch (error) {
      if (error instanceof TypeError) caught = error;
    }
    expect(caught).toBeInstanceOf(IdentifierError);
  });

  it('carry a cause', () => {
    const cause = new Error('socket hang up');
    expect(new AbortError(undefined, { cause }).cause).toBe(cause);
    expect(new AbortError().message).toBe('The operation was aborted');
    expect(new ParamValidationError('bad', { cause }).cause).toBe(cause);
  });
});

describe('an abort during a request', () => {
  /** Answers DescribeThing by aborting `controller` and failing as a v3 client does. */
  function abortingHandler(controller: AbortController, sdkError: Error): Handler {
    return (operation) => {
      if (operation !== 'DescribeThing') return {};
      controller.abort();
      throw sdkError;
    };
  }

  it('rejects with AbortError, the client error as cause', async () => {
    const controller = new AbortController();
    const sdkError = clientAbortError();
    const { service, client } = things(abortingHandler(controller, sdkError));
    const error = await rejection(service.Thing('t1').load({ abortSignal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toBeInstanceOf(AwsResourcesError);
    expect((error as AbortError).name).toBe('AbortError');
    expect((error as AbortError).cause).toBe(sdkError);
    expect(client.operations).toEqual(['DescribeThing']);
  });

  it('any error once the signal has fired is an abort (the cause keeps it)', async () => {
    const controller = new AbortController();
    const sdkError = Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
    const { service } = things(abortingHandler(controller, sdkError));
    const error = await rejection(service.Thing('t1').load({ abortSignal: controller.signal }));
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(sdkError);
  });

  it('an error named AbortError is an abort even without a signal of ours', async () => {
    const sdkError = clientAbortError();
    const { service } = things(() => {
      throw sdkError;
    });
    const error = await rejection(service.Thing('t1').load());
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(sdkError);
  });

  it('service errors pass through unchanged', async () => {
    const serviceError = Object.assign(new Error('no such thing'), { name: 'NoSuchThing' });
    const { service } = things(() => {
      throw serviceError;
    });
    const signal = new AbortController().signal;
    await expect(service.Thing('t1').load({ abortSignal: signal })).rejects.toBe(serviceError);
  });

  it('in a v3 paginator, rejects the listing with AbortError', async () => {
    const controller = new AbortController();
    const sdkError = clientAbortError();
    const { service, client } = things((_operation, input) => {
      if (input.NextToken === undefined)
        return { Things: [{ Id: 't0' }, { Id: 't1' }], NextToken: '2' };
      controller.abort();
      throw sdkError;
    });
    const seen: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const thing of service.things.all().iterate({ abortSignal: controller.signal }))
          seen.push(thing.thingId);
      })(),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(sdkError);
    expect(seen).toEqual(['t0', 't1']);
    expect(client.operations).toEqual(['ListThings', 'ListThings']);
  });

  it('in a token-paged listing (sendOperation), rejects with AbortError', async () => {
    const controller = new AbortController();
    const sdkError = clientAbortError();
    const { service } = things(() => {
      controller.abort();
      throw sdkError;
    });
    const error = await rejection(
      service.Thing('t1').parts.all().toArray({ abortSignal: controller.signal }),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(sdkError);
  });
});

describe('an abort while a collection is iterated', () => {
  /** One ListThings page of `size` things, then (if asked) another. */
  const bigPage =
    (size: number): Handler =>
    (operation, input) => {
      if (operation === 'DeleteThings') return {};
      const start = Number(input.NextToken ?? 0);
      const items = Array.from({ length: size }, (_, i) => ({ Id: `t${start + i}` }));
      return { Things: items, NextToken: String(start + size) };
    };

  it('stops at the next item: aborted at item 5 of a 1000-item page, no item 6', async () => {
    const { service, client } = things(bigPage(1000));
    const controller = new AbortController();
    const reason = new Error('enough');
    const seen: string[] = [];
    const iterator = service.things.all().iterate({ abortSignal: controller.signal });
    const error = await rejection(
      (async () => {
        for await (const thing of iterator) {
          seen.push(thing.thingId);
          if (seen.length === 5) controller.abort(reason);
        }
      })(),
    );
    expect(seen).toEqual(['t0', 't1', 't2', 't3', 't4']);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(reason);
    expect(client.operations).toEqual(['ListThings']);
    // Finished: nothing more comes out, and nothing more is sent.
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(client.operations).toEqual(['ListThings']);
  });

  it('next() called without awaiting still stops at the abort', async () => {
    const { service } = things(bigPage(1000));
    const controller = new AbortController();
    const iterator = service.things.all().iterate({ abortSignal: controller.signal });
    const first = await Promise.all([iterator.next(), iterator.next()]);
    expect(first.map((r) => r.value?.thingId)).toEqual(['t0', 't1']);
    controller.abort();
    const later = iterator.next();
    const after = iterator.next();
    await expect(later).rejects.toBeInstanceOf(AbortError);
    await expect(after).resolves.toEqual({ done: true, value: undefined });
  });

  it('an abort while a page is on its way hands out none of its items', async () => {
    const controller = new AbortController();
    const { service } = things((_operation, input) => {
      const items = [{ Id: `t${String(input.NextToken ?? 0)}` }];
      // The signal fires after the request was answered, before its items are handed out.
      if (input.NextToken !== undefined) controller.abort();
      return { Things: items, NextToken: '1' };
    });
    const seen: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const page of service.things.all().pages({ abortSignal: controller.signal }))
          seen.push(...page.map((t) => t.thingId));
      })(),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toEqual(['t0']);
  });

  it('toArray and first reject with AbortError and send nothing more', async () => {
    const controller = new AbortController();
    const { service, client } = things((_operation, input) => {
      if (input.NextToken !== undefined) controller.abort();
      return { Things: [{ Id: 'a' }], NextToken: 'more' };
    });
    await expect(
      service.things.all().toArray({ abortSignal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(client.operations).toEqual(['ListThings', 'ListThings']);
    await expect(
      service.things.all().first({ abortSignal: controller.signal }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(client.operations).toEqual(['ListThings', 'ListThings']);
  });

  it('a batch action aborted between pages raises AbortError and sends nothing more', async () => {
    const controller = new AbortController();
    const { service, client } = things((operation, input) => {
      if (operation === 'DeleteThings') {
        controller.abort(); // after the first page's delete
        return {};
      }
      const start = Number(input.NextToken ?? 0);
      return { Things: [{ Id: `t${start}` }], NextToken: String(start + 1) };
    });
    const error = await rejection(
      service.things.all().delete(undefined, { abortSignal: controller.signal }),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect(client.operations).toEqual(['ListThings', 'DeleteThings']);
  });
});
