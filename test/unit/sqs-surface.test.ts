/**
 * boto3's SQS model, member by member: every resource, identifier, attribute, action, batch
 * action, waiter, has and hasMany of the inventory of boto3's `sqs` resource model
 * (fixtures/sqs.inventory.json, data derived from boto3's Apache-2.0 resource definition)
 * exists on our classes under the project's names. No request is sent: members are probed
 * on the prototypes and on resources made from identifiers.
 */
import { camelCase } from '../../src/core/naming.js';
import { Message, Queue, SQS } from '../../src/resources/sqs/index.js';
import inventory from './fixtures/sqs.inventory.json';

type Container = {
  identifiers?: { name: string; memberName?: string }[];
  actions?: Record<string, unknown>;
  batchActions?: Record<string, unknown>;
  waiters?: Record<string, unknown>;
  has?: Record<string, unknown>;
  hasMany?: Record<string, unknown>;
};

const sqs = new SQS({ region: 'us-east-1' });
const url = 'https://sqs.us-east-1.amazonaws.com/123456789012/q';
const instances: Record<string, object> = {
  SQS: sqs,
  Queue: sqs.Queue(url),
  Message: sqs.Queue(url).Message('handle'),
};
const classes: Record<string, unknown> = { Queue, Message };

function members(owner: string, container: Container): [string, string][] {
  const rows: [string, string][] = [];
  for (const { name } of container.identifiers ?? []) rows.push(['identifier', camelCase(name)]);
  for (const name of Object.keys(container.actions ?? {})) rows.push(['action', camelCase(name)]);
  for (const name of Object.keys(container.waiters ?? {}))
    rows.push(['waiter', `waitUntil${name}`]);
  for (const name of Object.keys(container.has ?? {})) rows.push(['has', name]);
  for (const name of Object.keys(container.hasMany ?? {})) rows.push(['hasMany', camelCase(name)]);
  return rows.map(([kind, member]) => [`${owner} ${kind}`, member]);
}

const rows: [string, string, string][] = [
  ...members('SQS', inventory.service as Container).map(
    ([kind, member]) => ['SQS', kind, member] as [string, string, string],
  ),
  ...Object.entries(inventory.resources).flatMap(([name, resource]) =>
    members(name, resource as Container).map(
      ([kind, member]) => [name, kind, member] as [string, string, string],
    ),
  ),
];

describe('the SQS surface matches boto3 member by member', () => {
  it.each(rows)('%s: %s %s', (owner, _kind, member) => {
    const instance = instances[owner];
    expect(instance).toBeDefined();
    expect(member in (instance as object)).toBe(true);
  });

  it('implicit has: the service makes a Message from its identifiers', () => {
    expect(Object.keys(inventory.service.implicitHas)).toEqual(['Message']);
    const message = sqs.Queue(url).Message('h');
    expect([message.queueUrl, message.receiptHandle]).toEqual([url, 'h']);
  });

  it('attributes: every member of the shapes is a getter', () => {
    const shapes: Record<string, string[]> = {
      // GetQueueAttributesResult and Message, as client-sqs declares them.
      Queue: ['attributes'],
      Message: [
        'messageId',
        'md5OfBody',
        'body',
        'attributes',
        'md5OfMessageAttributes',
        'messageAttributes',
      ],
    };
    for (const [name, attributes] of Object.entries(shapes)) {
      const prototype = (classes[name] as { prototype: object }).prototype;
      for (const attribute of attributes) expect(attribute in prototype).toBe(true);
    }
  });

  it('batch actions: Message Delete is the static Message.delete(messages)', () => {
    expect(Object.keys(inventory.resources.Message.batchActions)).toEqual(['Delete']);
    expect(typeof Message.delete).toBe('function');
    expect(Object.keys(inventory.resources.Queue.batchActions)).toEqual([]);
  });

  it('the totals of the inventory are what the probes covered', () => {
    expect(inventory.totals).toMatchObject({
      resources: 2,
      actions: 14,
      batchActions: 1,
      waiters: 0,
      has: 3,
      hasMany: 2,
    });
    expect(rows.filter(([, kind]) => kind.endsWith('action')).length).toBe(14);
    expect(rows.filter(([, kind]) => kind.endsWith(' has')).length).toBe(3);
    expect(rows.filter(([, kind]) => kind.endsWith('hasMany')).length).toBe(2);
  });
});
