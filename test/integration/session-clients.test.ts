/**
 * Session against moto: one v3 client per service per session, shared by every service
 * object and resource made from it; and serialized references (`toJSON`) restored on another
 * session as typed resources that work.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { Session } from '../../src/index.js';
import { DynamoDB, Table } from '../../src/resources/dynamodb/index.js';
import { Bucket, S3, S3Object } from '../../src/resources/s3/index.js';
import { clientConfig, uniqueName } from '../support/emulator.js';
import { countRequests } from '../support/request-counter.js';

/** A session on the emulator, configured only through Session options. */
function emulatorSession(): Session {
  const { region, endpoint, credentials } = clientConfig();
  return new Session({ region, endpoint, credentials, clientConfig: { forcePathStyle: true } });
}

const sessions: Session[] = [];
function track(session: Session): Session {
  sessions.push(session);
  return session;
}

afterAll(() => {
  for (const session of sessions) session.destroy();
});

describe('one client per service per session', () => {
  it('every S3 object and resource of a session uses the same S3Client', async () => {
    const session = track(emulatorSession());
    const client = session.clientFor(S3Client);
    expect(client).toBeInstanceOf(S3Client);
    const counter = countRequests(client);

    const a = new S3({ session });
    const b = new S3({ session });
    const bucket = await a.createBucket({ Bucket: uniqueName('session-shared') });
    const obj = await b.Bucket(bucket.name).putObject({ Key: 'k', Body: 'v' });
    const [listed] = await bucket.objects.all().toArray();
    const restored = b.restore(JSON.stringify(obj), S3Object);

    for (const owner of [a, b, bucket, obj, listed, restored, bucket.Object('x')]) {
      expect(owner?.meta.client).toBe(client);
    }
    // Every request of both service objects went through the one client.
    expect(counter.byOperation).toEqual({ CreateBucket: 1, PutObject: 1, ListObjectsV2: 1 });
    await obj.delete();
    await bucket.delete();
  });

  it('each service gets its own client with the session config; sessions do not share', async () => {
    const session = track(emulatorSession());
    const dynamodb = new DynamoDB({ session });
    expect(dynamodb.meta.client).toBeInstanceOf(DynamoDBClient);
    expect(dynamodb.meta.client).toBe(session.clientFor(DynamoDBClient));
    expect(dynamodb.Table('t').meta.client).toBe(dynamodb.meta.client);
    expect(await dynamodb.meta.client.config.region()).toBe('us-east-1');
    // forcePathStyle is S3's: DynamoDB ignores it and works.
    await expect(dynamodb.tables.all().toArray()).resolves.toEqual(expect.any(Array));

    const other = track(emulatorSession());
    expect(new S3({ session: other }).meta.client).not.toBe(new S3({ session }).meta.client);
  });

  it('destroy() closes the clients; the next use makes new ones that work', async () => {
    const session = emulatorSession();
    const first = new S3({ session }).meta.client;
    session.destroy();
    const s3 = new S3({ session });
    expect(s3.meta.client).not.toBe(first);
    await expect(s3.buckets.all().toArray()).resolves.toEqual(expect.any(Array));
    session.destroy();
  });
});

describe('restore: serialized references across sessions', () => {
  it('an S3 object sent as JSON comes back typed on another session, and loads', async () => {
    const writer = track(emulatorSession());
    const bucket = await new S3({ session: writer }).createBucket({
      Bucket: uniqueName('session-restore'),
    });
    const obj = await bucket.putObject({ Key: 'dir/a.txt', Body: 'hello' });
    const message = JSON.stringify({ job: 'resize', object: obj, bucket });

    const reader = track(emulatorSession());
    const s3 = new S3({ session: reader });
    const parsed = JSON.parse(message) as { object: unknown; bucket: unknown };
    const restored = s3.restore(parsed.object, S3Object);
    expect(restored).toBeInstanceOf(S3Object);
    expect(restored.equals(obj)).toBe(true);
    expect(restored.meta.client).toBe(reader.clientFor(S3Client));
    expect(restored.data).toBeUndefined(); // nothing sent until an attribute is read
    expect(await restored.contentLength).toBe(5);
    expect(await (await restored.get()).Body.text()).toBe('hello');

    const sameBucket = s3.restore(parsed.bucket);
    expect(sameBucket).toBeInstanceOf(Bucket);
    await obj.delete();
    await (sameBucket as Bucket).delete();
    expect(await bucket.exists()).toBe(false);
  });

  it('a DynamoDB table restores and loads its description', async () => {
    const session = track(emulatorSession());
    const dynamodb = new DynamoDB({ session });
    const table = await dynamodb.createTable({
      TableName: uniqueName('session-restore'),
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    const restored = new DynamoDB({ session: track(emulatorSession()) }).restore(
      JSON.stringify(table),
      Table,
    );
    expect(restored.name).toBe(table.name);
    expect(await restored.keySchema).toEqual([{ AttributeName: 'id', KeyType: 'HASH' }]);
    await restored.delete();
  });
});
