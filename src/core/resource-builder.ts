import type { ResourceTargetDefinition } from './definition-types.js';
import { DefinitionError } from './errors.js';
import type { Params } from './params.js';
import { isListPath, searchPath, withoutMetadata } from './path.js';
import type { ServiceModel } from './service-model.js';

/** What the identifiers of produced resources may be drawn from. */
export interface BuildSources {
  readonly model: ServiceModel;
  readonly client: object;
  /** The producing resource's identifiers (definition names). */
  readonly identifiers: Readonly<Record<string, unknown>>;
  /** The producing resource's data. */
  readonly data?: unknown;
  /** The request that was sent. */
  readonly params?: Params;
  /** The response that came back. */
  readonly response?: unknown;
  /** The caller's arguments, for `input` identifiers, in order. */
  readonly inputs?: readonly unknown[];
}

/** True when the target produces a list of resources (a response path projects a list). */
export function isPlural(target: ResourceTargetDefinition): boolean {
  return target.identifiers.some(
    (identifier) => identifier.source === 'response' && isListPath(identifier.path ?? ''),
  );
}

/**
 * Builds the resources a target describes. Plural targets give an array, aligned with the
 * response's list; entries without identifiers are skipped. Single targets give one resource,
 * or undefined when an identifier has no value (a reference to nothing).
 */
export function buildResources(
  target: ResourceTargetDefinition,
  sources: BuildSources,
): object[] | object | undefined {
  const values: Record<string, unknown> = {};
  let inputIndex = 0;
  for (const identifier of target.identifiers) {
    values[identifier.target] = identifierValue(
      identifier.source,
      identifier,
      sources,
      () => sources.inputs?.[inputIndex++],
    );
  }
  const data = target.path === undefined ? undefined : dataAt(sources.response, target.path);

  if (!isPlural(target)) {
    if (Object.values(values).some((value) => value === undefined || value === null))
      return undefined;
    return sources.model.create(target.type, sources.client, values, asData(data));
  }

  const lists = target.identifiers
    .filter((identifier) => identifier.source === 'response' && isListPath(identifier.path ?? ''))
    .map((identifier) => identifier.target);
  const length = Math.max(...lists.map((name) => asList(values[name]).length));
  const dataList = Array.isArray(data) ? data : [];
  const resources: object[] = [];
  for (let i = 0; i < length; i++) {
    const identifiers: Record<string, unknown> = { ...values };
    let complete = true;
    for (const name of lists) {
      const value = asList(values[name])[i];
      if (value === undefined || value === null) complete = false;
      identifiers[name] = value;
    }
    if (complete) {
      resources.push(
        sources.model.create(target.type, sources.client, identifiers, asData(dataList[i])),
      );
    }
  }
  return resources;
}

function identifierValue(
  source: string,
  identifier: { readonly name?: string; readonly path?: string; readonly target: string },
  sources: BuildSources,
  nextInput: () => unknown,
): unknown {
  switch (source) {
    case 'identifier':
      return sources.identifiers[identifier.name ?? ''];
    case 'data':
      return searchPath(sources.data, identifier.path ?? '@');
    case 'requestParameter':
      return searchPath(sources.params, identifier.path ?? '@');
    case 'response':
      return dataAt(sources.response, identifier.path ?? '@');
    case 'input':
      return nextInput();
    default:
      throw new DefinitionError(
        'model',
        `identifier ${identifier.target}`,
        `unknown source '${source}'`,
      );
  }
}

function dataAt(response: unknown, path: string): unknown {
  if (path === '@' && typeof response === 'object' && response !== null) {
    return withoutMetadata(response);
  }
  return searchPath(response, path);
}

function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function asData(value: unknown): object | undefined {
  return typeof value === 'object' && value !== null ? value : undefined;
}
