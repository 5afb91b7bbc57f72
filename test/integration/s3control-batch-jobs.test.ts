/**
 * S3 Batch Operations: `aws-resources/s3control` (BatchJob, Account, jobs) and
 * `bucket.objects.filter(...).toBatchJob()`.
 *
 * moto 5.2.1 does not implement S3 Batch Operations, so the S3 Control client here is answered
 * in-process (test/support/s3control.ts) with the responses the S3 Control API reference
 * documents for CreateJob, DescribeJob, ListJobs, UpdateJobStatus and UpdateJobPriority. The
 * tests assert what the library sends (the exact CreateJob input and its XML on the wire),
 * how many requests, the resources it builds from the responses, and that bad input fails
 * before any request. The S3 client goes to moto and must send nothing.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { S3 } from '../../src/resources/s3/index.js';
import { s3ControlConfigOf } from '../../src/resources/s3/s3control-loader.js';
import { Lambda } from '../../src/resources/lambda/index.js';
import {
  BatchJob,
  BatchJobError,
  S3Control,
  type BatchJobWaitOptions,
} from '../../src/resources/s3control/index.js';
import { AbortError, IdentifierError, ParamValidationError } from '../../src/index.js';
import { clientConfig } from '../support/emulator.js';
import { SIGNAL_NAMES, signalOption } from '../support/signal-names.js';
import { countRequests, type RequestCounter } from '../support/request-counter.js';
import { fakeS3Control, type FakeS3Control } from '../support/s3control.js';

const ACCOUNT = '123456789012';
const ROLE = 'arn:aws:iam::123456789012:role/batch-operations';
const FUNCTION_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:resize';

let fake: FakeS3Control;
let s3control: S3Control;
let counter: RequestCounter;
let s3: S3;
let s3Counter: RequestCounter;

beforeEach(() => {
  fake = fakeS3Control();
  counter = countRequests(fake.client);
  s3control = new S3Control({ client: fake.client });
  const s3Client = new S3Client(clientConfig());
  s3Counter = countRequests(s3Client);
  s3 = new S3({ client: s3Client });
});

afterEach(() => {
  // Nothing of a hand-off lists the bucket.
  expect(s3Counter.total).toBe(0);
});

const base = () => ({
  s3control,
  accountId: ACCOUNT,
  roleArn: ROLE,
  report: { bucket: s3.Bucket('reports'), prefix: 'batch/' },
});

describe('toBatchJob without s3control', () => {
  /** An S3 client sending through the fake S3 Control's handler, so CreateJob reaches it. */
  const s3Through = (config: object = {}) =>
    new S3({
      client: new S3Client({
        region: 'eu-west-2',
        credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
        requestHandler: fake.requestHandler as never,
        maxAttempts: 1,
        ...config,
      }),
    });

  it("makes an S3 Control client from the bucket's client configuration", async () => {
    const bucket = s3Through().Bucket('photos');
    const job = await bucket.objects.filter({ Prefix: 'images/' }).toBatchJob({
      accountId: ACCOUNT,
      roleArn: ROLE,
      operation: { deleteTags: true },
      report: false,
      clientRequestToken: 'token-short',
    });
    expect(job).toBeInstanceOf(BatchJob);
    expect(job.id).toBe('job-0001');
    expect(fake.requests).toHaveLength(1);
    const [sent] = fake.requests;
    // The S3 client's region, with S3 Control's own endpoint (account id as host prefix).
    expect(sent).toMatchObject({
      method: 'POST',
      path: '/v20180820/jobs',
      accountId: ACCOUNT,
      hostname: `${ACCOUNT}.s3-control.eu-west-2.amazonaws.com`,
    });
    expect(sent?.body).toContain('<ClientRequestToken>token-short</ClientRequestToken>');
    expect(sent?.body).toContain('<MatchAnyPrefix><member>images/</member></MatchAnyPrefix>');
    // The job it returns sends through the same client.
    expect(await job.status).toBe('New');
    expect(fake.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
  });

  it('uses one S3 Control client per S3 client, and aborts as with one given', async () => {
    const objects = s3Through().Bucket('photos').objects.all();
    const options = {
      accountId: ACCOUNT,
      roleArn: ROLE,
      operation: { deleteTags: true },
      report: false,
    } as const;
    const first = await objects.toBatchJob(options);
    const second = await objects.toBatchJob(options);
    expect(first.meta.client).toBe(second.meta.client);
    await expect(objects.toBatchJob({ ...options, signal: AbortSignal.abort() })).rejects.toThrow(
      AbortError,
    );
    expect(fake.requests).toHaveLength(2);
  });

  it('still refuses an s3control that is not an S3Control', async () => {
    const objects = s3Through().Bucket('photos').objects.all();
    await expect(
      objects.toBatchJob({
        s3control: {} as never,
        accountId: ACCOUNT,
        roleArn: ROLE,
        operation: { deleteTags: true },
        report: false,
      }),
    ).rejects.toThrow(/options\.s3control must be an S3Control/);
    expect(fake.requests).toEqual([]);
  });
});

