/**
 * The re-send loop behind the batch writer and the service's batch calls: bounded attempts,
 * exponential backoff with full jitter, abort during a wait, and failures that keep what
 * was pending.
 */
import {
  backoffDelay,
  retryPolicy,
  sendUntilProcessed,
} from '../../src/resources/dynamodb/retry.js';
import { AbortError, ParamValidationError } from '../../src/index.js';

const fail = (message: string) => new ParamValidationError(message);

describe('backoffDelay', () => {
  it('is a random wait up to base · 2^(attempt-1), capped', () => {
    const random = jest.spyOn(Math, 'random');
    try {
      random.mockReturnValue(0.999999);
      expect(backoffDelay(1, 50, 5000)).toBeCloseTo(50, 2);
      expect(backoffDelay(4, 50, 5000)).toBeCloseTo(400, 1);
      expect(backoffDelay(20, 50, 5000)).toBeCloseTo(5000, 0);
      random.mockReturnValue(0);
      expect(backoffDelay(3, 50, 5000)).toBe(0);
    } finally {
      random.mockRestore();
    }
  });
});

describe('retryPolicy', () => {
  it('has defaults and refuses bad settings', () => {
    expect(retryPolicy(undefined, 'x', fail)).toEqual({
      maxAttempts: 8,
      baseDelayMs: 50,
      maxDelayMs: 5000,
    });
    expect(() => retryPolicy({ maxAttempts: 0 }, 'x', fail)).toThrow(ParamValidationError);
    expect(() => retryPolicy({ maxAttempts: 1.5 }, 'x', fail)).toThrow(/integer/);
    expect(() => retryPolicy({ baseDelayMs: -1 }, 'x', fail)).toThrow(/baseDelayMs/);
    expect(() => retryPolicy({ maxDelayMs: Number.NaN }, 'x', fail)).toThrow(/maxDelayMs/);
  });
});

describe('sendUntilProcessed', () => {
  const policy = (maxAttempts: number, abortSignal?: AbortSignal) => ({
    maxAttempts,
    baseDelayMs: 1,
    maxDelayMs: 2,
    ...(abortSignal ? { abortSignal } : {}),
  });
  /** Each call processes the first `take` of what it is sent. */
  const sender = (take: number) => {
    const sent: number[][] = [];
    const send = (batch: number[]) => {
      sent.push(batch);
      return Promise.resolve({ left: batch.slice(take) });
    };
    return { sent, send };
  };
  const leftover = (r: { left: number[] }) => (r.left.length > 0 ? r.left : undefined);

  it('re-sends what is left until nothing is', async () => {
    const { sent, send } = sender(2);
    const outcome = await sendUntilProcessed([1, 2, 3, 4, 5], send, leftover, policy(8));
    expect(sent).toEqual([[1, 2, 3, 4, 5], [3, 4, 5], [5]]);
    expect(outcome).toEqual({ responses: [{ left: [3, 4, 5] }, { left: [5] }, { left: [] }] });
  });

  it('stops after maxAttempts with exactly what is still unprocessed', async () => {
    const { sent, send } = sender(1);
    const outcome = await sendUntilProcessed([1, 2, 3, 4], send, leftover, policy(2));
    expect(sent).toHaveLength(2);
    expect(outcome.unprocessed).toEqual([3, 4]);
    expect(outcome.error).toBeUndefined();
  });

  it('a failing request ends the run with its error and what it was sending', async () => {
    let calls = 0;
    const boom = new Error('boom');
    const outcome = await sendUntilProcessed(
      [1, 2, 3],
      (batch: number[]) => {
        calls += 1;
        return calls === 1 ? Promise.resolve({ left: batch.slice(1) }) : Promise.reject(boom);
      },
      leftover,
      policy(5),
    );
    expect(outcome).toEqual({ responses: [{ left: [2, 3] }], unprocessed: [2, 3], error: boom });
  });

  it('an abort during a backoff wait ends the run with an AbortError', async () => {
    const controller = new AbortController();
    const { sent, send } = sender(0);
    const slow = { ...policy(5, controller.signal), baseDelayMs: 10_000, maxDelayMs: 10_000 };
    const random = jest.spyOn(Math, 'random').mockReturnValue(1);
    try {
      const running = sendUntilProcessed([1], send, leftover, slow);
      setTimeout(() => controller.abort(), 10);
      const outcome = await running;
      expect(sent).toHaveLength(1);
      expect(outcome.error).toBeInstanceOf(AbortError);
      expect(outcome.unprocessed).toEqual([1]);
    } finally {
      random.mockRestore();
    }
  });
});
