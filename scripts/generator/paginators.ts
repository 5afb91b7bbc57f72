import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

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
 * "ContinuationToken", "NextContinuationToken", "MaxKeys")`) from its CommonJS build, so
 * collections page on the same tokens without importing the paginator functions. An operation
 * without a page-size member has `""` there (SNS's `ListTopics`).
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

const root = resolve(__dirname, '..', '..');
const known = new Map<string, Map<string, PaginatorTokens>>();

/** The tokens of `operation`'s v3 paginator in `packageName`, if it has one (read once per package). */
export function paginatorTokensOf(
  packageName: string,
  operation: string,
): PaginatorTokens | undefined {
  let paginators = known.get(packageName);
  if (!paginators) known.set(packageName, (paginators = readPaginators(packageName, root)));
  return paginators.get(operation);
}
