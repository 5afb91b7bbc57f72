/**
 * boto3's Glacier resource model, member by member: every resource, identifier, attribute,
 * action, has and hasMany of the inventory of boto3's Glacier model
 * (test/unit/fixtures/boto3/glacier.inventory.json, from boto3 1.43.78's
 * `data/glacier/2012-06-01/resources-1.json`, Apache-2.0) exists on `aws-resources/glacier` under the
 * project's names, and every factory refuses empty identifiers before any request.
 *
 * One deliberate difference: boto3's Vault has both `multipart_uplaods` (a misspelling kept
 * for compatibility) and `multipart_uploads`; only `multipartUploads` exists here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sdk from '@aws-sdk/client-glacier';
import { GlacierClient } from '@aws-sdk/client-glacier';
import { IdentifierError } from '../../src/core/errors.js';
import { camelCase } from '../../src/core/naming.js';
import * as glacierEntry from '../../src/resources/glacier/index.js';
import { Glacier } from '../../src/resources/glacier/index.js';
import { countRequests } from '../support/request-counter.js';

interface InventoryIdentifier {
  name: string;
  memberName?: string;
}
interface InventoryResource {
  identifiers: InventoryIdentifier[];
  shape?: string;
  load: unknown;
  actions: Record<string, unknown>;
  batchActions: Record<string, unknown>;
  waiters: Record<string, unknown>;
  has: Record<string, { type: string; identifiers: Array<{ source: string }> }>;
  hasMany: Record<string, { type: string }>;
}
interface Inventory {
  service: Omit<InventoryResource, 'identifiers' | 'shape'> & {
    implicitHas: Record<string, string[]>;
  };
  resources: Record<string, InventoryResource>;
}

const inventory = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'boto3', 'glacier.inventory.json'), 'utf8'),
) as Inventory;

/** boto3 names that are spelled differently here, on purpose (see the guide). */
const RENAMED: Record<string, string | undefined> = { MultipartUplaods: undefined };

/** Sample identifier values: an account ID must be '-' or 12 digits. */
function sampleIds(names: readonly string[]): string[] {
  return names.map((name) => (name === 'AccountId' ? '-' : `x-${name}`));
}

function fixture() {
  const client = new GlacierClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
  });
  const counter = countRequests(client);
  return { glacier: new Glacier({ client }), counter };
}

type Members = Record<string, unknown>;

/** A resource of `type` made through the service's factory (boto3's implicit `has`). */
function make(glacier: Glacier, type: string): Members {
  const names =
    inventory.service.implicitHas[type] ??
    (inventory.resources[type]?.identifiers ?? []).map((id) => id.name);
  const values = type === 'Account' ? ['-'] : sampleIds(names);
  const factory = (glacier as unknown as Members)[type] as (...args: string[]) => Members;
  return factory.apply(glacier, values);
}

