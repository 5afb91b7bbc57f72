/**
 * ItemIterator hands each item of a stream of pages out once, in order, also when `next()`
 * is called again before the previous call has settled (a page fetch in between).
 */
import { ItemIterator } from '../../src/collections/item-iterator.js';

async function* pages(...contents: number[][]): AsyncGenerator<number[], void, undefined> {
  for (const page of contents) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    yield page;
  }
}

describe('ItemIterator', () => {
  it('yields every item once, in order, with for await', async () => {
    const seen: number[] = [];
    for await (const item of new ItemIterator(pages([1, 2], [], [3]))) seen.push(item);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('queues next() calls made while a page is being fetched', async () => {
    const iterator = new ItemIterator(pages([1, 2], [3, 4]));
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => iterator.next()));
    expect(results).toEqual([
      { done: false, value: 1 },
      { done: false, value: 2 },
      { done: false, value: 3 },
      { done: false, value: 4 },
      { done: true, value: undefined },
    ]);
  });

  it('stops the pages on return()', async () => {
    const source = pages([1, 2], [3]);
    const iterator = new ItemIterator(source);
    await iterator.next();
    await iterator.return();
    expect(await source.next()).toEqual({ done: true, value: undefined });
  });
});
