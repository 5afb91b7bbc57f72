import type {
  JobOperation,
  S3CopyObjectOperation,
  S3InitiateRestoreObjectOperation,
  S3Tag,
} from '@aws-sdk/client-s3-control';
import { ParamValidationError } from '../../../core/index.js';
import { toBucketArn } from './arn.js';

/**
 * A Lambda function as `toBatchJob` takes it: the `LambdaFunction` resource of
 * `aws-resources/lambda` (its `functionArn`), or the function's ARN.
 *
 * @example
 * ```ts
 * const fn: BatchJobFunction = new Lambda().Function('resize');
 * ```
 *
 * @public
 */
export type BatchJobFunction =
  string | { readonly name: string; readonly functionArn: Promise<string | undefined> };

/**
 * A bucket as `toBatchJob` takes it: a `Bucket` resource or the bucket's ARN.
 *
 * @example
 * ```ts
 * const target: BatchJobBucket = s3.Bucket('archive'); // or 'arn:aws:s3:::archive'
 * ```
 *
 * @public
 */
export type BatchJobBucket = string | { readonly name: string };

/**
 * What a batch job does to every object: a resource form, or the v3 `JobOperation` itself.
 *
 * - `{ invoke: fn, userArguments?, invocationSchemaVersion? }`: LambdaInvoke with the
 *   function's ARN (`invocationSchemaVersion` is `'2.0'` when `userArguments` are given).
 * - `{ copyTo: bucket, prefix?, params? }`: S3PutObjectCopy into the bucket (its ARN), under
 *   `prefix`, with the rest of the copy settings in `params`.
 * - `{ tag: tagSet }`: S3PutObjectTagging (replaces each object's tags).
 * - `{ deleteTags: true }`: S3DeleteObjectTagging.
 * - `{ restore: { ExpirationInDays, GlacierJobTier } }`: S3InitiateRestoreObject.
 * - a `JobOperation` (`{ S3PutObjectAcl: {...} }`, ...), sent as it is.
 *
 * S3 Batch Operations has no delete operation: delete a listing with
 * `objects.filter(...).delete()` or a lifecycle rule.
 *
 * @example
 * ```ts
 * const operation: BatchJobOperation = { copyTo: s3.Bucket('archive'), prefix: 'copies/' };
 * ```
 *
 * @public
 */
export type BatchJobOperation =
  | {
      readonly invoke: BatchJobFunction;
      readonly userArguments?: Record<string, string>;
      readonly invocationSchemaVersion?: string;
    }
  | {
      readonly copyTo: BatchJobBucket;
      readonly prefix?: string;
      readonly params?: Omit<S3CopyObjectOperation, 'TargetResource' | 'TargetKeyPrefix'>;
    }
  | { readonly tag: readonly S3Tag[] }
  | { readonly deleteTags: true }
  | { readonly restore: S3InitiateRestoreObjectOperation }
  | JobOperation;

/** The members of the v3 `JobOperation` union (one per job). */
const RAW_MEMBERS = new Set([
  'LambdaInvoke',
  'S3PutObjectCopy',
  'S3PutObjectAcl',
  'S3PutObjectTagging',
  'S3DeleteObjectTagging',
  'S3InitiateRestoreObject',
  'S3PutObjectLegalHold',
  'S3PutObjectRetention',
  'S3ReplicateObject',
  'S3ComputeObjectChecksum',
  'S3UpdateObjectEncryption',
]);

const FORMS = ['invoke', 'copyTo', 'tag', 'deleteTags', 'restore'];

/**
 * The function's ARN: from an ARN as its name without a request; otherwise its
 * `functionArn` (one GetFunctionConfiguration, unless the function is loaded).
 */
async function functionArnOf(fn: BatchJobFunction, label: string): Promise<string> {
  const isArn = (v: unknown): v is string =>
    typeof v === 'string' && /^arn:[a-z-]+:lambda:[a-z0-9-]+:\d{12}:function:./.test(v);
  if (isArn(fn)) return fn;
  const name = (fn as { name?: unknown } | null | undefined)?.name;
  if (isArn(name)) return name;
  if (typeof fn === 'object' && fn !== null && 'functionArn' in fn) {
    const arn = await fn.functionArn;
    if (isArn(arn)) return arn;
  }
  throw new ParamValidationError(
    `${label}: operation.invoke must be a Lambda function resource or a function ARN, got ${typeof fn === 'string' ? JSON.stringify(fn) : typeof fn}`,
  );
}

