import type { BatchResultErrorEntry } from '@aws-sdk/client-sqs';
import {
  ParamValidationError,
  runAction,
  type ActionSpec,
  type HasOwner,
  type RequestOptions,
} from '../../core/index.js';

/** The most entries one SQS batch request takes. */
export const BATCH_SIZE = 10;

/** What every SQS batch output holds, whatever its operation. */
interface BatchOutput<Success> {
  readonly Successful?: Success[] | undefined;
  readonly Failed?: BatchResultErrorEntry[] | undefined;
}

/** The merged outcome of the groups of one batch call. */
export interface GroupedResult<Output, Success> {
  readonly Successful: Success[];
  readonly Failed: BatchResultErrorEntry[];
  readonly responses: Output[];
}

/**
 * Checks the caller's `Entries` before any request: an array of objects with distinct,
 * non-empty string `Id`s (SQS checks distinct Ids per request only; across groups a
 * repeated Id would make the failures ambiguous).
 */
export function checkEntries(entries: unknown, label: string): readonly { Id?: unknown }[] {
  if (!Array.isArray(entries)) {
    throw new ParamValidationError(`${label}: params.Entries must be an array of entries`);
  }
  const seen = new Set<string>();
  entries.forEach((entry: unknown, index) => {
    const id = (entry as { Id?: unknown } | null)?.Id;
    if (typeof entry !== 'object' || entry === null || typeof id !== 'string' || id === '') {
      throw new ParamValidationError(`${label}: Entries[${index}].Id must be a non-empty string`);
    }
    if (seen.has(id)) {
      throw new ParamValidationError(
        `${label}: Entries[${index}].Id ${JSON.stringify(id)} repeats`,
      );
    }
    seen.add(id);
  });
  return entries as readonly { Id?: unknown }[];
}

/**
 * Sends `params.Entries` in groups of {@link BATCH_SIZE}, one request after another, each
 * through the action's descriptor (so the queue fills `QueueUrl` and the usual checks run).
 * A request that fails stops the call with its error; per-entry failures are collected.
 */
export async function sendInGroups<
  Input extends { Entries: unknown[] | undefined },
  Output,
  Success,
>(
  queue: HasOwner,
  spec: ActionSpec<Input, Output & BatchOutput<Success>>,
  params: object,
  options: RequestOptions | undefined,
): Promise<GroupedResult<Output, Success>> {
  const { Entries: entries, ...rest } = params as { Entries?: unknown };
  const result: GroupedResult<Output, Success> = { Successful: [], Failed: [], responses: [] };
  for (let at = 0; at < (entries as unknown[]).length; at += BATCH_SIZE) {
    const group = (entries as unknown[]).slice(at, at + BATCH_SIZE);
    const response = await runAction(queue, spec, { ...rest, Entries: group }, options);
    result.responses.push(response);
    result.Successful.push(...(response.Successful ?? []));
    result.Failed.push(...(response.Failed ?? []));
  }
  return result;
}
