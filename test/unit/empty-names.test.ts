/**
 * Every action whose definition lists `nonEmpty` members refuses an empty value of each, and
 * a missing one (each listed member is one the v3 input requires), before any request: `sqs.createQueue({ QueueName: '' })`
 * and `sqs.getQueueByName({ QueueName: '' })` never reach the service. Walked from the
 * definitions, so a new `nonEmpty` entry is covered without a line here.
 */
import { ParamValidationError } from '../../src/core/errors.js';
import { camelCase } from '../../src/core/naming.js';
import { DEFINITIONS, SERVICES, someResource, type AnyService } from '../support/all-services.js';
import { countRequests } from '../support/request-counter.js';

/** What hand-written actions check before the engine does (a policy document must be given). */
const POLICY = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
};
const EXTRA: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  'IAM.CreatePolicy': { PolicyDocument: POLICY },
};

interface Case {
  readonly service: string;
  readonly owner: string | undefined;
  readonly action: string;
  readonly member: string;
  /** The action's other `nonEmpty` members, given valid values. */
  readonly others: readonly string[];
}

const cases: Case[] = [];
for (const definition of DEFINITIONS) {
  const owners = [
    [undefined, definition.service.actions ?? {}] as const,
    ...Object.entries(definition.resources).map(([type, r]) => [type, r.actions ?? {}] as const),
  ];
  for (const [owner, actions] of owners) {
    for (const [action, entry] of Object.entries(actions)) {
      const members = entry.nonEmpty ?? [];
      for (const member of members) {
        const others = members.filter((m) => m !== member);
        cases.push({ service: definition.service.name, owner, action, member, others });
      }
    }
  }
}

function call(c: Case, service: AnyService, params: Record<string, unknown>): Promise<unknown> {
  const definition = DEFINITIONS.find((d) => d.service.name === c.service)!;
  const owner = c.owner === undefined ? service : someResource(service, definition, c.owner);
  const method = (owner as unknown as Record<string, (p: unknown) => Promise<unknown>>)[
    camelCase(c.action)
  ];
  if (typeof method !== 'function') throw new Error(`no method ${camelCase(c.action)}`);
  const extra = EXTRA[`${c.owner ?? definition.service.className}.${c.action}`] ?? {};
  const others = Object.fromEntries(c.others.map((m) => [m, 'name-1']));
  return method.call(owner, { ...extra, ...others, ...params });
}

describe('names an action must not send empty', () => {
  it('covers the creators and lookups of the newer services', () => {
    const names = cases.map((c) => `${c.service}:${c.owner ?? ''}.${c.action}.${c.member}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'sqs:.CreateQueue.QueueName',
        'sqs:.GetQueueByName.QueueName',
        'sns:.CreateTopic.Name',
        'sns:.CreatePlatformApplication.Name',
        'iam:.CreatePolicy.PolicyName',
        'iam:.CreateSamlProvider.Name',
        'iam:.CreateVirtualMfaDevice.VirtualMFADeviceName',
      ]),
    );
  });

  it.each(cases.map((c) => [`${c.service}: ${c.owner ?? ''}.${c.action} ${c.member}`, c] as const))(
    '%s: empty and missing are refused',
    async (_, c) => {
      const service = SERVICES[c.service]!();
      const counter = countRequests(service.meta.client);
      await expect(call(c, service, { [c.member]: '' })).rejects.toThrow(ParamValidationError);
      await expect(call(c, service, { [c.member]: '' })).rejects.toThrow(
        `params.${c.member} must not be empty (it is what the request acts on)`,
      );
      await expect(call(c, service, {})).rejects.toThrow(`params.${c.member} is missing`);
      await expect(call(c, service, { [c.member]: 5 })).rejects.toThrow(
        `params.${c.member} must be a string, got number`,
      );
      expect(counter.total).toBe(0);
    },
  );
});
