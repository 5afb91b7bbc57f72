/**
 * boto3's CloudFormation model, member by member, from its inventory
 * (/work/shared/reference/boto3-resources/cloudformation.inventory.json is the source; the
 * copy read here is test/unit/fixtures/cloudformation.inventory.json): every resource,
 * identifier, attribute (the members of its v3 shape), action, waiter, has and hasMany is
 * a member of ours, under the project's names. No request is sent: resources are made with
 * identifiers only.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CloudFormation } from '../../src/resources/cloudformation/index.js';
import { camelCase } from '../../src/core/naming.js';
import { SdkTypes } from '../../scripts/generator/sdk-types.js';

const root = resolve(__dirname, '..', '..');

interface Identifier {
  readonly name: string;
  readonly memberName?: string;
}
interface Container {
  readonly identifiers?: readonly Identifier[];
  readonly shape?: string;
  readonly actions: Record<string, unknown>;
  readonly batchActions: Record<string, unknown>;
  readonly waiters: Record<string, unknown>;
  readonly has: Record<string, { readonly type: string }>;
  readonly hasMany: Record<string, { readonly type: string }>;
  readonly implicitHas?: Record<string, readonly string[]>;
}
interface Inventory {
  readonly service: Container;
  readonly resources: Record<string, Container>;
}

const inventory = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'cloudformation.inventory.json'), 'utf8'),
) as Inventory;
const sdk = new SdkTypes('@aws-sdk/client-cloudformation', root);

const cloudformation = new CloudFormation({ region: 'us-east-1' });
const stack = cloudformation.Stack('app');

/** One resource of each type, made through the service's factories. */
const made: Record<string, object> = {
  Event: cloudformation.Event('event-1'),
  Stack: stack,
  StackResource: cloudformation.StackResource('app', 'Topic1'),
  StackResourceSummary: cloudformation.StackResourceSummary('app', 'Topic1'),
};

/** The names of `container`'s members under our conventions, one entry per inventory member. */
function expectedMembers(container: Container): string[] {
  const taken = new Set([
    ...Object.keys(container.actions),
    ...Object.keys(container.waiters),
    ...Object.keys(container.has),
    ...Object.keys(container.hasMany),
  ]);
  const identifierMembers = new Set(
    (container.identifiers ?? []).map((i) => i.memberName).filter(Boolean),
  );
  const attributes = container.shape
    ? sdk
        .members(container.shape)
        .map((m) => m.name)
        .filter((name) => !identifierMembers.has(name))
        .map((name) => (taken.has(name) ? `${camelCase(name)}Attribute` : camelCase(name)))
    : [];
  return [
    ...(container.identifiers ?? []).map((i) => camelCase(i.name)),
    ...attributes,
    ...Object.keys(container.actions).map(camelCase),
    ...Object.keys(container.waiters).map((name) => `waitUntil${name}`),
    ...Object.keys(container.has),
    ...Object.keys(container.implicitHas ?? {}),
    ...Object.keys(container.hasMany).map(camelCase),
  ];
}

function missing(target: object, names: readonly string[]): string[] {
  return names.filter((name) => !(name in target));
}

describe('boto3 CloudFormation surface', () => {
  it('the inventory is the one this test was written against', () => {
    expect(Object.keys(inventory.resources).sort()).toEqual(
      ['Event', 'Stack', 'StackResource', 'StackResourceSummary'].sort(),
    );
    expect(Object.keys(inventory.service.implicitHas ?? {})).toEqual([
      'StackResource',
      'StackResourceSummary',
    ]);
  });

  it('the service has every action, factory and collection', () => {
    const names = expectedMembers(inventory.service);
    expect(names).toEqual(
      expect.arrayContaining(['createStack', 'Event', 'Stack', 'StackResource', 'stacks']),
    );
    expect(missing(cloudformation, names)).toEqual([]);
    expect(typeof cloudformation.stacks.all).toBe('function');
  });

  it.each(Object.entries(inventory.resources))(
    '%s has every identifier, attribute, action, waiter, has and hasMany',
    (name, container) => {
      const resource = made[name];
      expect(resource).toBeDefined();
      const names = expectedMembers(container);
      expect(names.length).toBeGreaterThan(2);
      expect(missing(resource!, names)).toEqual([]);
    },
  );

  it('batch actions: the inventory has none, and neither do we', () => {
    const counts = Object.values(inventory.resources).map(
      (r) => Object.keys(r.batchActions).length,
    );
    expect(counts.every((n) => n === 0)).toBe(true);
    expect(Object.keys(inventory.service.batchActions)).toEqual([]);
  });

  it('factories and references build the right types with the right identifiers', () => {
    expect(stack.Resource('Topic1').toJSON()).toEqual(
      cloudformation.StackResource('app', 'Topic1').toJSON(),
    );
    expect(cloudformation.StackResource('app', 'Topic1').Stack().name).toBe('app');
    expect(cloudformation.Event('event-1').id).toBe('event-1');
  });
});