describe('aws-resources/glacier covers boto3 Glacier member for member', () => {
  it('has the six resources of the inventory, exported as classes', () => {
    expect(Object.keys(inventory.resources).sort()).toEqual([
      'Account',
      'Archive',
      'Job',
      'MultipartUpload',
      'Notification',
      'Vault',
    ]);
    const entry = glacierEntry as unknown as Members;
    for (const type of Object.keys(inventory.resources)) {
      expect(typeof entry[type]).toBe('function');
    }
  });

  it('service: createVault, the Account factory, the vaults collection, a factory per resource', () => {
    const { glacier, counter } = fixture();
    const service = glacier as unknown as Members;
    for (const action of Object.keys(inventory.service.actions)) {
      expect(typeof service[camelCase(action)]).toBe('function');
    }
    for (const [name, has] of Object.entries(inventory.service.has)) {
      expect(typeof service[name]).toBe('function');
      expect(make(glacier, has.type)).toBeInstanceOf(
        (glacierEntry as unknown as Record<string, new () => object>)[has.type],
      );
    }
    for (const name of Object.keys(inventory.service.hasMany)) {
      expect(typeof (service[camelCase(name)] as Members).all).toBe('function');
    }
    for (const [type, ids] of Object.entries(inventory.service.implicitHas)) {
      const made = make(glacier, type);
      const values = sampleIds(ids);
      ids.forEach((id, i) => expect(made[camelCase(id)]).toBe(values[i]));
    }
    expect(counter.total).toBe(0);
  });

  describe.each(Object.entries(inventory.resources))('%s', (type, resource) => {
    const { glacier, counter } = fixture();
    const made = make(glacier, type);
    const proto = Object.getPrototypeOf(made) as object;
    const has = (member: string) => member in made;

    it('has its identifiers as properties', () => {
      for (const { name } of resource.identifiers) {
        expect(typeof made[camelCase(name)]).toBe('string');
      }
    });

    it('has an attribute for every member of its shape, read lazily', () => {
      if (!resource.shape) return;
      const schema = (sdk as unknown as Members)[`${resource.shape}$`] as unknown[];
      const members = schema[4] as string[];
      expect(members.length).toBeGreaterThan(1);
      const carried = new Set(resource.identifiers.map((id) => id.memberName));
      for (const member of members.filter((m) => !carried.has(m))) {
        const plain = camelCase(member);
        const name = Object.getOwnPropertyDescriptor(proto, plain)?.get
          ? plain
          : `${plain}Attribute`;
        expect([member, typeof Object.getOwnPropertyDescriptor(proto, name)?.get]).toEqual([
          member,
          'function',
        ]);
      }
    });

    it('loads as boto3 does (or has no load, as in boto3)', () => {
      const spec = (made.constructor as unknown as { type: { load?: unknown } }).type;
      expect(spec.load !== undefined).toBe(resource.load !== null);
    });

    it('has every action, batch action and waiter', () => {
      for (const action of Object.keys(resource.actions)) {
        expect([action, typeof made[camelCase(action)]]).toEqual([action, 'function']);
      }
      expect(resource.batchActions).toEqual({});
      for (const waiter of Object.keys(resource.waiters)) {
        expect(typeof made[`waitUntil${waiter}`]).toBe('function');
      }
    });

    it('has every sub-resource, made with the identifiers boto3 fills', () => {
      for (const [name, sub] of Object.entries(resource.has)) {
        const inputs = sub.identifiers.filter((id) => id.source === 'input').length;
        const child = (made[name] as (...args: string[]) => Members).apply(
          made,
          Array.from({ length: inputs }, () => 'x-input'),
        );
        expect(child.constructor.name).toBe(sub.type);
      }
    });

    it('has every collection', () => {
      for (const name of Object.keys(resource.hasMany)) {
        const ours = name in RENAMED ? RENAMED[name] : camelCase(name);
        if (ours === undefined) {
          expect(has(camelCase(name))).toBe(false);
          continue;
        }
        const collection = made[ours] as Members;
        for (const method of ['all', 'filter', 'limit', 'pageSize', 'pages']) {
          expect([ours, method, typeof collection[method]]).toEqual([ours, method, 'function']);
        }
      }
    });

    it('refuses an empty identifier in its factory, before any request', () => {
      const factory = (glacier as unknown as Members)[type] as (...args: string[]) => unknown;
      const names = resource.identifiers.map((id) => id.name);
      names.forEach((_, blank) => {
        const values = type === 'Account' ? ['-'] : sampleIds(names);
        values[blank] = '';
        expect(() => factory.apply(glacier, values)).toThrow(IdentifierError);
      });
      expect(counter.total).toBe(0);
    });
  });

  it('refuses an account ID that is neither "-" nor 12 digits (arguments swapped)', () => {
    const { glacier, counter } = fixture();
    expect(() => glacier.Vault('my-vault', '-')).toThrow(
      /identifier 'accountId' must be '-' \(the caller's account\) or a 12-digit account ID/,
    );
    expect(() => glacier.Account('1234-5678-9012')).toThrow(IdentifierError);
    expect(glacier.Account('123456789012').id).toBe('123456789012');
    expect(counter.total).toBe(0);
  });
});
