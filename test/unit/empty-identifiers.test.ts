/**
 * Every resource type of every service refuses an empty identifier before any request: made
 * by `restore` (the constructor every factory, action and collection goes through), by the
 * service's factory, and by every sub-resource factory (`queue.Message('')`), each identifier
 * in turn. Walked from the definitions, so a new type or factory is covered without a line here.
 */
import type { HasDefinition, IdentifierDefinition } from '../../src/core/definition-types.js';
import { IdentifierError, ParamValidationError } from '../../src/core/errors.js';
import { camelCase } from '../../src/core/naming.js';
import {
  DEFINITIONS,
  SERVICES,
  someResource,
  validIdentifiers,
  validValue as valid,
  type AnyService as Service,
} from '../support/all-services.js';
import { countRequests } from '../support/request-counter.js';

type HasMap = Readonly<Record<string, HasDefinition>>;

function problemOf(identifier: IdentifierDefinition): string {
  return identifier.type === 'integer' ? 'must be an integer, got ""' : 'must not be empty';
}

interface Case {
  readonly service: string;
  readonly what: string;
  /** The identifier's property, which the error must name. */
  readonly property: string;
  /** What the error says of `''`: an integer identifier is refused as not an integer. */
  readonly problem: string;
  readonly make: (service: Service) => unknown;
}

const cases: Case[] = [];
for (const definition of DEFINITIONS) {
  const serviceName = definition.service.name;
  const { resources } = definition;
  for (const [type, resource] of Object.entries(resources)) {
    for (const identifier of resource.identifiers ?? []) {
      if (identifier.allowEmpty) continue;
      const property = camelCase(identifier.name);
      cases.push({
        service: serviceName,
        what: `restore ${type} with ${property} ''`,
        property,
        problem: problemOf(identifier),
        make: (service) =>
          service.restore({
            service: serviceName,
            type,
            identifiers: { ...validIdentifiers(definition, type), [property]: '' },
          }),
      });
    }
  }
  // Factories: the service's, and each resource's sub-resources that take inputs.
  const owners: [string | undefined, HasMap][] = [
    [undefined, definition.service.has ?? {}],
    ...Object.entries(resources).map(([type, r]): [string, HasMap] => [type, r.has ?? {}]),
  ];
  for (const [owner, has] of owners) {
    for (const [name, sub] of Object.entries(has)) {
      const inputs = sub.resource.identifiers.filter((i) => i.source === 'input');
      if (inputs.length === 0) continue;
      const target = resources[sub.resource.type]!;
      const defs = inputs.map((input) =>
        (target.identifiers ?? []).find((i) => i.name === input.target)!,
      );
      defs.forEach((def, index) => {
        if (def.allowEmpty) return;
        const args = defs.map((d, i) => (i === index ? '' : valid(d)));
        cases.push({
          service: serviceName,
          what: `${owner ?? definition.service.className}.${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`,
          property: camelCase(def.name),
          problem: problemOf(def),
          make: (service) => {
            const parent = owner === undefined ? service : someResource(service, definition, owner);
            const factory = (parent as unknown as Record<string, (...a: unknown[]) => unknown>)[
              name
            ];
            if (typeof factory !== 'function') throw new Error(`no factory ${name}`);
            return factory.apply(parent, args);
          },
        });
      });
    }
  }
}

describe('empty identifiers are refused before any request', () => {
  it('walks every service', () => {
    expect(new Set(cases.map((c) => c.service))).toEqual(new Set(Object.keys(SERVICES)));
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases.map((c) => [`${c.service}: ${c.what}`, c] as const))('%s', (_, c) => {
    const service = SERVICES[c.service]!();
    const counter = countRequests(service.meta.client);
    let thrown: unknown;
    try {
      c.make(service);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ParamValidationError);
    expect(thrown).toBeInstanceOf(IdentifierError);
    expect((thrown as IdentifierError).identifier).toBe(c.property);
    expect((thrown as Error).message).toContain(`'${c.property}' ${c.problem}`);
    expect(counter.total).toBe(0);
  });
});
