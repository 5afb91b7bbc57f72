import type { ResourceClass, ResourceTypeSpec } from './descriptors.js';
import { ParamValidationError } from './errors.js';

/** What a resource's `toJSON()` gave, checked against a service and ready to rebuild. */
export interface RestorePlan {
  /** The class to make. */
  readonly type: ResourceClass;
  /** Its type name in the model (`Object`). */
  readonly typeName: string;
  /** The identifiers by definition name (`{ BucketName: 'b', Key: 'k' }`). */
  readonly identifiers: Readonly<Record<string, unknown>>;
}

/**
 * Checks a resource's serialized form (`{ service, type, identifiers }`, or its JSON text)
 * against a service's resource types: the service must match, the type must exist and the
 * identifiers must be exactly the type's. Identifier values are checked by the constructor.
 *
 * @internal
 */
export function planRestore(
  serviceName: string,
  types: Readonly<Record<string, () => ResourceClass>>,
  json: unknown,
  label: string,
): RestorePlan {
  const fail = (problem: string): never => {
    throw new ParamValidationError(`${label}: ${problem}`);
  };
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch (error) {
      fail(`the string is not JSON (${(error as Error).message})`);
    }
  }
  if (!isPlainObject(value)) {
    return fail(
      `expected a resource's toJSON() value { service, type, identifiers }, got ${describe(value)}`,
    );
  }
  const { service, type, identifiers } = value;
  if (service !== serviceName) {
    fail(`the resource is of service ${describe(service)}, not '${serviceName}'`);
  }
  if (typeof type !== 'string' || !Object.hasOwn(types, type)) {
    fail(
      `${describe(type)} is not a resource type of '${serviceName}' (one of ${Object.keys(types).join(', ')})`,
    );
  }
  if (!isPlainObject(identifiers)) {
    return fail(`'identifiers' must be an object, got ${describe(identifiers)}`);
  }
  const cls = types[type as string]!();
  const spec = (cls as unknown as { readonly type: ResourceTypeSpec }).type;
  const byProperty = new Map(spec.identifiers.map((d) => [d.property, d.name]));
  const expected = [...byProperty.keys()].join(', ') || 'none';
  const unknown = Object.keys(identifiers).filter((name) => !byProperty.has(name));
  if (unknown.length > 0) {
    fail(
      `${type as string} has no identifier '${unknown.join("', '")}' (its identifiers: ${expected})`,
    );
  }
  const missing = [...byProperty.keys()].filter((name) => identifiers[name] === undefined);
  if (missing.length > 0) {
    fail(
      `${type as string} identifier '${missing.join("', '")}' is missing (its identifiers: ${expected})`,
    );
  }
  const byDefinition: Record<string, unknown> = {};
  for (const [property, name] of byProperty) byDefinition[name] = identifiers[property];
  return { type: cls, typeName: type as string, identifiers: byDefinition };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a bad value for an error message (never the whole value). */
export function describe(value: unknown): string {
  if (typeof value === 'string')
    return `'${value.length > 60 ? `${value.slice(0, 60)}...` : value}'`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
