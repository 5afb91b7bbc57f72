/**
 * Compile-time tests of Session and restore, checked by `npm run typecheck` (and by
 * test/unit/type-tests.test.ts). Nothing here runs: the functions are never called.
 * Each `@ts-expect-error` line must stay an error; the rest must compile.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { Session, type Resource } from '../../src/index.js';
import { DynamoDB, Table } from '../../src/resources/dynamodb/index.js';
import { S3, S3Object, type Bucket } from '../../src/resources/s3/index.js';

export function sessionsCompile(json: unknown) {
  const session = new Session({
    region: 'eu-west-1',
    profile: 'dev',
    endpoint: 'http://127.0.0.1:4566',
    credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }),
    clientConfig: { forcePathStyle: true, maxAttempts: 3 },
  });
  const s3 = new S3({ session });
  const client: S3Client = session.clientFor(S3Client);
  const obj: S3Object = s3.restore(json, S3Object);
  const key: string = obj.key;
  const table: Table = new DynamoDB({ session }).restore(json, Table);
  const any: Resource = s3.restore(json);
  return [client, key, table, any];
}

export function wrongSessionsDoNotCompile(session: Session, json: unknown) {
  // @ts-expect-error region is a string
  new Session({ region: 1 });
  // @ts-expect-error static credentials need a secret access key
  new Session({ credentials: { accessKeyId: 'a' } });
  // @ts-expect-error a session is not a string
  new S3({ session: 'dev' });
  // @ts-expect-error restore without a class gives a Resource, not a Bucket
  const bucket: Bucket = new S3({ session }).restore(json);
  // @ts-expect-error the class says what comes back: a Table is no S3Object
  const obj: S3Object = new S3({ session }).restore(json, Table);
  return [bucket, obj];
}
