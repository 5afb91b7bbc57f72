/** searchPath: the definitions' JMESPath, with `$Name` standing for identifier values. */
import { isListPath, searchPath, withoutMetadata } from '../../src/core/path.js';

const listing = {
  Buckets: [
    { Name: 'a', CreationDate: 1 },
    { Name: "it's `odd`", CreationDate: 2 },
  ],
  Versions: [{ Key: 'v1' }],
  DeleteMarkers: [{ Key: 'd1' }, { Key: 'd2' }],
};

describe('searchPath', () => {
  it('returns the whole value for @ and evaluates ordinary paths', () => {
    expect(searchPath(listing, '@')).toBe(listing);
    expect(searchPath(listing, 'Buckets[].Name')).toEqual(['a', "it's `odd`"]);
    expect(searchPath(listing, 'Missing.Member')).toBeNull();
  });

  it('substitutes $Name with the identifier as a JMESPath literal', () => {
    const path = 'Buckets[?Name == $Name] | [0]';
    expect(searchPath(listing, path, { Name: 'a' })).toEqual({ Name: 'a', CreationDate: 1 });
    // Quotes and backticks in the value stay data, not syntax.
    expect(searchPath(listing, path, { Name: "it's `odd`" })).toEqual(listing.Buckets[1]);
    expect(searchPath(listing, path, { Name: 'nope' })).toBeNull();
  });

  it('leaves $Names that are not variables alone', () => {
    expect(() => searchPath(listing, 'Buckets[?Name == $Other] | [0]', { Name: 'a' })).toThrow();
  });

  it('joins lists with [A,B]|[]', () => {
    expect(searchPath(listing, '[Versions, DeleteMarkers] | []')).toEqual([
      { Key: 'v1' },
      { Key: 'd1' },
      { Key: 'd2' },
    ]);
    expect(searchPath(listing, '[Versions, DeleteMarkers] | [].Key')).toEqual(['v1', 'd1', 'd2']);
  });
});

describe('isListPath', () => {
  it.each([
    ['Contents[]', true],
    ['Tags[*].Key', true],
    ['[A,B]|[]', true],
    ['Owner.Id', false],
    ['@', false],
  ])('%s → %s', (path, expected) => {
    expect(isListPath(path)).toBe(expected);
  });
});

describe('withoutMetadata', () => {
  it('drops $metadata and keeps everything else', () => {
    expect(withoutMetadata({ $metadata: { httpStatusCode: 200 }, ETag: '"x"' })).toEqual({
      ETag: '"x"',
    });
  });
});
