/**
 * Probes an entry point against boto3's model of the service, member by member, from an
 * inventory in `test/fixtures/boto3/` (see its README): every resource class, identifier,
 * action, batch action, waiter, has and hasMany, under the project's names. It returns what
 * is missing, so a test can expect an empty list and name every gap.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { camelCase } from '../../src/core/naming.js';

interface InventoryIdentifier {
  readonly target: string;
  readonly source: string;
}
interface InventoryContainer {
  readonly actions: Record<string, unknown>;
  readonly batchActions: Record<string, unknown>;
  readonly waiters: Record<string, unknown>;
  readonly has: Record<
    string,
    { readonly kind: 'subresource' | 'reference'; readonly identifiers: InventoryIdentifier[] }
  >;
  readonly hasMany: Record<string, unknown>;
}
interface Inventory {
  readonly service: InventoryContainer;
  readonly resources: Record<
    string,
    InventoryContainer & { readonly identifiers: Array<{ readonly name: string }> }
  >;
}

export function readInventory(service: string): Inventory {
  const file = join(__dirname, '..', 'fixtures', 'boto3', `${service}.inventory.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Inventory;
}

type Members = Record<string, unknown>;

/** Whether `object` has `name` as a method, or as a getter or property anywhere on its chain. */
function has(object: object, name: string, kind: 'method' | 'member'): boolean {
  if (kind === 'method') return typeof (object as Members)[name] === 'function';
  for (let o: object | null = object; o; o = Object.getPrototypeOf(o) as object | null) {
    if (Object.getOwnPropertyDescriptor(o, name)) return true;
  }
  return false;
}

function probeContainer(
  owner: string,
  container: InventoryContainer,
  instance: object,
  missing: string[],
): void {
  for (const name of Object.keys(container.actions)) {
    if (!has(instance, camelCase(name), 'method')) missing.push(`${owner}.${camelCase(name)}()`);
  }
  for (const name of Object.keys(container.waiters)) {
    if (!has(instance, `waitUntil${name}`, 'method')) missing.push(`${owner}.waitUntil${name}()`);
  }
  for (const [name, entry] of Object.entries(container.has)) {
    // A sub-resource is a factory under boto3's name; a reference an async getter.
    const ok =
      entry.kind === 'subresource'
        ? has(instance, name, 'method')
        : has(instance, camelCase(name), 'member');
    if (!ok) missing.push(`${owner}.${entry.kind === 'subresource' ? name : camelCase(name)}`);
  }
  for (const name of Object.keys(container.hasMany)) {
    const collection = (instance as Members)[camelCase(name)] as { all?: unknown } | undefined;
    if (typeof collection?.all !== 'function') missing.push(`${owner}.${camelCase(name)}`);
  }
}

/**
 * What of boto3's model `entry` lacks. `service` is an instance of the entry class;
 * `make(type)` makes a resource of each type (through the service's factories), whose
 * identifiers are then read back.
 */
export function missingSurface(
  inventory: Inventory,
  entry: Record<string, unknown>,
  service: object,
  make: (type: string) => object,
): string[] {
  const missing: string[] = [];
  probeContainer('service', inventory.service, service, missing);
  for (const [type, resource] of Object.entries(inventory.resources)) {
    if (typeof entry[type] !== 'function') missing.push(`class ${type}`);
    const instance = make(type);
    for (const { name } of resource.identifiers) {
      const value = (instance as Members)[camelCase(name)];
      if (typeof value !== 'string' || value === '') missing.push(`${type}.${camelCase(name)}`);
    }
    probeContainer(type, resource, instance, missing);
    const collectionClass = entry[`${type}Collection`] as { prototype: object } | undefined;
    for (const name of Object.keys(resource.batchActions)) {
      if (!collectionClass || !has(collectionClass.prototype, camelCase(name), 'method')) {
        missing.push(`${type}Collection.${camelCase(name)}()`);
      }
    }
  }
  return missing;
}