describe('s3ControlConfigOf', () => {
  it('shares region, credentials, handler, retries and logger; an endpoint only if one was set', () => {
    const plain = new S3Client({ region: 'eu-west-2', maxAttempts: 4 });
    const config = s3ControlConfigOf(plain.config as never) as Record<string, unknown>;
    for (const key of [
      'region',
      'credentials',
      'requestHandler',
      'maxAttempts',
      'retryMode',
      'logger',
    ])
      expect(config[key]).toBe((plain.config as unknown as Record<string, unknown>)[key]);
    expect(config).not.toHaveProperty('endpoint');
    const custom = new S3Client({ region: 'eu-west-2', endpoint: 'http://127.0.0.1:4566' });
    const withEndpoint = s3ControlConfigOf(custom.config as never) as Record<string, unknown>;
    expect(withEndpoint.endpoint).toBe(
      (custom.config as unknown as Record<string, unknown>).endpoint,
    );
    plain.destroy();
    custom.destroy();
  });
});

describe('toBatchJob', () => {
  it('sends one CreateJob whose manifest generator carries the prefix, and returns the BatchJob', async () => {
    const bucket = s3.Bucket('photos');
    const job = await bucket.objects.filter({ Prefix: 'images/' }).toBatchJob({
      ...base(),
      operation: { invoke: new Lambda({ region: 'us-east-1' }).Function(FUNCTION_ARN) },
      clientRequestToken: 'token-1',
      description: 'resize images',
    });
    expect(job).toBeInstanceOf(BatchJob);
    expect(job.toJSON()).toEqual({
      service: 's3control',
      type: 'BatchJob',
      identifiers: { accountId: ACCOUNT, id: 'job-0001' },
    });
    expect(counter.byOperation).toEqual({ CreateJob: 1 });
    expect(counter.inputs[0]?.input).toEqual({
      AccountId: ACCOUNT,
      Operation: { LambdaInvoke: { FunctionArn: FUNCTION_ARN } },
      Report: {
        Enabled: true,
        Bucket: 'arn:aws:s3:::reports',
        Format: 'Report_CSV_20180820',
        ReportScope: 'AllTasks',
        Prefix: 'batch/',
      },
      Priority: 10,
      RoleArn: ROLE,
      ClientRequestToken: 'token-1',
      Description: 'resize images',
      ManifestGenerator: {
        S3JobManifestGenerator: {
          SourceBucket: 'arn:aws:s3:::photos',
          Filter: { KeyNameConstraint: { MatchAnyPrefix: ['images/'] } },
          EnableManifestOutput: false,
        },
      },
    });
    const [sent] = fake.requests;
    expect(sent).toMatchObject({ method: 'POST', path: '/v20180820/jobs', accountId: ACCOUNT });
    expect(sent?.body).toContain(
      '<ManifestGenerator><S3JobManifestGenerator><SourceBucket>arn:aws:s3:::photos</SourceBucket><EnableManifestOutput>false</EnableManifestOutput><Filter><KeyNameConstraint><MatchAnyPrefix><member>images/</member></MatchAnyPrefix></KeyNameConstraint></Filter></S3JobManifestGenerator></ManifestGenerator>',
    );
    expect(sent?.body).toContain(
      `<Operation><LambdaInvoke><FunctionArn>${FUNCTION_ARN}</FunctionArn></LambdaInvoke></Operation>`,
    );
    // The job loads with one DescribeJob.
    expect(await job.status).toBe('New');
    expect((await job.progressSummary)?.NumberOfTasksFailed).toBe(1);
    expect(await job.priority).toBe(10);
    expect(counter.byOperation).toEqual({ CreateJob: 1, DescribeJob: 1 });
  });

  it('generates a ClientRequestToken when none is given, a new one per call', async () => {
    const objects = s3.Bucket('photos').objects.all();
    await objects.toBatchJob({ ...base(), operation: { deleteTags: true } });
    await objects.toBatchJob({ ...base(), operation: { deleteTags: true } });
    const tokens = counter.inputs.map(
      (i) => (i.input as { ClientRequestToken?: string }).ClientRequestToken,
    );
    expect(tokens[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokens[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokens[0]).not.toBe(tokens[1]);
    // No prefix: the generator selects the whole bucket.
    expect(counter.inputs[0]?.input).toMatchObject({
      Operation: { S3DeleteObjectTagging: {} },
      ManifestGenerator: {
        S3JobManifestGenerator: {
          SourceBucket: 'arn:aws:s3:::photos',
          EnableManifestOutput: false,
        },
      },
    });
    expect(
      (counter.inputs[0]?.input as { ManifestGenerator: { S3JobManifestGenerator: object } })
        .ManifestGenerator.S3JobManifestGenerator,
    ).not.toHaveProperty('Filter');
  });

  it('takes resources and the raw JobOperation for the operation', async () => {
    const objects = s3.Bucket('photos').objects.filter({ Prefix: 'a/' });
    const operations = [
      [
        { copyTo: s3.Bucket('archive'), prefix: 'copies/', params: { StorageClass: 'GLACIER' } },
        {
          S3PutObjectCopy: {
            StorageClass: 'GLACIER',
            TargetResource: 'arn:aws:s3:::archive',
            TargetKeyPrefix: 'copies/',
          },
        },
      ],
      [
        { tag: [{ Key: 'state', Value: 'old' }] },
        { S3PutObjectTagging: { TagSet: [{ Key: 'state', Value: 'old' }] } },
      ],
      [
        { restore: { ExpirationInDays: 2, GlacierJobTier: 'BULK' } },
        { S3InitiateRestoreObject: { ExpirationInDays: 2, GlacierJobTier: 'BULK' } },
      ],
      [
        { invoke: FUNCTION_ARN, userArguments: { size: '100' } },
        {
          LambdaInvoke: {
            FunctionArn: FUNCTION_ARN,
            InvocationSchemaVersion: '2.0',
            UserArguments: { size: '100' },
          },
        },
      ],
      [
        // A function resource known by name: its ARN comes from its functionArn attribute.
        { invoke: { name: 'resize', functionArn: Promise.resolve(FUNCTION_ARN) } },
        { LambdaInvoke: { FunctionArn: FUNCTION_ARN } },
      ],
      [
        { S3PutObjectAcl: { AccessControlPolicy: { CannedAccessControlList: 'private' } } },
        { S3PutObjectAcl: { AccessControlPolicy: { CannedAccessControlList: 'private' } } },
      ],
    ] as const;
    for (const [operation] of operations) await objects.toBatchJob({ ...base(), operation });
    expect(counter.inputs.map((i) => (i.input as { Operation: unknown }).Operation)).toEqual(
      operations.map(([, sent]) => sent),
    );
    expect(counter.total).toBe(operations.length);
  });

  it('passes priority, confirmation, tags, generator filters and manifest output', async () => {
    await s3
      .Bucket('photos')
      .objects.filter({ Prefix: 'logs/', ExpectedBucketOwner: ACCOUNT, FetchOwner: true })
      .toBatchJob({
        ...base(),
        report: false,
        operation: { deleteTags: true },
        priority: 42,
        confirmationRequired: true,
        tags: [{ Key: 'team', Value: 'data' }],
        manifestFilter: { ObjectSizeGreaterThanBytes: 1024, MatchAnyStorageClass: ['STANDARD'] },
        manifestOutput: {
          Bucket: 'arn:aws:s3:::manifests',
          ManifestFormat: 'S3InventoryReport_CSV_20211130',
        },
      });
    expect(counter.inputs[0]?.input).toMatchObject({
      Report: { Enabled: false },
      Priority: 42,
      ConfirmationRequired: true,
      Tags: [{ Key: 'team', Value: 'data' }],
      ManifestGenerator: {
        S3JobManifestGenerator: {
          SourceBucket: 'arn:aws:s3:::photos',
          ExpectedBucketOwner: ACCOUNT,
          Filter: {
            ObjectSizeGreaterThanBytes: 1024,
            MatchAnyStorageClass: ['STANDARD'],
            KeyNameConstraint: { MatchAnyPrefix: ['logs/'] },
          },
          EnableManifestOutput: true,
          ManifestOutputLocation: {
            Bucket: 'arn:aws:s3:::manifests',
            ManifestFormat: 'S3InventoryReport_CSV_20211130',
          },
        },
      },
    });
  });

  it('names the ARNs in the partition of the S3 Control client', async () => {
    const china = fakeS3Control({ region: 'cn-north-1' });
    const chinaCounter = countRequests(china.client);
    await s3
      .Bucket('photos')
      .objects.all()
      .toBatchJob({
        ...base(),
        s3control: new S3Control({ client: china.client }),
        roleArn: 'arn:aws-cn:iam::123456789012:role/batch',
        operation: { copyTo: s3.Bucket('archive') },
      });
    expect(chinaCounter.inputs[0]?.input).toMatchObject({
      Operation: { S3PutObjectCopy: { TargetResource: 'arn:aws-cn:s3:::archive' } },
      Report: { Bucket: 'arn:aws-cn:s3:::reports' },
      ManifestGenerator: { S3JobManifestGenerator: { SourceBucket: 'arn:aws-cn:s3:::photos' } },
    });
  });

  it.each(SIGNAL_NAMES)('sends nothing when its %s has already fired', async (name) => {
    const error: unknown = await s3
      .Bucket('photos')
      .objects.all()
      .toBatchJob({
        ...base(),
        operation: { deleteTags: true },
        ...signalOption(name, AbortSignal.abort()),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(fake.requests).toEqual([]);
  });

  describe('refuses before any request', () => {
    const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
      [
        'a Delimiter',
        () =>
          s3
            .Bucket('b')
            .objects.filter({ Prefix: 'a/', Delimiter: '/' })
            .toBatchJob({ ...base(), operation: { deleteTags: true } }),
        /filter Delimiter cannot be expressed by the manifest generator/,
      ],
      [
        'a StartAfter',
        () =>
          s3
            .Bucket('b')
            .objects.filter({ StartAfter: 'k' })
            .toBatchJob({ ...base(), operation: { deleteTags: true } }),
        /filter StartAfter cannot be expressed/,
      ],
      [
        'a RequestPayer',
        () =>
          s3
            .Bucket('b')
            .objects.filter({ RequestPayer: 'requester' })
            .toBatchJob({ ...base(), operation: { deleteTags: true } }),
        /filter RequestPayer cannot be expressed/,
      ],
      [
        'a limit',
        () =>
          s3
            .Bucket('b')
            .objects.filter({ Prefix: 'a/' })
            .limit(10)
            .toBatchJob({ ...base(), operation: { deleteTags: true } }),
        /limit\(10\) cannot be expressed/,
      ],
      [
        'a prefix given twice',
        () =>
          s3
            .Bucket('b')
            .objects.filter({ Prefix: 'a/' })
            .toBatchJob({
              ...base(),
              operation: { deleteTags: true },
              manifestFilter: { KeyNameConstraint: { MatchAnyPrefix: ['b/'] } },
            }),
        /Prefix and manifestFilter.KeyNameConstraint.MatchAnyPrefix/,
      ],
      [
        'an account id that is not 12 digits',
        () =>
          s3
            .Bucket('b')
            .objects.all()
            .toBatchJob({ ...base(), accountId: '12345', operation: { deleteTags: true } }),
        /accountId must be a 12-digit AWS account id, got "12345"/,
      ],
      [
        'a role that is not an IAM role ARN',
        () =>
          s3
            .Bucket('b')
            .objects.all()
            .toBatchJob({ ...base(), roleArn: 'batch', operation: { deleteTags: true } }),
        /roleArn must be an IAM role ARN/,
      ],
      [
        'a missing report',
        () =>
          s3
            .Bucket('b')
            .objects.all()
            .toBatchJob({
              ...base(),
              report: undefined as unknown as false,
              operation: { deleteTags: true },
            }),
        /report is required/,
      ],
      [
        'a delete operation',
        () =>
          s3
            .Bucket('b')
            .objects.all()
            .toBatchJob({
              ...base(),
              operation: { delete: true } as unknown as { deleteTags: true },
            }),
        /S3 Batch Operations has no delete operation/,
      ],
      [
        'two raw operations',
        () =>
          s3
            .Bucket('b')
            .objects.all()
            .toBatchJob({
              ...base(),
              operation: { S3DeleteObjectTagging: {}, S3PutObjectTagging: { TagSet: [] } },
            }),
        /exactly one of/,
      ],
      [
        'a function that is neither a resource nor an ARN',
        () =>
          s3
            .Bucket('b')
            .objects.all()
            .toBatchJob({ ...base(), operation: { invoke: 'resize' } }),
        /operation.invoke must be a Lambda function resource or a function ARN, got "resize"/,
      ],
      [
        'no S3Control',
        () =>
          s3
            .Bucket('b')
            .objects.all()
            .toBatchJob({
              ...base(),
              s3control: {} as S3Control,
              operation: { deleteTags: true },
            }),
        /options.s3control must be an S3Control/,
      ],
      [
        'a priority out of range',
        () =>
          s3
            .Bucket('b')
            .objects.all()
            .toBatchJob({ ...base(), priority: -1, operation: { deleteTags: true } }),
        /priority must be an integer from 0 to 2147483647, got -1/,
      ],
      [
        'an unknown option',
        () =>
          s3
            .Bucket('b')
            .objects.all()
            .toBatchJob({ ...base(), operation: { deleteTags: true }, prefix: 'x' } as never),
        /unknown option\(s\) prefix/,
      ],
    ];
    it.each(cases)('%s', async (_name, run, message) => {
      const error: unknown = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ParamValidationError);
      expect((error as Error).message).toMatch(/^Bucket\.objects\.toBatchJob: /);
      expect((error as Error).message).toMatch(message);
      expect(fake.requests).toEqual([]);
    });
  });
});

describe('BatchJob', () => {
  async function created(): Promise<BatchJob> {
    const job = await s3control.Account(ACCOUNT).createJob({
      Operation: { S3DeleteObjectTagging: {} },
      Report: { Enabled: false },
      Priority: 10,
      RoleArn: ROLE,
      ManifestGenerator: {
        S3JobManifestGenerator: { SourceBucket: 'arn:aws:s3:::b', EnableManifestOutput: false },
      },
    });
    counter.reset();
    fake.requests.length = 0;
    return job;
  }

  it('checks its account id and job id before any request', () => {
    expect(() => s3control.BatchJob('12345', 'job-0001')).toThrow(IdentifierError);
    expect(() => s3control.BatchJob('12345', 'job-0001')).toThrow(/a 12-digit AWS account id/);
    expect(() => s3control.Account('1234567890123')).toThrow(IdentifierError);
    expect(() => s3control.BatchJob(ACCOUNT, 'a/b')).toThrow(/a job id/);
    expect(fake.requests).toEqual([]);
  });

  it('cancel, confirm and updatePriority send UpdateJobStatus and UpdateJobPriority', async () => {
    const job = await created();
    const cancelled = await job.cancel();
    expect(cancelled.Status).toBe('Cancelling');
    await job.confirm();
    const updated = await job.updatePriority({ Priority: 3 });
    expect(updated.Priority).toBe(3);
    expect(fake.requests.map((r) => [r.method, r.path, r.query, r.accountId])).toEqual([
      ['POST', `/v20180820/jobs/${job.id}/status`, { requestedJobStatus: 'Cancelled' }, ACCOUNT],
      ['POST', `/v20180820/jobs/${job.id}/status`, { requestedJobStatus: 'Ready' }, ACCOUNT],
      ['POST', `/v20180820/jobs/${job.id}/priority`, { priority: '3' }, ACCOUNT],
    ]);
    expect(counter.byOperation).toEqual({ UpdateJobStatus: 2, UpdateJobPriority: 1 });
  });

  it('loads its attributes with one DescribeJob', async () => {
    const job = await created();
    fake.jobs.get(job.id)!.failure = { code: 'ERR', reason: 'bad manifest' };
    const [status, report, reasons, arn] = await Promise.all([
      job.status,
      job.report,
      job.failureReasons,
      job.jobArn,
    ]);
    expect(status).toBe('New');
    expect(report).toEqual({
      Enabled: true,
      Bucket: 'arn:aws:s3:::reports',
      Format: 'Report_CSV_20180820',
      Prefix: 'batch/',
      ReportScope: 'AllTasks',
    });
    expect(reasons).toEqual([{ FailureCode: 'ERR', FailureReason: 'bad manifest' }]);
    expect(arn).toBe(`arn:aws:s3:us-east-1:123456789012:job/${job.id}`);
    expect(counter.byOperation).toEqual({ DescribeJob: 1 });
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: `/v20180820/jobs/${job.id}` });
  });

  describe('waitUntilComplete', () => {
    const fast: BatchJobWaitOptions = { minDelay: 0.01, maxDelay: 0.02 };

    it('polls DescribeJob until Complete and keeps the last description', async () => {
      const job = await created();
      fake.jobs.get(job.id)!.statuses = ['Preparing', 'Active', 'Active', 'Complete'];
      await expect(job.waitUntilComplete(fast)).resolves.toBe(job);
      expect(counter.byOperation).toEqual({ DescribeJob: 4 });
      expect(job.data?.Status).toBe('Complete');
      expect(await job.status).toBe('Complete');
      expect(counter.total).toBe(4);
    });

    it.each(['Failed', 'Cancelled'])(
      'rejects with a BatchJobError when the job ends %s',
      async (end) => {
        const job = await created();
        const state = fake.jobs.get(job.id)!;
        state.statuses = ['Active', end];
        state.failure = { code: 'AccessDenied', reason: 'the role cannot read the bucket' };
        const error: unknown = await job.waitUntilComplete(fast).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BatchJobError);
        expect((error as BatchJobError).status).toBe(end);
        expect((error as BatchJobError).job.FailureReasons).toEqual([
          { FailureCode: 'AccessDenied', FailureReason: 'the role cannot read the bucket' },
        ]);
        expect((error as Error).message).toBe(
          `BatchJob.waitUntilComplete: the job ended ${end} (AccessDenied: the role cannot read the bucket)`,
        );
        expect(counter.byOperation).toEqual({ DescribeJob: 2 });
      },
    );

    it('rejects with a BatchJobError when the job is not complete in time', async () => {
      const job = await created();
      fake.jobs.get(job.id)!.statuses = ['Active'];
      const error: unknown = await job
        .waitUntilComplete({ ...fast, maxWaitTime: 0.05 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BatchJobError);
      expect((error as BatchJobError).status).toBe('Active');
      expect((error as Error).message).toMatch(
        /did not complete within 0.05 s \(last status Active\)/,
      );
      expect(counter.count('DescribeJob')).toBeGreaterThanOrEqual(2);
    });

    it.each(SIGNAL_NAMES)(
      'stops at once when aborted, and sends nothing after (as %s)',
      async (name) => {
        const job = await created();
        fake.jobs.get(job.id)!.statuses = ['Active'];
        const controller = new AbortController();
        const waiting = job.waitUntilComplete({
          minDelay: 10,
          maxDelay: 10,
          ...signalOption(name, controller.signal),
        });
        while (counter.total === 0) await new Promise((r) => setTimeout(r, 5));
        const started = Date.now();
        controller.abort();
        const error: unknown = await waiting.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(AbortError);
        expect(Date.now() - started).toBeLessThan(1000);
        await new Promise((r) => setTimeout(r, 50));
        expect(counter.byOperation).toEqual({ DescribeJob: 1 });
      },
    );

    it.each(SIGNAL_NAMES)(
      'sends nothing when the signal (as %s) has already fired, and checks its options first',
      async (name) => {
        const job = await created();
        await expect(
          job.waitUntilComplete({ ...signalOption(name, AbortSignal.abort()) }),
        ).rejects.toThrow(AbortError);
        await expect(job.waitUntilComplete({ minDelay: 0 })).rejects.toThrow(
          /minDelay must be a positive number of seconds, got 0/,
        );
        await expect(job.waitUntilComplete({ minDelay: 5, maxDelay: 1 })).rejects.toThrow(
          ParamValidationError,
        );
        expect(counter.total).toBe(0);
      },
    );
  });
});

