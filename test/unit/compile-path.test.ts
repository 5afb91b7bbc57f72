/**
 * Compiled paths: every JMESPath expression of every definition, and a few harder ones, give
 * what JMESPath itself gives, on data shaped like responses and on data that is not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { search } from 'jmespath';
import ts from 'typescript';
import { compilePath, isListPath, itemPathOf } from '../../scripts/generator/compile-path.js';
import * as accessors from '../../src/core/accessors.js';
import type { Path } from '../../src/core/accessors.js';

const definitionsDir = join(__dirname, '..', '..', 'resource-definitions');
const PATH_MEMBERS = new Set(['path', 'errors', 'items', 'moreResults']);

/** Every path expression in the shipped definitions. */
function definitionPaths(): string[] {
  const found = new Set<string>();
  const walk = (key: string, value: unknown): void => {
    if (typeof value === 'string' && PATH_MEMBERS.has(key)) found.add(value);
    else if (key === 'outputTokens' && Array.isArray(value)) value.forEach((p) => found.add(p));
    else if (Array.isArray(value)) value.forEach((item) => walk(key, item));
    else if (typeof value === 'object' && value !== null)
      Object.entries(value).forEach(([k, v]) => walk(k, v));
  };
  for (const name of readdirSync(definitionsDir)) {
    if (name.endsWith('.json') && name !== 'schema.json')
      walk('', JSON.parse(readFileSync(join(definitionsDir, name), 'utf8')));
  }
  return [...found].sort();
}

function compiled(expression: string): Path {
  const { code } = compilePath(expression);
  const names = Object.keys(accessors);
  const js = ts.transpile(`return ${code};`, { target: ts.ScriptTarget.ES2022 });
  return new Function(...names, js)(
    ...names.map((n) => (accessors as Record<string, unknown>)[n]),
  ) as Path;
}

const variables = { Name: 'b', Key: "it's `odd`", OwnerId: 'o1' };

/** JMESPath itself, with `$Name` written in as a literal. */
function reference(data: unknown, expression: string): unknown {
  if (expression === '@') return data;
  const literal = expression.replace(
    /\$([A-Za-z_]\w*)/g,
    (_, name: string) =>
      '`' +
      JSON.stringify(variables[name as keyof typeof variables]).replace(/`/g, '\\u0060') +
      '`',
  );
  return search(data, literal);
}

const SAMPLES: unknown[] = [
  {
    Contents: [{ Key: 'a', Size: 1 }, { Size: 2 }, null, { Key: 'c' }],
    Buckets: [
      { Name: 'a', CreationDate: 1 },
      { Name: 'b', CreationDate: 2 },
    ],
    Reservations: [
      { Instances: [{ InstanceId: 'i1', Placement: { GroupName: '' } }, { InstanceId: 'i2' }] },
      { Instances: [] },
      { Instances: [{ InstanceId: 'i3' }] },
    ],
    Tags: [{ Key: 'k', Value: 'v' }, { Key: 'e' }],
    Versions: [{ Key: 'a', VersionId: '1' }],
    DeleteMarkers: [{ Key: 'b', VersionId: '2' }],
    LayerVersions: [{ Version: 3 }],
    Items: [{ id: 1 }],
    Errors: [{ Key: 'x', Code: 'AccessDenied' }],
    IsTruncated: true,
    NextKeyMarker: 'k',
    ContentLength: 5,
    ETag: '"e"',
    Owners: [{ Id: 'o1', DisplayName: 'one' }],
  },
  { Contents: 'not a list', Tags: null, LayerVersions: [], Buckets: [], Reservations: [[]] },
  { Reservations: [[{ Instances: [[{ InstanceId: 'nested' }]] }]] },
  null,
  [],
  'text',
];

const EXTRA = [
  'Contents[*].Key',
  'a[].b[*].c',
  'a[*].b[].c',
  'Owners[?Id == $OwnerId] | [0]',
  'Buckets[?Name != $Name].Name',
  '`[1, 2]`',
  'Buckets[-1].Name',
];

describe('compilePath', () => {
  const paths = definitionPaths();

  it('covers the paths of every definition', () => {
    expect(paths.length).toBeGreaterThan(100);
  });

  it.each([...paths, ...EXTRA])('%s gives what JMESPath gives', (expression) => {
    const path = compiled(expression);
    for (const data of SAMPLES) {
      const expected = reference(data, expression);
      const got = path(data, variables);
      if (expression === '@') expect(got).toBe(data);
      else expect(got).toEqual(expected);
    }
  });

  it('gives the whole response without $metadata for @', () => {
    const path = compiled('@');
    expect(path({ $metadata: { httpStatusCode: 200 }, ETag: 'x' }, {})).toEqual({ ETag: 'x' });
  });

  it('keeps quotes and backticks of variables as data', () => {
    const path = compiled('Buckets[?Name == $Key] | [0]');
    expect(path({ Buckets: [{ Name: "it's `odd`" }] }, variables)).toEqual({ Name: "it's `odd`" });
  });

  it.each(['Contents[', 'sort_by(@, &Key)', 'a.*', '"unterminated'])(
    'refuses %s, naming it',
    (expression) => {
      expect(() => compilePath(expression)).toThrow(expression);
    },
  );

  it('reads no variables unless the path names one', () => {
    expect(compilePath('Contents[].Key').code).not.toContain('$');
    expect(compilePath('Buckets[?Name == $Name] | [0]').code).toContain('$');
  });
});

describe('isListPath and itemPathOf', () => {
  it.each([
    ['Contents[]', true],
    ['Tags[*].Key', true],
    ['[A,B]|[]', true],
    ['Owner.Id', false],
    ['@', false],
  ])('%s projects a list: %s', (path, expected) => {
    expect(isListPath(path)).toBe(expected);
  });

  it('finds the member read from each element of the target list', () => {
    expect(itemPathOf('Contents[].Key', 'Contents[]')).toBe('Key');
    expect(itemPathOf('Reservations[].Instances[].InstanceId', 'Reservations[].Instances[]')).toBe(
      'InstanceId',
    );
    expect(itemPathOf('Tags[].Key', undefined)).toBeUndefined();
    expect(itemPathOf('Other[].Key', 'Contents[]')).toBeUndefined();
  });
});
