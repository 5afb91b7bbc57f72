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
  // One source of the client: config alone, a client, or a session (undefined members aside).
  const configured = new S3({ region: 'eu-west-1', forcePathStyle: true });
  const given = new S3({ client });
  const none = new S3();
  const empty = new DynamoDB({});
  const optional = new S3({ client, region: undefined });
  return [client, key, table, any, configured, given, none, empty, optional];
}

export function wrongSessionsDoNotCompile(session: Session, json: unknown) {
  // @ts-expect-error region is a string
  new Session({ region: 1 });
  // @ts-expect-error static credentials need a secret access key
  new Session({ credentials: { accessKeyId: 'a' } });
  // @ts-expect-error a session is not a string
  new S3({ session: 'dev' });
  const client = session.clientFor(S3Client);
  // @ts-expect-error config beside a client would not apply: the client keeps its own
  new S3({ client, region: 'eu-west-1' });
  // @ts-expect-error credentials beside a client would not apply
  new S3({ client, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
  // @ts-expect-error an endpoint beside a client would not apply
  new DynamoDB({ client: new DynamoDB().meta.client, endpoint: 'http://127.0.0.1:8000' });
  // @ts-expect-error config beside a session would not apply: give it to the Session
  new S3({ session, region: 'eu-west-1' });
  // @ts-expect-error a client and a session: which one?
  new S3({ client, session });
  // @ts-expect-error an S3 client is no DynamoDB client
  new DynamoDB({ client });
  // @ts-expect-error restore without a class gives a Resource, not a Bucket
  const bucket: Bucket = new S3({ session }).restore(json);
  // @ts-expect-error the class says what comes back: a Table is no S3Object
  const obj: S3Object = new S3({ session }).restore(json, Table);
  return [bucket, obj];
}
