/** Building request params from a definition and merging the caller's params over them. */
import { ParamValidationError } from '../../src/core/errors.js';
import { field } from '../../src/core/accessors.js';
import { buildParams, mergeCallerParams, setParam, type Params } from '../../src/core/params.js';

describe('setParam', () => {
  it('nests A.B and indexes A[0].B[0]', () => {
    const params: Params = {};
    setParam(params, 'A.B', 1);
    setParam(params, 'A.C', 2);
    setParam(params, 'L[0].M[0]', 'x');
    setParam(params, 'L[1].M[1]', 'y');
    setParam(params, 'L[1].M[0]', 'z');
    expect(params).toEqual({ A: { B: 1, C: 2 }, L: [{ M: ['x'] }, { M: ['z', 'y'] }] });
  });

  it('puts [*] and [] segments at the batch index (0 outside batches)', () => {
    const params: Params = {};
    setParam(params, 'Delete.Objects[*].Key', 'a');
    setParam(params, 'Delete.Objects[*].Key', 'b', 1);
    setParam(params, 'Delete.Objects[].VersionId', 'v2', 1);
    setParam(params, 'Delete.Quiet', true);
    expect(params).toEqual({
      Delete: { Objects: [{ Key: 'a' }, { Key: 'b', VersionId: 'v2' }], Quiet: true },
    });
  });

  it('rejects a malformed target', () => {
    expect(() => setParam({}, 'A..B', 1)).toThrow(ParamValidationError);
    expect(() => setParam({}, 'A[x]', 1)).toThrow(/Invalid parameter target 'A\[x\]'/);
  });
});

describe('buildParams', () => {
  const context = { identifiers: { BucketName: 'b', Key: 'k' }, data: { Owner: { ID: 'o1' } } };

  it('draws identifier, data and constant sources', () => {
    const params = buildParams(
      [
        { target: 'Bucket', source: 'identifier', name: 'BucketName' },
        { target: 'Owner.Id', source: 'data', path: (data) => field(field(data, 'Owner'), 'ID') },
        { target: 'Config.Status', source: 'string', value: 'Enabled' },
        { target: 'Config.Days', source: 'integer', value: 7 },
        { target: 'Config.Quiet', source: 'boolean', value: false },
      ],
      context,
    );
    expect(params).toEqual({
      Bucket: 'b',
      Owner: { Id: 'o1' },
      Config: { Status: 'Enabled', Days: 7, Quiet: false },
    });
  });

  it('builds one batch request over several resources with the batch index', () => {
    const definitions = [
      { target: 'Bucket', source: 'identifier', name: 'BucketName' },
      { target: 'Delete.Objects[*].Key', source: 'identifier', name: 'Key' },
    ] as const;
    const into: Params = {};
    ['k0', 'k1', 'k2'].forEach((key, index) =>
      buildParams(definitions, { identifiers: { BucketName: 'b', Key: key } }, into, index),
    );
    expect(into).toEqual({
      Bucket: 'b',
      Delete: { Objects: [{ Key: 'k0' }, { Key: 'k1' }, { Key: 'k2' }] },
    });
  });

  it("refuses the 'input' source, which only has uses", () => {
    expect(() => buildParams([{ target: 'Key', source: 'input' }], context)).toThrow(
      ParamValidationError,
    );
  });
});

describe('mergeCallerParams', () => {
  it('merges nested objects and appends lists', () => {
    const built = { Bucket: 'b', Delete: { Objects: [{ Key: 'a' }] }, Tags: ['t1'] };
    const merged = mergeCallerParams(
      built,
      { Delete: { Objects: [{ Key: 'c' }], Quiet: true }, Tags: ['t2'], Prefix: 'p/' },
      'Bucket.deleteObjects',
    );
    expect(merged).toEqual({
      Bucket: 'b',
      Delete: { Objects: [{ Key: 'a' }, { Key: 'c' }], Quiet: true },
      Tags: ['t1', 't2'],
      Prefix: 'p/',
    });
  });

  it('accepts the same value the resource fills, and skips undefined members', () => {
    expect(mergeCallerParams({ Bucket: 'b' }, { Bucket: 'b', Key: undefined }, 'x')).toEqual({
      Bucket: 'b',
    });
  });

  it('refuses a different value for a filled member, naming the member and the method', () => {
    expect(() =>
      mergeCallerParams({ Bucket: 'b' }, { Bucket: 'other' }, 'Bucket.putObject'),
    ).toThrow(ParamValidationError);
    expect(() =>
      mergeCallerParams(
        { Config: { Status: 'Enabled' } },
        { Config: { Status: 'Suspended' } },
        'V.enable',
      ),
    ).toThrow(/^V\.enable: 'Config\.Status' is filled from the resource \("Enabled"\)/);
  });

  it('refuses params that are not an object', () => {
    expect(() => mergeCallerParams({}, [] as unknown as object, 'T.a')).toThrow(
      'T.a: params must be an object, got an array',
    );
    expect(() => mergeCallerParams({}, 'x' as unknown as object, 'T.a')).toThrow(
      ParamValidationError,
    );
    expect(mergeCallerParams({ A: 1 }, undefined, 'T.a')).toEqual({ A: 1 });
  });

  it('keeps a __proto__ key as plain data and leaves Object.prototype alone', () => {
    const caller = JSON.parse(
      '{"__proto__": {"polluted": true}, "Metadata": {"__proto__": {"x": 1}}}',
    );
    const merged = mergeCallerParams({ Bucket: 'b' }, caller, 'T.a');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(merged, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(merged, '__proto__')?.value).toEqual({ polluted: true });
    const metadata = merged.Metadata as object;
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(metadata, '__proto__')?.value).toEqual({ x: 1 });
    // Merging into an existing object with a __proto__ key does not pollute either.
    const again = mergeCallerParams({ Metadata: {} }, caller, 'T.a');
    expect(Object.keys(again.Metadata as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('never writes into the caller’s objects, even on later merges', () => {
    const caller = { Delete: { Objects: [{ Key: 'c' }] }, Tags: ['t'] };
    const snapshot = structuredClone(caller);
    const first = mergeCallerParams({ Bucket: 'b' }, caller, 'T.a');
    // A second merge into the result (the next filter, the next page) must not reach `caller`.
    mergeCallerParams(
      first,
      { Delete: { Objects: [{ Key: 'd' }], Quiet: true }, Tags: ['u'] },
      'T.a',
    );
    const objects = (first.Delete as { Objects: Params[] }).Objects;
    objects.push({ Key: 'e' });
    for (const item of objects) item.VersionId = 'v';
    expect(caller).toEqual(snapshot);
    expect(first.Delete).not.toBe(caller.Delete);
    // Appended list items are copies too: the request may be changed without touching them.
    const appended = { Tags: [{ Key: 'x' }] };
    const merged = mergeCallerParams({ Tags: [{ Key: 'a' }] }, appended, 'T.a');
    (merged.Tags as Params[]).forEach((tag) => (tag.Value = 'changed'));
    expect(appended).toEqual({ Tags: [{ Key: 'x' }] });
  });
});
