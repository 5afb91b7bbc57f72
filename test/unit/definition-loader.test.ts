/** Loading and validating definitions: every problem names the file and the JSON path. */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  defaultSchemaFile,
  loadDefinition,
  validateDefinition,
} from '../../src/core/definition-loader.js';
import { DefinitionError } from '../../src/core/errors.js';
import { thingsDefinition } from './fixtures/things.js';

const definitionsDir = resolve(__dirname, '..', '..', 'resource-definitions');
const schemaFile = join(definitionsDir, 'schema.json');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'aws-resources-definitions-'));
  copyFileSync(schemaFile, join(dir, 'schema.json'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a broken copy of the unit tests' definition and loads it. */
function loadBroken(name: string, breakIt: (definition: Json) => void): DefinitionError {
  const definition = JSON.parse(JSON.stringify(thingsDefinition)) as Json;
  breakIt(definition);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(definition, null, 2));
  return loadFailure(file);
}

function loadFailure(file: string): DefinitionError {
  try {
    loadDefinition(file);
  } catch (error) {
    expect(error).toBeInstanceOf(DefinitionError);
    const definitionError = error as DefinitionError;
    expect(definitionError.file).toBe(file);
    expect(definitionError.message.startsWith(`${file}: ${definitionError.jsonPath}: `)).toBe(true);
    return definitionError;
  }
  throw new Error(`${file} loaded, but it is broken`);
}

describe('loadDefinition', () => {
  it('loads resource-definitions/s3.json', () => {
    const definition = loadDefinition(join(definitionsDir, 's3.json'));
    expect(definition.service).toMatchObject({ name: 's3', className: 'S3', client: 'S3Client' });
    expect(Object.keys(definition.resources)).toEqual(
      expect.arrayContaining(['Bucket', 'Object', 'ObjectSummary', 'ObjectVersion']),
    );
    expect(defaultSchemaFile(join(definitionsDir, 's3.json'))).toBe(schemaFile);
  });

  it('accepts the unit tests’ own definition', () => {
    const copy = JSON.parse(JSON.stringify(thingsDefinition)) as unknown;
    expect(validateDefinition(copy, 'things', schemaFile)).toBe(copy);
  });

  it('names an unknown member', () => {
    const error = loadBroken('unknown-member', (d) => {
      d.resources.Thing.actions.Update.bogus = 1;
    });
    expect(error.jsonPath).toBe('$.resources.Thing.actions.Update');
    expect(error.problem).toMatch(/^unknown member 'bogus'/);
  });

  it('names a resource without identifiers', () => {
    const error = loadBroken('no-identifiers', (d) => {
      delete d.resources.Box.identifiers;
    });
    expect(error.jsonPath).toBe('$.resources.Box');
    expect(error.problem).toMatch(/^missing member 'identifiers'/);
  });

  it('names an identifier param without a name', () => {
    const error = loadBroken('param-without-name', (d) => {
      d.resources.Thing.actions.Touch.request.params[0] = {
        target: 'ThingId',
        source: 'identifier',
      };
    });
    expect(error.jsonPath).toBe('$.resources.Thing.actions.Touch.request.params[0]');
    expect(error.problem).toMatch(/^missing member 'name'/);
  });

  it('names a constant of the wrong type', () => {
    const error = loadBroken('wrong-value-type', (d) => {
      d.resources.Thing.actions.Update.request.params[3].value = 'three';
    });
    expect(error.jsonPath).toMatch(/^\$\.resources\.Thing\.actions\.Update\.request\.params\[3\]/);
    expect(error.message).toMatch(/must be integer/);
  });

  it('names an unknown resource type in a resource target', () => {
    const error = loadBroken('unknown-type', (d) => {
      d.resources.Thing.actions.Clone.resource.type = 'Widget';
    });
    expect(error.jsonPath).toBe('$.resources.Thing.actions.Clone.resource.type');
    expect(error.problem).toBe("no resource 'Widget'");
  });

  it('names identifier targets that do not match the resource’s identifiers', () => {
    const error = loadBroken('target-mismatch', (d) => {
      d.resources.Thing.hasMany.Parts.resource.identifiers.reverse();
    });
    expect(error.jsonPath).toBe('$.resources.Thing.hasMany.Parts.resource.identifiers');
    expect(error.problem).toBe(
      "targets [PartNumber, ThingId] must be Part's identifiers [ThingId, PartNumber]",
    );
  });

  it('names an identifier source that is not one of the owner’s identifiers', () => {
    const error = loadBroken('unknown-identifier', (d) => {
      d.resources.Thing.actions.AddParts.resource.identifiers[0].name = 'OwnerId';
    });
    expect(error.jsonPath).toBe('$.resources.Thing.actions.AddParts.resource.identifiers[0].name');
    expect(error.problem).toBe("no identifier 'OwnerId'");
  });

  it.each([
    [
      'load',
      (d: Json) => d.resources.Thing.load.request.params,
      '$.resources.Thing.load.request.params[0].name',
    ],
    [
      'action',
      (d: Json) => d.resources.Thing.actions.Touch.request.params,
      '$.resources.Thing.actions.Touch.request.params[0].name',
    ],
    [
      'batch action',
      (d: Json) => d.resources.Thing.batchActions.Delete.request.params,
      '$.resources.Thing.batchActions.Delete.request.params[0].name',
    ],
    [
      'waiter',
      (d: Json) => d.resources.Thing.waiters.Exists.params,
      '$.resources.Thing.waiters.Exists.params[0].name',
    ],
    [
      'collection',
      (d: Json) => d.resources.Thing.hasMany.Parts.request.params,
      '$.resources.Thing.hasMany.Parts.request.params[0].name',
    ],
    [
      'existence check',
      (d: Json) => d.resources.Box.exists.request.params,
      '$.resources.Box.exists.request.params[0].name',
    ],
  ])('names a param of a %s drawn from an identifier the resource lacks', (_, params, path) => {
    const error = loadBroken(`param-${path.length}`, (d) => {
      params(d)[0].name = 'Nope';
    });
    expect(error.jsonPath).toBe(path);
    expect(error.problem).toBe("no identifier 'Nope'");
  });

  it('names a service-level target in $.service', () => {
    const error = loadBroken('service-target', (d) => {
      d.service.hasMany.Things.resource.type = 'Widget';
    });
    expect(error.jsonPath).toBe('$.service.hasMany.Things.resource.type');
  });

  it('reports invalid JSON', () => {
    const file = join(dir, 'invalid.json');
    writeFileSync(file, '{ "service": ');
    const error = loadFailure(file);
    expect(error.jsonPath).toBe('$');
    expect(error.problem).toMatch(/^is not valid JSON: /);
  });

  it('reports a missing file', () => {
    const file = join(dir, 'missing.json');
    const error = loadFailure(file);
    expect(error.jsonPath).toBe('$');
    expect(error.problem).toMatch(/^cannot be read: .*ENOENT/);
  });
});
