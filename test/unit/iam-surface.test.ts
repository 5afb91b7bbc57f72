/**
 * boto3's IAM resource model, member by member: every resource, identifier, attribute,
 * action, batch action, waiter, has and hasMany of boto3's inventory
 * (test/fixtures/boto3/iam.inventory.json, from boto3's iam resources-1 model) is on the
 * classes of aws-resources/iam under the project's names. Attributes are the members of each
 * resource's v3 shape, read from @aws-sdk/client-iam as the generator reads them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SdkTypes } from '../../scripts/generator/sdk-types.js';
import { camelCase } from '../../src/core/naming.js';
import * as entry from '../../src/resources/iam/index.js';
import { IAM } from '../../src/resources/iam/index.js';

/** Members by name, as the inventory lists them. */
type Named = Readonly<Record<string, unknown>>;

interface InventoryContainer {
  readonly identifiers?: readonly { readonly name: string; readonly memberName?: string }[];
  readonly shape?: string;
  readonly load: object | null;
  readonly actions: Named;
  readonly batchActions: Named;
  readonly waiters: Named;
  readonly has: Named;
  readonly hasMany: Named;
  readonly implicitHas?: Named | readonly string[];
}

interface Inventory {
  readonly service: InventoryContainer;
  readonly resources: Readonly<Record<string, InventoryContainer>>;
  readonly totals: Readonly<Record<string, number>>;
}

const root = resolve(__dirname, '..', '..');
const inventory = JSON.parse(
  readFileSync(resolve(root, 'test/fixtures/boto3/iam.inventory.json'), 'utf8'),
) as Inventory;
const iam = new IAM({ region: 'us-east-1' });
const sdk = new SdkTypes('@aws-sdk/client-iam', root);
const exported = entry as unknown as Record<string, unknown>;

/** The names of a member list of the inventory (an object by name, or a list of names). */
const names = (members: Named | readonly string[] | undefined): string[] =>
  Array.isArray(members) ? [...(members as readonly string[])] : Object.keys(members ?? {});

/** `it.each` needs a row: a member list, or '(none)' to check that there are none. */
const orNone = (list: string[]): string[] => (list.length ? list : ['(none)']);

/** A resource of `type` with made-up identifier values (no request is sent). */
function instanceOf(type: string, resource: InventoryContainer): Record<string, unknown> {
  const identifiers = Object.fromEntries(
    (resource.identifiers ?? []).map(({ name }) => [camelCase(name), `${name}-value`]),
  );
  // restore() without a class: the type comes from the JSON; the class is checked after.
  return iam.restore({ service: 'iam', type, identifiers }) as unknown as Record<string, unknown>;
}

function isCollection(value: unknown): boolean {
  const manager = value as Record<string, unknown>;
  return ['all', 'filter', 'limit', 'pageSize'].every((m) => typeof manager[m] === 'function');
}

describe('aws-resources/iam against boto3 IAM inventory', () => {
  it('has the totals of the inventory', () => {
    const resources = Object.values(inventory.resources);
    const count = (key: 'actions' | 'has' | 'hasMany') =>
      resources.reduce((n, r) => n + names(r[key]).length, names(inventory.service[key]).length);
    expect(resources).toHaveLength(inventory.totals.resources ?? -1);
    expect(count('actions')).toBe(inventory.totals.actions);
    expect(count('has')).toBe(inventory.totals.has);
    expect(count('hasMany')).toBe(inventory.totals.hasMany);
  });

  describe('the service class IAM', () => {
    const service = iam as unknown as Record<string, unknown>;
    it.each(names(inventory.service.actions))('action %s', (name) => {
      expect(typeof service[camelCase(name)]).toBe('function');
    });
    it.each(names(inventory.service.has))('has %s (a factory)', (name) => {
      expect(typeof service[name]).toBe('function');
    });
    it.each(names(inventory.service.hasMany))('hasMany %s (a collection)', (name) => {
      expect(isCollection(service[camelCase(name)])).toBe(true);
    });
    it.each(names(inventory.service.implicitHas))('implicit has %s (a class)', (name) => {
      expect(typeof exported[name]).toBe('function');
    });
  });

  describe.each(Object.entries(inventory.resources))('resource %s', (type, resource) => {
    const instance = instanceOf(type, resource);
    const identifierMembers = new Set(
      (resource.identifiers ?? []).flatMap((i) => [i.name, i.memberName ?? i.name]),
    );
    const attributes = resource.shape
      ? sdk.members(resource.shape).filter((m) => !identifierMembers.has(m.name))
      : [];

    it('is exported, made by its identifiers, and has its load', () => {
      expect(instance).toBeInstanceOf(exported[type] as new () => object);
      for (const { name } of resource.identifiers ?? [])
        expect(instance[camelCase(name)]).toBe(`${name}-value`);
      // boto3's load is ours: a resource without one has its data from what made it.
      const spec = (exported[type] as { type: { load?: object } }).type;
      expect(spec.load !== undefined).toBe(resource.load !== null);
    });

    it.each(attributes.map((m) => m.name).concat(attributes.length ? [] : ['(none)']))(
      'attribute %s',
      (name) => {
        if (name === '(none)') return expect(resource.shape).toBeUndefined();
        // boto3's rule: an attribute another member's name takes gets the suffix `Attribute`.
        const plain = camelCase(name);
        const getter = [plain, `${plain}Attribute`].find(
          (key) =>
            key in instance &&
            typeof Object.getOwnPropertyDescriptor(findOwner(instance, key) ?? {}, key)?.get ===
              'function',
        );
        expect(getter).toBeDefined();
      },
    );

    it.each(orNone(names(resource.actions)))('action %s', (name) => {
      if (name === '(none)') return expect(names(resource.actions)).toEqual([]);
      expect(typeof instance[camelCase(name)]).toBe('function');
    });

    it.each(orNone(names(resource.has)))('has %s', (name) => {
      if (name === '(none)') return expect(names(resource.has)).toEqual([]);
      // A sub-resource is a factory (`user.AccessKey(id)`), a reference an async getter.
      const factory = typeof instance[name] === 'function';
      const reference = camelCase(name) in instance;
      expect(factory || reference).toBe(true);
    });

    it.each(orNone(names(resource.hasMany)))('hasMany %s', (name) => {
      if (name === '(none)') return expect(names(resource.hasMany)).toEqual([]);
      expect(isCollection(instance[camelCase(name)])).toBe(true);
    });

    it('has no batch actions or waiters, as boto3', () => {
      expect(names(resource.batchActions)).toEqual([]);
      expect(names(resource.waiters)).toEqual([]);
    });
  });
});

function findOwner(instance: object, key: string): object | undefined {
  for (
    let proto: object | null = instance;
    proto;
    proto = Object.getPrototypeOf(proto) as object | null
  )
    if (Object.prototype.hasOwnProperty.call(proto, key)) return proto;
  return undefined;
}
