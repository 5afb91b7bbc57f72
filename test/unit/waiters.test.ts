/** Waiters: option checks before any request, the v3 waiter's polling, and abort. */
import { AbortError, ParamValidationError } from '../../src/core/errors.js';
import { waitUntilBucketExists } from '@aws-sdk/client-s3';
import { runWaiter } from '../../src/core/waiter.js';
import { SIGNAL_NAMES, signalOption } from '../support/signal-names.js';
import { serviceError, things, waiterCalls, type FakeClient } from './fixtures/things.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('waiters', () => {
  beforeEach(() => {
    waiterCalls.length = 0;
  });

  it('run the v3 waiter with the identifier params and the options as its config', async () => {
    const { service, client } = things(() => ({ Thing: {} }));
    await service.Thing('t1').waitUntilExists({ maxWaitTime: 5, minDelay: 1, maxDelay: 2 });
    // The waiter gets a view of the client (its sends name the library), not the client.
    const view = expect.objectContaining({ send: expect.any(Function) });
    expect(waiterCalls).toEqual([
      {
        config: { client: view, maxWaitTime: 5, minDelay: 1, maxDelay: 2 },
        input: { ThingId: 't1' },
      },
    ]);
    expect(Object.getPrototypeOf(waiterCalls[0]?.config.client)).toBe(client);
    expect(Object.hasOwn(client, 'send')).toBe(false);
    await service.Thing('t1').waitUntilExists();
    expect(waiterCalls[1]?.config).toEqual({ client: view, maxWaitTime: 300 });
    expect(client.operations).toEqual(['DescribeThing', 'DescribeThing']);
  });

  it.each([
    [{ maxWaitTime: 0 }, /maxWaitTime must be a positive number of seconds, got 0/],
    [{ maxWaitTime: -1 }, /maxWaitTime must be a positive number/],
    [{ maxWaitTime: NaN }, /maxWaitTime must be a positive number of seconds, got NaN/],
    [{ maxWaitTime: Infinity }, /maxWaitTime must be a positive number/],
    [{ maxWaitTime: '3' }, /maxWaitTime must be a positive number/],
    [{ minDelay: 0 }, /minDelay must be a positive number/],
    [{ maxDelay: -2 }, /maxDelay must be a positive number/],
    [{ minDelay: 5, maxDelay: 2 }, /minDelay \(5\) must not exceed maxDelay \(2\)/],
    [{ minDelay: 10, maxWaitTime: 5 }, /minDelay \(10\) must be less than maxWaitTime \(5\)/],
    [{ minDelay: 5, maxWaitTime: 5 }, /minDelay \(5\) must be less than maxWaitTime \(5\)/],
    [{ abortSignal: {} }, /abortSignal must be an AbortSignal/],
    [{ signal: 'now' }, /options\.signal must be an AbortSignal, got "now"/],
    [
      { abortSignal: new AbortController().signal, signal: new AbortController().signal },
      /options\.abortSignal and options\.signal are two different signals/,
    ],
  ])('refuse %p before any request', async (options, message) => {
    const { service, client } = things();
    const wait = service.Thing('t1').waitUntilExists(options as never);
    await expect(wait).rejects.toThrow(ParamValidationError);
    await expect(wait).rejects.toThrow(/^Thing\.waitUntilExists: /);
    await expect(wait).rejects.toThrow(message);
    expect(waiterCalls).toEqual([]);
    expect(client.sent).toEqual([]);
  });

  it.each(SIGNAL_NAMES)('send nothing when %s is already aborted', async (name) => {
    const { service, client } = things();
    await expect(
      service.Thing('t1').waitUntilExists(signalOption(name, AbortSignal.abort())),
    ).rejects.toThrow(AbortError);
    expect(client.sent).toEqual([]);
  });
});

describe('a real v3 waiter (waitUntilBucketExists) over a fake client', () => {
  /** HeadBucket answers NotFound `misses` times, then succeeds. */
  function headBucket(client: FakeClient, misses: number): void {
    client.handler = (operation) => {
      if (operation !== 'HeadBucket') throw new Error(`unexpected ${operation}`);
      if (client.count('HeadBucket') <= misses) throw serviceError('NotFound', 404);
      return {};
    };
  }

  it('polls until the resource exists', async () => {
    const { service, client } = things();
    headBucket(client, 2);
    await service.Thing('b1').waitUntilReady({ maxWaitTime: 5, minDelay: 0.01, maxDelay: 0.02 });
    expect(client.sent.map((c) => [c.operation, c.input])).toEqual([
      ['HeadBucket', { Bucket: 'b1' }],
      ['HeadBucket', { Bucket: 'b1' }],
      ['HeadBucket', { Bucket: 'b1' }],
    ]);
  });

  it.each(SIGNAL_NAMES)('sends no request after an abort of %s during the wait', async (name) => {
    const { service, client } = things();
    headBucket(client, Infinity);
    const controller = new AbortController();
    const started = Date.now();
    const wait = service.Thing('b1').waitUntilReady({
      maxWaitTime: 10,
      minDelay: 0.2,
      maxDelay: 0.2,
      ...signalOption(name, controller.signal),
    });
    setTimeout(() => controller.abort(), 50);
    await expect(wait).rejects.toThrow(AbortError);
    expect(Date.now() - started).toBeLessThan(190);
    // The v3 poller wakes up after its delay; the guarded client must not send then.
    await sleep(400);
    expect(client.count('HeadBucket')).toBe(1);
    expect(client.sent[0]?.abortSignal).toBe(controller.signal);
  });

  it('runWaiter refuses to send once aborted, even from a poller already asleep', async () => {
    const { client } = things();
    headBucket(client, Infinity);
    const controller = new AbortController();
    const wait = runWaiter(
      client,
      waitUntilBucketExists,
      'BucketExists',
      { Bucket: 'b2' },
      {
        maxWaitTime: 10,
        minDelay: 0.1,
        maxDelay: 0.1,
        abortSignal: controller.signal,
      },
    );
    await sleep(20);
    controller.abort();
    await expect(wait).rejects.toThrow('BucketExists wait was aborted');
    await sleep(250);
    expect(client.count('HeadBucket')).toBe(1);
  });

  // Without minDelay the v3 waiter uses its own default (5 s for BucketExists) and refuses a
  // maxWaitTime that does not exceed it; the engine then polls sooner, with no extra request.
  it('accepts a maxWaitTime below the waiter’s default minDelay', async () => {
    const { service, client } = things();
    headBucket(client, 0);
    await service.Thing('b1').waitUntilReady({ maxWaitTime: 3 });
    expect(client.count('HeadBucket')).toBe(1);
  });
});
