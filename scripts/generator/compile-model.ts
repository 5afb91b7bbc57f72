/**
 * What the generator works out from a definition's strings before writing descriptors: which
 * targets make lists of resources (and which member each list element gives), and each
 * collection's paging tokens.
 */
import type {
  HasManyDefinition,
  ResourceTargetDefinition,
} from '../../src/core/definition-types.js';
import { isListPath, itemPathOf } from './compile-path.js';
import type { PaginatorTokens } from './paginators.js';

/** True when the target produces a list of resources (an identifier path projects a list). */
export function isPlural(target: ResourceTargetDefinition): boolean {
  return target.identifiers.some((identifier) => isListIdentifier(identifier));
}

function isListIdentifier(identifier: ResourceTargetDefinition['identifiers'][number]): boolean {
  return (
    (identifier.source === 'response' ||
      identifier.source === 'requestParameter' ||
      identifier.source === 'data') &&
    isListPath(identifier.path ?? '')
  );
}

export function targetFacts(target: ResourceTargetDefinition): ResourceTargetDefinition {
  const plural = isPlural(target);
  return {
    ...target,
    identifiers: target.identifiers.map((identifier) => {
      if (!isListIdentifier(identifier)) return identifier;
      const item = itemPathOf(identifier.path ?? '', target.path);
      return { ...identifier, list: true, ...(item !== undefined ? { item } : {}) };
    }),
    ...(plural ? { plural } : {}),
  };
}

export function withTokens(
  hasMany: HasManyDefinition,
  paginatorOf: (operation: string) => PaginatorTokens | undefined,
  pagesWithoutTokens: (operation: string) => boolean,
): HasManyDefinition {
  const operation = hasMany.request.operation;
  if (hasMany.paging?.inputTokens) return hasMany;
  const tokens = paginatorOf(operation);
  if (!tokens) {
    if (pagesWithoutTokens(operation)) return hasMany;
    throw new Error(`${operation} has no v3 paginator: give its paging inputTokens`);
  }
  return {
    ...hasMany,
    paging: {
      ...hasMany.paging,
      inputTokens: [tokens.inputToken],
      outputTokens: [tokens.outputToken],
    },
  };
}