describe('account.jobs', () => {
  it('lists the jobs of an account through ListJobs, filtered by status, paged', async () => {
    const account = s3control.Account(ACCOUNT);
    for (let i = 0; i < 5; i += 1) {
      await account.createJob({
        Operation: { S3DeleteObjectTagging: {} },
        Report: { Enabled: false },
        Priority: 10,
        RoleArn: ROLE,
        ManifestGenerator: {
          S3JobManifestGenerator: { SourceBucket: 'arn:aws:s3:::b', EnableManifestOutput: false },
        },
      });
    }
    fake.jobs.get('job-0002')!.statuses = ['Active'];
    fake.jobs.get('job-0004')!.statuses = ['Active'];
    counter.reset();
    fake.requests.length = 0;
    fake.pageSize = 2;

    const all = await account.jobs.all().toArray();
    expect(all.map((j) => j.id)).toEqual([
      'job-0001',
      'job-0002',
      'job-0003',
      'job-0004',
      'job-0005',
    ]);
    expect(all.every((j) => j instanceof BatchJob && j.accountId === ACCOUNT)).toBe(true);
    expect(counter.byOperation).toEqual({ ListJobs: 3 });

    counter.reset();
    const active = await account.jobs.filter({ JobStatuses: ['Active'] }).toArray();
    expect(active.map((j) => j.id)).toEqual(['job-0002', 'job-0004']);
    expect(counter.byOperation).toEqual({ ListJobs: 1 });

    counter.reset();
    fake.requests.length = 0;
    const first3 = await account.jobs.limit(3).toArray();
    expect(first3).toHaveLength(3);
    expect(fake.requests.map((r) => r.query.maxResults)).toEqual(['3', '1']);
    expect(fake.requests.every((r) => r.accountId === ACCOUNT)).toBe(true);
  });
});
