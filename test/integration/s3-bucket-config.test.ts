/**
 * The bucket configuration resources (Acl, Cors, Lifecycle, LifecycleConfiguration, Logging,
 * Notification, Policy, RequestPayment, Tagging, Versioning, Website) against moto, through
 * the library: factories, every action, lazy loads, reload, Bucket() and delete, with the
 * requests counted.
 */
import { GetBucketRequestPaymentCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { ParamValidationError } from '../../src/index.js';
import {
  Bucket,
  BucketAcl,
  BucketCors,
  BucketLifecycle,
  BucketLifecycleConfiguration,
  BucketLogging,
  BucketNotification,
  BucketPolicy,
  BucketRequestPayment,
  BucketTagging,
  BucketVersioning,
  BucketWebsite,
} from '../../src/resources/s3/index.js';
import { uniqueName } from '../support/emulator.js';
import { useS3Fixture } from '../support/s3-fixture.js';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

// newBucket: a new, empty bucket for one test (tests share one moto with other workers).
// Clean-up also empties logging targets, where moto writes access-log objects at once.
const { client, counter, s3, newBucket } = useS3Fixture('config', { bucket: false });

/** The v3 error the promise rejects with: an S3ServiceException with this name, HTTP 404. */
async function expectNotFound(promise: Promise<unknown>, name: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(S3ServiceException);
  expect((error as S3ServiceException).name).toBe(name);
  expect((error as S3ServiceException).$metadata.httpStatusCode).toBe(404);
}

/** The configuration resource as both factories make it: same class, no request, Bucket() back. */
function fromFactories<T extends { bucketName: string; equals(o: unknown): boolean }>(
  bucket: Bucket,
  fromBucket: T,
  fromService: T,
  Class: abstract new (...args: never[]) => T,
): T {
  expect(fromBucket).toBeInstanceOf(Class);
  expect(fromService).toBeInstanceOf(Class);
  expect(fromBucket.bucketName).toBe(bucket.name);
  expect(fromBucket.equals(fromService)).toBe(true);
  const back = (fromBucket as unknown as { Bucket(): Bucket }).Bucket();
  expect(back).toBeInstanceOf(Bucket);
  expect(back.equals(bucket)).toBe(true);
  expect((fromBucket as unknown as { data: unknown }).data).toBeUndefined();
  expect(counter.total).toBe(0);
  return fromBucket;
}

/** The last request sent: operation and input (without the ChecksumAlgorithm the SDK adds). */
function lastRequest(): { operation: string; input: object } | undefined {
  const last = counter.inputs.at(-1);
  if (!last) return undefined;
  const { ChecksumAlgorithm: _added, ...input } = last.input as Record<string, unknown>;
  return { operation: last.operation, input };
}

describe('BucketAcl', () => {
  it('loads owner and grants once, puts a canned ACL and a full policy, reloads', async () => {
    const bucket = await newBucket('acl');
    const acl = fromFactories(bucket, bucket.Acl(), s3.BucketAcl(bucket.name), BucketAcl);

    const [owner, grants] = await Promise.all([acl.owner, acl.grants]);
    expect(counter.byOperation).toEqual({ GetBucketAcl: 1 });
    expect(owner?.ID).toMatch(/\S/);
    expect(grants).toEqual([
      {
        Grantee: expect.objectContaining({ Type: 'CanonicalUser', ID: owner?.ID }) as unknown,
        Permission: 'FULL_CONTROL',
      },
    ]);

    await acl.put({ ACL: 'public-read' });
    expect(lastRequest()).toEqual({
      operation: 'PutBucketAcl',
      input: { Bucket: bucket.name, ACL: 'public-read' },
    });
    expect(acl.data).toBeUndefined(); // the action forgot the loaded ACL...
    expect(await acl.grants).toContainEqual({
      // ...so this read loads the new one
      Grantee: expect.objectContaining({ Type: 'Group', URI: ALL_USERS }) as unknown,
      Permission: 'READ',
    });

    await acl.put({
      AccessControlPolicy: {
        Owner: owner,
        Grants: [
          { Grantee: { Type: 'CanonicalUser', ID: owner?.ID }, Permission: 'FULL_CONTROL' },
          { Grantee: { Type: 'Group', URI: LOG_DELIVERY }, Permission: 'WRITE' },
        ],
      },
    });
    await acl.reload();
    const permissions = (await acl.grants)?.map((g) => [
      g.Grantee?.URI ?? g.Grantee?.ID,
      g.Permission,
    ]);
    expect(permissions).toEqual([
      [owner?.ID, 'FULL_CONTROL'],
      [LOG_DELIVERY, 'WRITE'],
    ]);
    expect(counter.byOperation).toEqual({ GetBucketAcl: 3, PutBucketAcl: 2 });
  });

  it('a missing bucket: load rejects with NoSuchBucket, exists() is false', async () => {
    const acl = s3.BucketAcl(uniqueName('acl-missing'));
    await expectNotFound(acl.load(), 'NoSuchBucket');
    expect(await acl.exists()).toBe(false);
  });
});

describe('BucketCors', () => {
  const rule = {
    ID: 'browser-get',
    AllowedMethods: ['GET', 'HEAD'],
    AllowedOrigins: ['https://example.com'],
    AllowedHeaders: ['Authorization'],
    ExposeHeaders: ['ETag'],
    MaxAgeSeconds: 3000,
  };

  it('put, load corsRules, put again + reload, delete → NoSuchCORSConfiguration', async () => {
    const bucket = await newBucket('cors');
    const cors = fromFactories(bucket, bucket.Cors(), s3.BucketCors(bucket.name), BucketCors);

    await expectNotFound(cors.load(), 'NoSuchCORSConfiguration');
    expect(await cors.exists()).toBe(false);

    await cors.put({ CORSConfiguration: { CORSRules: [rule] } });
    expect(await cors.exists()).toBe(true);
    expect(await cors.corsRules).toEqual([rule]);

    const upload = { AllowedMethods: ['PUT', 'POST'], AllowedOrigins: ['*'] };
    await cors.put({ CORSConfiguration: { CORSRules: [rule, upload] } });
    expect(cors.data).toBeUndefined(); // put forgot the loaded rules: the next read loads
    expect(await cors.corsRules).toEqual([rule, upload]);

    await cors.delete();
    expect(lastRequest()).toEqual({
      operation: 'DeleteBucketCors',
      input: { Bucket: bucket.name },
    });
    await expectNotFound(cors.reload(), 'NoSuchCORSConfiguration');
    expect(await cors.exists()).toBe(false);
    expect(counter.byOperation).toEqual({
      GetBucketCors: 6,
      PutBucketCors: 2,
      DeleteBucketCors: 1,
    });
  });
});

describe.each([
  ['Lifecycle', BucketLifecycle],
  ['LifecycleConfiguration', BucketLifecycleConfiguration],
] as const)('Bucket%s', (factory, Class) => {
  const expire = {
    ID: 'expire-logs',
    Status: 'Enabled' as const,
    Filter: { Prefix: 'logs/' },
    Expiration: { Days: 30 },
  };
  const abort = {
    ID: 'abort-uploads',
    Status: 'Enabled' as const,
    Filter: { Prefix: 'tmp/' },
    AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
  };

  it('runs on the *LifecycleConfiguration operations: put, rules, reload, delete', async () => {
    const bucket = await newBucket('lifecycle');
    const lifecycle = fromFactories(
      bucket,
      bucket[factory](),
      s3[`Bucket${factory}`](bucket.name),
      Class,
    );

    await expectNotFound(lifecycle.load(), 'NoSuchLifecycleConfiguration');
    await lifecycle.put({ LifecycleConfiguration: { Rules: [expire] } });
    expect(lastRequest()).toEqual({
      operation: 'PutBucketLifecycleConfiguration',
      input: { Bucket: bucket.name, LifecycleConfiguration: { Rules: [expire] } },
    });
    expect(await lifecycle.rules).toEqual([expire]);

    await lifecycle.put({ LifecycleConfiguration: { Rules: [expire, abort] } });
    await lifecycle.reload();
    expect(await lifecycle.rules).toEqual([expire, abort]);

    await lifecycle.delete();
    expect(lastRequest()).toEqual({
      operation: 'DeleteBucketLifecycle',
      input: { Bucket: bucket.name },
    });
    await expectNotFound(lifecycle.reload(), 'NoSuchLifecycleConfiguration');
    expect(await lifecycle.exists()).toBe(false);
    expect(counter.byOperation).toEqual({
      GetBucketLifecycleConfiguration: 5,
      PutBucketLifecycleConfiguration: 2,
      DeleteBucketLifecycle: 1,
    });
  });
});

it('BucketLifecycle and BucketLifecycleConfiguration read the same configuration', async () => {
  const bucket = await newBucket('lifecycle-same');
  await bucket.Lifecycle().put({
    LifecycleConfiguration: {
      Rules: [{ ID: 'r', Status: 'Disabled', Filter: { Prefix: 'a/' }, Expiration: { Days: 1 } }],
    },
  });
  const [viaLifecycle, viaConfiguration] = await Promise.all([
    bucket.Lifecycle().load(),
    bucket.LifecycleConfiguration().load(),
  ]);
  expect(viaLifecycle).toEqual(viaConfiguration);
  expect(viaLifecycle.Rules?.[0]?.Status).toBe('Disabled');
});

describe('BucketLogging', () => {
  it('enables logging into a target bucket, reloads, disables', async () => {
    const bucket = await newBucket('logging');
    const target = await newBucket('logging-target');
    const logging = fromFactories(
      bucket,
      bucket.Logging(),
      s3.BucketLogging(bucket.name),
      BucketLogging,
    );
    expect(await logging.loggingEnabled).toBeUndefined();

    // S3 only delivers logs to a bucket whose ACL lets the LogDelivery group write and read
    // the ACL ('log-delivery-write' as grants: v3's BucketCannedACL type lacks that name).
    const targetAcl = target.Acl();
    await targetAcl.put({
      GrantFullControl: `id="${(await targetAcl.owner)?.ID}"`,
      GrantWrite: `uri="${LOG_DELIVERY}"`,
      GrantReadACP: `uri="${LOG_DELIVERY}"`,
    });
    const enabled = { TargetBucket: target.name, TargetPrefix: `${bucket.name}/` };
    await logging.put({ BucketLoggingStatus: { LoggingEnabled: enabled } });
    expect(lastRequest()).toEqual({
      operation: 'PutBucketLogging',
      input: { Bucket: bucket.name, BucketLoggingStatus: { LoggingEnabled: enabled } },
    });
    expect(logging.data).toBeUndefined(); // put forgot the snapshot: the next read loads
    expect(await logging.loggingEnabled).toEqual(enabled);

    await logging.put({ BucketLoggingStatus: {} });
    await logging.reload();
    expect(await logging.loggingEnabled).toBeUndefined();
    expect(counter.count('GetBucketLogging')).toBe(3);
    expect(counter.count('PutBucketLogging')).toBe(2);
  });

  it('a target without log-delivery permission: the v3 error comes through', async () => {
    const bucket = await newBucket('logging-denied');
    const target = await newBucket('logging-denied-target');
    const error = await bucket
      .Logging()
      .put({
        BucketLoggingStatus: { LoggingEnabled: { TargetBucket: target.name, TargetPrefix: 'x/' } },
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(S3ServiceException);
    expect((error as S3ServiceException).name).toBe('InvalidTargetBucketForLogging');
  });
});

describe('BucketNotification', () => {
  it('puts queue and topic configurations, reloads, clears them', async () => {
    const bucket = await newBucket('notify');
    const notification = fromFactories(
      bucket,
      bucket.Notification(),
      s3.BucketNotification(bucket.name),
      BucketNotification,
    );
    expect(await notification.queueConfigurations).toBeUndefined();
    expect(counter.byOperation).toEqual({ GetBucketNotificationConfiguration: 1 });

    const queue = {
      Id: 'new-uploads',
      QueueArn: 'arn:aws:sqs:us-east-1:123456789012:uploads',
      Events: ['s3:ObjectCreated:*' as const],
      Filter: { Key: { FilterRules: [{ Name: 'prefix' as const, Value: 'in/' }] } },
    };
    const topic = {
      Id: 'removals',
      TopicArn: 'arn:aws:sns:us-east-1:123456789012:removals',
      Events: ['s3:ObjectRemoved:Delete' as const],
    };
    await notification.put({
      NotificationConfiguration: { QueueConfigurations: [queue], TopicConfigurations: [topic] },
    });
    await notification.reload();
    expect(await notification.queueConfigurations).toEqual([queue]);
    expect(await notification.topicConfigurations).toEqual([topic]);
    expect(await notification.lambdaFunctionConfigurations).toBeUndefined();

    await notification.put({ NotificationConfiguration: {} });
    await notification.reload();
    expect(await notification.queueConfigurations).toBeUndefined();
    expect(await notification.topicConfigurations).toBeUndefined();
    expect(counter.byOperation).toEqual({
      GetBucketNotificationConfiguration: 3,
      PutBucketNotificationConfiguration: 2,
    });
  });
});

describe('BucketPolicy', () => {
  it('put, policy text, reload, delete → NoSuchBucketPolicy', async () => {
    const bucket = await newBucket('policy');
    const policy = fromFactories(
      bucket,
      bucket.Policy(),
      s3.BucketPolicy(bucket.name),
      BucketPolicy,
    );
    await expectNotFound(policy.load(), 'NoSuchBucketPolicy');

    const statement = (sid: string, action: string) => ({
      Sid: sid,
      Effect: 'Allow',
      Principal: '*',
      Action: action,
      Resource: `arn:aws:s3:::${bucket.name}/*`,
    });
    const document = { Version: '2012-10-17', Statement: [statement('read', 's3:GetObject')] };
    await policy.put({ Policy: JSON.stringify(document) });
    expect(JSON.parse((await policy.policy) ?? '')).toEqual(document);

    const wider = {
      ...document,
      Statement: [...document.Statement, statement('list', 's3:GetObjectVersion')],
    };
    await policy.put({ Policy: JSON.stringify(wider) });
    await policy.reload();
    expect(JSON.parse((await policy.policy) ?? '')).toEqual(wider);

    await policy.delete();
    await expectNotFound(policy.reload(), 'NoSuchBucketPolicy');
    expect(await policy.exists()).toBe(false);
    expect(counter.byOperation).toEqual({
      GetBucketPolicy: 5,
      PutBucketPolicy: 2,
      DeleteBucketPolicy: 1,
    });
  });
});

describe('BucketRequestPayment', () => {
  it('puts Requester pays and loads payer as the service reports it', async () => {
    const bucket = await newBucket('payment');
    const payment = fromFactories(
      bucket,
      bucket.RequestPayment(),
      s3.BucketRequestPayment(bucket.name),
      BucketRequestPayment,
    );
    await payment.put({ RequestPaymentConfiguration: { Payer: 'Requester' } });
    expect(lastRequest()).toEqual({
      operation: 'PutBucketRequestPayment',
      input: { Bucket: bucket.name, RequestPaymentConfiguration: { Payer: 'Requester' } },
    });
    const payer = await payment.payer;
    expect(lastRequest()).toEqual({
      operation: 'GetBucketRequestPayment',
      input: { Bucket: bucket.name },
    });
    // AWS answers 'Requester'. moto 5.2.1 implements neither operation: the PUT is accepted
    // and dropped, the GET answers a ListBucketResult (no Payer). So compare with the raw
    // client's answer: the library must report exactly what the service said.
    const raw = await client.send(new GetBucketRequestPaymentCommand({ Bucket: bucket.name }));
    expect(payer).toBe(raw.Payer);
    expect(counter.byOperation).toEqual({ PutBucketRequestPayment: 1, GetBucketRequestPayment: 2 });
  });
});

describe('BucketTagging', () => {
  it('put, tagSet, reload, delete → NoSuchTagSet', async () => {
    const bucket = await newBucket('tagging');
    const tagging = fromFactories(
      bucket,
      bucket.Tagging(),
      s3.BucketTagging(bucket.name),
      BucketTagging,
    );
    await expectNotFound(tagging.load(), 'NoSuchTagSet');

    const tags = [
      { Key: 'env', Value: 'dev' },
      { Key: 'team', Value: 'data' },
    ];
    await tagging.put({ Tagging: { TagSet: tags } });
    expect(await tagging.tagSet).toEqual(tags);
    await tagging.put({ Tagging: { TagSet: [{ Key: 'env', Value: 'prod' }] } });
    await tagging.reload();
    expect(await tagging.tagSet).toEqual([{ Key: 'env', Value: 'prod' }]);

    await tagging.delete();
    expect(lastRequest()).toEqual({
      operation: 'DeleteBucketTagging',
      input: { Bucket: bucket.name },
    });
    await expectNotFound(tagging.reload(), 'NoSuchTagSet');
    expect(await tagging.exists()).toBe(false);
  });
});

describe('BucketVersioning', () => {
  it('enable, suspend and put send PutBucketVersioning; reload shows each status', async () => {
    const bucket = await newBucket('versioning');
    const versioning = fromFactories(
      bucket,
      bucket.Versioning(),
      s3.BucketVersioning(bucket.name),
      BucketVersioning,
    );
    expect(await versioning.status).toBeUndefined(); // never enabled: no Status at all
    expect(await versioning.mfaDelete).toBeUndefined();
    expect(counter.byOperation).toEqual({ GetBucketVersioning: 1 });

    await versioning.enable();
    expect(lastRequest()).toEqual({
      operation: 'PutBucketVersioning',
      input: { Bucket: bucket.name, VersioningConfiguration: { Status: 'Enabled' } },
    });
    expect(versioning.data).toBeUndefined(); // enable() forgot the snapshot: the next read loads
    expect(await versioning.status).toBe('Enabled');

    await versioning.suspend();
    expect(lastRequest()).toEqual({
      operation: 'PutBucketVersioning',
      input: { Bucket: bucket.name, VersioningConfiguration: { Status: 'Suspended' } },
    });
    await versioning.reload();
    expect(await versioning.status).toBe('Suspended');

    // The caller's members merge into the constant ones.
    await versioning.enable({ VersioningConfiguration: { MFADelete: 'Disabled' } });
    expect(lastRequest()?.input).toEqual({
      Bucket: bucket.name,
      VersioningConfiguration: { Status: 'Enabled', MFADelete: 'Disabled' },
    });
    await versioning.reload();
    expect(await versioning.status).toBe('Enabled');

    await versioning.put({ VersioningConfiguration: { Status: 'Suspended' } });
    await versioning.reload();
    expect(await versioning.status).toBe('Suspended');
    expect(counter.byOperation).toEqual({ GetBucketVersioning: 5, PutBucketVersioning: 4 });
  });

  it('enable() refuses a conflicting Status before any request', async () => {
    const bucket = await newBucket('versioning-conflict');
    await expect(
      bucket.Versioning().enable({ VersioningConfiguration: { Status: 'Suspended' } }),
    ).rejects.toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });
});

describe('BucketWebsite', () => {
  it('put index/error documents and routing rules, reload, redirect-all, delete', async () => {
    const bucket = await newBucket('website');
    const website = fromFactories(
      bucket,
      bucket.Website(),
      s3.BucketWebsite(bucket.name),
      BucketWebsite,
    );
    await expectNotFound(website.load(), 'NoSuchWebsiteConfiguration');

    const routingRules = [
      { Condition: { KeyPrefixEquals: 'docs/' }, Redirect: { ReplaceKeyPrefixWith: 'documents/' } },
    ];
    await website.put({
      WebsiteConfiguration: {
        IndexDocument: { Suffix: 'index.html' },
        ErrorDocument: { Key: 'error.html' },
        RoutingRules: routingRules,
      },
    });
    expect(await website.indexDocument).toEqual({ Suffix: 'index.html' });
    expect(await website.errorDocument).toEqual({ Key: 'error.html' });
    expect(await website.routingRules).toEqual(routingRules);
    expect(await website.redirectAllRequestsTo).toBeUndefined();

    await website.put({
      WebsiteConfiguration: {
        RedirectAllRequestsTo: { HostName: 'example.com', Protocol: 'https' },
      },
    });
    await website.reload();
    expect(await website.redirectAllRequestsTo).toEqual({
      HostName: 'example.com',
      Protocol: 'https',
    });
    expect(await website.indexDocument).toBeUndefined();

    await website.delete();
    expect(lastRequest()).toEqual({
      operation: 'DeleteBucketWebsite',
      input: { Bucket: bucket.name },
    });
    await expectNotFound(website.reload(), 'NoSuchWebsiteConfiguration');
    expect(await website.exists()).toBe(false);
    expect(counter.byOperation).toEqual({
      GetBucketWebsite: 5,
      PutBucketWebsite: 2,
      DeleteBucketWebsite: 1,
    });
  });
});