/**
 * Checks an operation before any request, and returns what is left to resolve (a Lambda
 * function's ARN may need its load) as a function.
 */
export function checkOperation(
  operation: unknown,
  partition: string,
  label: string,
): () => Promise<JobOperation> {
  if (typeof operation !== 'object' || operation === null || Array.isArray(operation))
    throw new ParamValidationError(`${label}: operation must be an object`);
  const keys = Object.keys(operation);
  if ('delete' in operation)
    throw new ParamValidationError(
      `${label}: operation.delete: S3 Batch Operations has no delete operation; use objects.filter(...).delete() or a lifecycle rule`,
    );
  const form = keys.find((k) => FORMS.includes(k));
  if (form === undefined) {
    const unknown = keys.filter((k) => !RAW_MEMBERS.has(k));
    if (keys.length !== 1 || unknown.length > 0)
      throw new ParamValidationError(
        `${label}: operation must be one of invoke, copyTo, tag, deleteTags, restore, or a JobOperation with exactly one of ${[...RAW_MEMBERS].join(', ')}; got ${keys.join(', ') || 'no member'}`,
      );
    const raw = operation as JobOperation;
    return () => Promise.resolve(raw);
  }
  const o = operation as Record<string, unknown>;
  const allowed: Record<string, string[]> = {
    invoke: ['invoke', 'userArguments', 'invocationSchemaVersion'],
    copyTo: ['copyTo', 'prefix', 'params'],
    tag: ['tag'],
    deleteTags: ['deleteTags'],
    restore: ['restore'],
  };
  const extra = keys.filter((k) => !allowed[form]?.includes(k));
  if (extra.length > 0)
    throw new ParamValidationError(`${label}: operation.${form} does not take ${extra.join(', ')}`);
  switch (form) {
    case 'invoke': {
      const fn = o.invoke as BatchJobFunction;
      const userArguments = o.userArguments as Record<string, string> | undefined;
      const version =
        (o.invocationSchemaVersion as string | undefined) ??
        (userArguments === undefined ? undefined : '2.0');
      return async () => ({
        LambdaInvoke: {
          FunctionArn: await functionArnOf(fn, label),
          ...(version === undefined ? {} : { InvocationSchemaVersion: version }),
          ...(userArguments === undefined ? {} : { UserArguments: userArguments }),
        },
      });
    }
    case 'copyTo': {
      const target = toBucketArn(o.copyTo, partition);
      if (target === undefined)
        throw new ParamValidationError(
          `${label}: operation.copyTo must be a Bucket resource or a bucket ARN (arn:aws:s3:::name)`,
        );
      const prefix = o.prefix;
      if (prefix !== undefined && typeof prefix !== 'string')
        throw new ParamValidationError(`${label}: operation.prefix must be a string`);
      const params = (o.params ?? {}) as S3CopyObjectOperation;
      return () =>
        Promise.resolve({
          S3PutObjectCopy: {
            ...params,
            TargetResource: target,
            ...(prefix ? { TargetKeyPrefix: prefix } : {}),
          },
        });
    }
    case 'tag': {
      if (!Array.isArray(o.tag))
        throw new ParamValidationError(`${label}: operation.tag must be a list of { Key, Value }`);
      const tagSet = [...(o.tag as readonly S3Tag[])];
      return () => Promise.resolve({ S3PutObjectTagging: { TagSet: tagSet } });
    }
    case 'deleteTags':
      if (o.deleteTags !== true)
        throw new ParamValidationError(`${label}: operation.deleteTags must be true`);
      return () => Promise.resolve({ S3DeleteObjectTagging: {} });
    default: {
      if (typeof o.restore !== 'object' || o.restore === null)
        throw new ParamValidationError(
          `${label}: operation.restore must be { ExpirationInDays, GlacierJobTier }`,
        );
      const restore = o.restore as S3InitiateRestoreObjectOperation;
      return () => Promise.resolve({ S3InitiateRestoreObject: restore });
    }
  }
}
