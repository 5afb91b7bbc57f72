/**
 * The engine functions generated members call, each with the member's descriptor: generated
 * code is one line per member (`return runAction(this, Bucket$putObject, params, options)`),
 * and the types flow from the descriptor to the result without a cast at the call.
 *
 * @packageDocumentation
 */
import { CollectionManager } from '../collections/collection-manager.js';
import type { Collection, CollectionClass } from '../collections/collection.js';
import type { ActionSpec, HasManySpec, HasSpec, WaiterSpec } from './descriptors.js';
import { ParamValidationError } from './errors.js';
import { OWNER, type HasOwner, type Owner } from './owner.js';
import { checkActionParams } from './param-checks.js';
import { buildParams, mergeCallerParams } from './params.js';
import { checkRequestOptions, sendRequest, type RequestOptions } from './request.js';
import { buildResources, construct } from './resource-builder.js';
import type { Resource } from './resource.js';
import { checkWaiterOptions, runWaiter, type WaiterOptions } from './waiter.js';

/**
 * Runs an action: builds its params from the owner and the caller's, sends its command, and
 * resolves to the v3 output or to the resources the action makes.
 *
 * @example
 * ```ts
 * putObject(params, options) { return runAction(this, Bucket$putObject, params, options); }
 * ```
 */
export async function runAction<Input extends object, Result>(
  self: HasOwner,
  spec: ActionSpec<Input, Result>,
  callerParams: object | undefined,
  options: unknown,
): Promise<Result> {
  const owner = self[OWNER]();
  const label = `${owner.label}.${spec.name}`;
  checkActionParams(spec.checks, callerParams, label);
  const checked = checkRequestOptions(options, label);
  const request = spec.request;
  const needData = request.params?.some((param) => param.source === 'data') ?? false;
  const context = await owner.context(needData, checked);
  const params = mergeCallerParams(buildParams(request.params, context), callerParams, label);
  const response = await sendRequest(owner.service, owner.client, request, params, checked);
  refreshData(owner, spec, response);
  if (!spec.resource) return response as Result;
  return buildResources(spec.resource, {
    client: owner.client,
    identifiers: context.identifiers,
    data: context.data,
    params,
    response,
  }) as Result;
}

/**
 * Reads one attribute, loading the resource first when needed.
 *
 * @example
 * ```ts
 * get contentLength() { return readAttribute(this, 'ContentLength'); }
 * ```
 */
export async function readAttribute<TData extends object, K extends keyof TData>(
  resource: Resource<object, TData>,
  member: K,
): Promise<TData[K]> {
  const data = resource.data ?? (await resource.load());
  return data[member];
}

/**
 * Builds a reference from the resource's data (`instance.vpc`), loading first when needed.
 *
 * @example
 * ```ts
 * get vpc() { return readReference(this, Instance$vpc); }
 * ```
 */
export async function readReference<Result>(
  self: HasOwner,
  spec: HasSpec<Result>,
  options?: RequestOptions,
): Promise<Result> {
  const owner = self[OWNER]();
  const context = await owner.context(
    true,
    checkRequestOptions(options, `${owner.label}.${spec.name}`),
  );
  return buildResources(spec.resource, {
    client: owner.client,
    identifiers: owner.identifiers,
    data: context.data,
  }) as Result;
}

/**
 * Makes a sub-resource from the owner's identifiers and the caller's arguments; no request.
 *
 * @example
 * ```ts
 * Object(key: string) { return subResource(this, Bucket$Object, arguments); }
 * ```
 */
export function subResource<Result>(
  self: HasOwner,
  spec: HasSpec<Result>,
  inputs: ArrayLike<unknown>,
): Result {
  const owner = self[OWNER]();
  const target = spec.resource;
  const expected = target.identifiers.filter((identifier) => identifier.source === 'input');
  if (inputs.length > expected.length) {
    throw new ParamValidationError(
      `${owner.label}.${spec.name}() takes ${expected.length} argument(s), got ${inputs.length}`,
    );
  }
  const values = Array.from(inputs);
  const resource = buildResources(target, {
    client: owner.client,
    identifiers: owner.identifiers,
    inputs: values,
  });
  if (resource !== undefined) return resource as Result;
  // A missing input: let the resource's own identifier check name it. Inputs fill only the
  // `input` identifiers, in order; the others come from the owner.
  let next = 0;
  const identifiers = Object.fromEntries(
    target.identifiers.map((identifier) => [
      identifier.target,
      identifier.source === 'input'
        ? values[next++]
        : owner.identifiers[identifier.name ?? identifier.target],
    ]),
  );
  return construct(target.type(), owner.client, identifiers) as Result;
}

/**
 * A collection property (`bucket.objects`): a manager that starts queries. Sends nothing.
 *
 * @example
 * ```ts
 * get objects() { return collectionOf<BucketObjectsCollection>(this, Bucket$objects, ObjectSummaryCollection); }
 * ```
 */
export function collectionOf<C extends Collection<object, object>>(
  self: HasOwner,
  spec: HasManySpec,
  collectionClass: CollectionClass<C>,
): CollectionManager<C> {
  const owner = self[OWNER]();
  const needData = spec.request.params?.some((param) => param.source === 'data') ?? false;
  return new CollectionManager(
    {
      owner,
      spec,
      label: `${owner.label}.${spec.name}`,
      json: () => (self as unknown as { toJSON(): { readonly service: string } }).toJSON(),
      context: (options) => owner.context(needData, options),
    },
    collectionClass,
  );
}

/**
 * Runs a waiter; a waiter whose last response describes the resource leaves it as its data.
 *
 * @example
 * ```ts
 * waitUntilExists(options) { return waitFor(this, Bucket$exists, options); }
 * ```
 */
export async function waitFor(
  self: HasOwner,
  spec: WaiterSpec,
  options: WaiterOptions | undefined,
): Promise<void> {
  const owner = self[OWNER]();
  const label = `${owner.label}.waitUntil${spec.name}`;
  const checked = checkWaiterOptions(options, label);
  const params = buildParams(spec.params, { identifiers: owner.identifiers, data: owner.data });
  const result = await runWaiter(owner.client, spec.waiter, spec.waiterName, params, checked);
  if (spec.path) {
    const data = spec.path((result as { reason?: unknown }).reason, owner.identifiers);
    if (typeof data === 'object' && data !== null) owner.setData?.(data);
  }
}

/**
 * After an action: the resource's data becomes the new state its response carries (the
 * descriptor's `data` path), or is forgotten so the next read loads (as boto3 does).
 */
function refreshData(owner: Owner, spec: ActionSpec<never, unknown>, response: unknown): void {
  const data = spec.data?.(response, owner.identifiers);
  if (typeof data === 'object' && data !== null) owner.setData?.(data);
  else owner.clearData?.();
}

/**
 * Forgets a resource's loaded data, as every action does: for hand-written actions that send
 * their requests without `runAction` (S3 transfers). The next attribute read loads again.
 *
 * @example
 * ```ts
 * async uploadFile(path) { const result = await upload(...); forgetData(this); return result; }
 * ```
 */
export function forgetData(self: HasOwner): void {
  self[OWNER]().clearData?.();
}
