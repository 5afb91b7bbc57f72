import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The token names of a v3 paginator: what the request sends, what the response returns. */
export interface PaginatorTokens {
  readonly inputToken: string;
  readonly outputToken: string;
  readonly pageSize?: string;
}

const CREATE_PAGINATOR =
  /createPaginator\(\s*\w+\s*,\s*(\w+)Command\s*,\s*"([^"]+)"\s*,\s*"([^"]+)"\s*(?:,\s*"([^"]*)")?\s*\)/g;

/**
 * Reads the paginators a v3 package defines (`createPaginator(S3Client, ListObjectsV2Command,
 * "ContinuationToken", "NextContinuationToken", "MaxKeys")`; an operation without a page size
 * has `""` there) from its CommonJS build, so
 * collections page on the same tokens without importing the paginator functions.
 */
export function readPaginators(packageName: string, root: string): Map<string, PaginatorTokens> {
  const require = createRequire(join(root, 'package.json'));
  const source = readFileSync(require.resolve(packageName), 'utf8');
  const paginators = new Map<string, PaginatorTokens>();
  for (const match of source.matchAll(CREATE_PAGINATOR)) {
    const [, operation, inputToken, outputToken, pageSize] = match;
    paginators.set(operation!, {
      inputToken: inputToken!,
      outputToken: outputToken!,
      ...(pageSize ? { pageSize } : {}),
    });
  }
  if (paginators.size === 0) {
    throw new Error(`no createPaginator(...) found in ${packageName}: its build changed shape`);
  }
  return paginators;
}

const known = new Map<string, Map<string, PaginatorTokens>>();

/**
 * The tokens of `operation`'s v3 paginator in `packageName` as installed under `root`, if it
 * has one (read once per package and folder).
 */
export function paginatorTokensOf(
  packageName: string,
  operation: string,
  root: string,
): PaginatorTokens | undefined {
  const key = `${root}\0${packageName}`;
  let paginators = known.get(key);
  if (!paginators) known.set(key, (paginators = readPaginators(packageName, root)));
  return paginators.get(operation);
}
