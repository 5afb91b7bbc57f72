/** `queryOf`: what a collection would list, read without listing (for hand-offs to other engines). */
import { queryOf } from '../../src/core/index.js';
import { things } from './fixtures/things.js';

describe('queryOf', () => {
  it('gives the owner and its client, the combined filters, the limit and the page size, and sends nothing', () => {
    const { service, client } = things(() => {
      throw new Error('nothing is sent');
    });
    const collection = service.things
      .filter({ Prefix: 'a', Tags: ['x'] })
      .filter({ Tags: ['y'], Range: { From: 1 } })
      .limit(5)
      .pageSize(2);
    const query = queryOf(collection);
    expect(query).toEqual({
      label: expect.stringMatching(/\.things$/),
      identifiers: {},
      client,
      filters: { Prefix: 'a', Tags: ['x', 'y'], Range: { From: 1 } },
      limit: 5,
      pageSize: 2,
    });
    expect(queryOf(service.things.all())).not.toHaveProperty('limit');
    expect(client.sent).toEqual([]);
  });
});
