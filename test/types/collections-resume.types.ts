/**
 * Compile-time tests of checkpoints, restore of collections, segments, parallel scans and
 * S3 shards, checked by `npm run typecheck` (and by test/unit/type-tests.test.ts). Nothing
 * here runs: the functions are never called. Each `@ts-expect-error` line must stay an
 * error; the rest must compile.
 */
import type { CollectionCheckpoint, CollectionJSON, Resource } from '../../src/index.js';
import {
  DynamoDB,
  ItemCollection,
  ScanCollection,
  Attr,
  Key,
} from '../../src/resources/dynamodb/index.js';
import { S3, ObjectSummaryCollection, type ObjectSummary } from '../../src/resources/s3/index.js';

export async function checkpointsCompile(s3: S3, dynamodb: DynamoDB, json: unknown) {
  const objects = s3.Bucket('b').objects.filter({ Prefix: 'logs/' }).pageSize(100);
  const iterator = objects.iterate();
  const first = await iterator.next();
  const checkpoint = iterator.checkpoint();
  const plain: CollectionJSON = checkpoint;
  const text: string = JSON.stringify(checkpoint);
  // Typed by the checkpoint: the collection's own class, chainable.
  const rest: ObjectSummaryCollection = s3.restore(checkpoint).limit(10);
  const fromPages = s3.restore(objects.pages().checkpoint());
  const summaries: ObjectSummary[] = await fromPages.toArray();
  const unstarted: CollectionCheckpoint<ObjectSummaryCollection> = objects.toJSON();
  // Untyped JSON: name the class.
  const named: ObjectSummaryCollection = s3.restore(json, ObjectSummaryCollection);
  const resource: Resource = s3.restore(json);

  const table = dynamodb.Table('t');
  const scan: ScanCollection<Record<string, unknown>, object> = table.scan({
    FilterExpression: Attr('n').gte(1),
  });
  const segments: ScanCollection<Record<string, unknown>, object>[] = scan.segments(4);
  const scanBack: ScanCollection<Record<string, unknown>, object> = dynamodb.restore(
    segments[0]!.toJSON(),
  );
  for await (const item of scan.parallel(4, { concurrency: 2 })) void item.id;
  const query = table.query({ KeyConditionExpression: Key('id').eq('u1') });
  const queryBack: ItemCollection<Record<string, unknown>, object> = dynamodb.restore(
    query.iterate().checkpoint(),
  );
  const shards: ObjectSummaryCollection[] = await objects.shards({ delimiter: '/' });
  return [
    first,
    plain,
    text,
    rest,
    summaries,
    unstarted,
    named,
    resource,
    scanBack,
    queryBack,
    shards,
  ];
}

export function wrongUsesDoNotCompile(s3: S3, dynamodb: DynamoDB) {
  const table = dynamodb.Table('t');
  const query = table.query({ KeyConditionExpression: Key('id').eq('u1') });
  // @ts-expect-error only scans split into segments
  query.segments(4);
  // @ts-expect-error parallel takes a count of segments
  table.scan().parallel({ concurrency: 2 });
  // @ts-expect-error a checkpoint of objects restores to objects, not a scan
  const wrong: ScanCollection<object, object> = s3.restore(s3.Bucket('b').objects.toJSON());
  // @ts-expect-error a checkpoint is JSON, not a string to assign to a number
  const limit: string = s3.Bucket('b').objects.all().toJSON().limit;
  // @ts-expect-error shards take options, not a delimiter string
  void s3.Bucket('b').objects.all().shards('/');
  return [wrong, limit];
}
