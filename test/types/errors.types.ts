/**
 * Compile-time tests of the errors users catch, checked by `npm run typecheck` (and by
 * test/unit/type-tests.test.ts). Nothing here runs: the functions are never called.
 * Each `@ts-expect-error` line must stay an error; the rest must compile.
 */
import type { _Error, DeleteObjectsCommandOutput } from '@aws-sdk/client-s3';
import type { BatchWriteWriteRequest } from '@aws-sdk/lib-dynamodb';
import { BatchActionError, ResourceNotFoundError } from '../../src/index.js';
import {
  BatchWriteError,
  ConditionalCheckFailedException,
  DynamoDBServiceException,
  ResourceNotFoundException as TableNotFound,
} from '../../src/resources/dynamodb/index.js';
import { EC2ServiceException } from '../../src/resources/ec2/index.js';
import {
  LambdaServiceException,
  ResourceNotFoundException as FunctionNotFound,
} from '../../src/resources/lambda/index.js';
import {
  DeleteObjectsError,
  NoSuchBucket,
  NoSuchKey,
  S3ServiceException,
  type Bucket,
} from '../../src/resources/s3/index.js';

export async function batchFailuresAreTyped(bucket: Bucket) {
  try {
    await bucket.objects.all().delete();
  } catch (error) {
    if (error instanceof DeleteObjectsError) {
      // The failures are DeleteObjects' `Errors` entries: no cast needed.
      const failures: readonly _Error[] = error.failures;
      const keys: (string | undefined)[] = error.failures.map((f) => f.Key);
      const codes: (string | undefined)[] = error.failures.map((f) => f.Code);
      const responses: readonly DeleteObjectsCommandOutput[] = error.responses;
      // @ts-expect-error an `_Error` has no `Bucket`
      void error.failures[0]?.Bucket;
      // @ts-expect-error failures are read-only
      error.failures.push({ Key: 'k' });
      // @ts-expect-error the responses are DeleteObjects outputs, not strings
      const wrong: readonly string[] = error.responses;
      void [failures, keys, codes, responses, wrong];
    }
    // Every batch error is a BatchActionError.
    const asBase: BatchActionError<_Error, DeleteObjectsCommandOutput> = new DeleteObjectsError(
      'm',
      [],
      [],
    );
    // @ts-expect-error a DeleteObjectsError is built from `_Error` entries
    new DeleteObjectsError('m', [{ Bucket: 'b' }], []);
    void asBase;
  }
}

export function theBaseClassGivesUnknownNotAny(error: unknown) {
  if (error instanceof BatchActionError) {
    const failures: readonly unknown[] = error.failures;
    // @ts-expect-error instanceof BatchActionError gives the failures as unknown, not any
    const key: string = error.failures[0];
    // @ts-expect-error nor are the responses any
    const output: DeleteObjectsCommandOutput = error.responses[0];
    void [failures, key, output];
  }
}

export function dynamodbBatchFailuresAreTyped(error: unknown) {
  if (error instanceof BatchWriteError) {
    const requests: BatchWriteWriteRequest[] = error.failures.map((f) => f.request);
    const table: string | undefined = error.failures[0]?.tableName;
    // @ts-expect-error an unsent write has no `Key` of its own
    void error.failures[0]?.Key;
    void [requests, table];
  }
}

export function serviceExceptionsComeFromTheEntryPoints(error: unknown) {
  if (error instanceof NoSuchKey || error instanceof NoSuchBucket) {
    const name: string = error.name;
    const status: number | undefined = error.$metadata.httpStatusCode;
    void [name, status];
  }
  if (error instanceof ConditionalCheckFailedException) {
    // The modeled members of the exception are typed.
    const item = error.Item;
    void item;
  }
  const bases: (typeof S3ServiceException | typeof DynamoDBServiceException)[] = [
    S3ServiceException,
    DynamoDBServiceException,
  ];
  const others = [EC2ServiceException, LambdaServiceException, FunctionNotFound, TableNotFound];
  // The library's "nothing found" is its own error, not a service exception.
  if (error instanceof ResourceNotFoundError) {
    const resource: string = error.resource;
    // @ts-expect-error a load that found nothing sent no request that failed: no $metadata
    void error.$metadata;
    void resource;
  }
  void [bases, others];
}
