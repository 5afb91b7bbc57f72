/** searchPath reads `Name` and `Name[]` directly: the results must be JMESPath's, always. */
import { search } from 'jmespath';
import { searchPath } from '../../src/core/path.js';

class Shape {
  Items = [{ a: 1 }];
}

const inputs: Array<[string, unknown]> = [
  ['plain object', { Items: [{ a: 1 }, { a: 2 }], Name: 'x', Zero: 0, Empty: '' }],
  ['missing member', { Other: 1 }],
  ['undefined member', { Items: undefined, Name: undefined }],
  ['null member', { Items: null, Name: null }],
  ['non-list member', { Items: 'abc', Name: { deep: true } }],
  ['nested lists', { Items: [[1, 2], [3], 4] }],
  ['nulls in the list', { Items: [{ a: 1 }, null, { a: 2 }] }],
  ['empty list', { Items: [] }],
  ['an array', [{ Items: [1] }]],
  ['a string', 'Items'],
  ['null', null],
  ['a class instance', new Shape()],
  ['a null-prototype object', Object.assign(Object.create(null) as object, { Items: [{ a: 1 }] })],
];

describe('searchPath: direct reads agree with JMESPath', () => {
  it.each(inputs)('%s', (_, data) => {
    for (const path of ['Items', 'Items[]', 'Name', 'Name[]', 'Zero', 'Empty', 'Nope[]']) {
      expect({ path, value: searchPath(data, path) }).toEqual({
        path,
        value: search(data as never, path) as unknown,
      });
    }
  });

  it('returns a new list for `Name[]`, the member itself for `Name`', () => {
    const data = { Items: [{ a: 1 }] };
    expect(searchPath(data, 'Items[]')).not.toBe(data.Items);
    expect(searchPath(data, 'Items')).toBe(data.Items);
  });
});
