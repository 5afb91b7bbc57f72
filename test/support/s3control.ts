/**
 * An in-process S3 Control endpoint for the S3 Batch Operations tests.
 *
 * moto 5.2.1 does not implement S3 Batch Operations (CreateJob, DescribeJob, ListJobs,
 * UpdateJobStatus, UpdateJobPriority), so these tests give the v3 client a request handler
 * that records each HTTP request and answers it with the XML bodies the S3 Control API
 * reference documents for these operations. Everything the library sends still goes through
 * the real v3 client: serialisation, signing, middleware and parsing.
 */
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import type { HttpRequest } from '@smithy/types';

const NS = 'http://awss3control.amazonaws.com/doc/2018-08-20/';

/** A v3 request handler, as the clients' `requestHandler` option takes it. */
export interface HttpHandlerLike {
  readonly metadata: { readonly handlerProtocol: string };
  handle(request: HttpRequest): Promise<{ response: object }>;
  destroy(): void;
}

/** One HTTP request the client sent. */
export interface SentRequest {
  readonly method: string;
  /** The host it was sent to (`123456789012.s3-control.us-east-1.amazonaws.com`). */
  readonly hostname: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | string[] | null>>;
  readonly accountId: string | undefined;
  readonly body: string;
}

/** A job as the fake service keeps it: the DescribeJob `<Job>` members, as XML text. */
export interface FakeJob {
  id: string;
  /** Statuses DescribeJob answers in turn; the last one stays. */
  statuses: string[];
  priority: number;
  description?: string;
  failure?: { code: string; reason: string };
}

export interface FakeS3Control {
  readonly client: S3ControlClient;
  /**
   * The in-process handler that answers as S3 Control: give it to an S3 client too, and an
   * S3 Control client made from that client's configuration sends here.
   */
  readonly requestHandler: HttpHandlerLike;
  readonly requests: SentRequest[];
  readonly jobs: Map<string, FakeJob>;
  /** Jobs per ListJobs page (default 1000). */
  pageSize: number;
}

const xml = (root: string, inner: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${NS}">${inner}</${root}>`;

function describeXml(job: FakeJob, status: string): string {
  const failure = job.failure
    ? `<FailureReasons><member><FailureCode>${job.failure.code}</FailureCode><FailureReason>${job.failure.reason}</FailureReason></member></FailureReasons>`
    : '';
  return xml(
    'DescribeJobResult',
    `<Job><JobId>${job.id}</JobId><ConfirmationRequired>false</ConfirmationRequired>` +
      (job.description ? `<Description>${job.description}</Description>` : '') +
      `<JobArn>arn:aws:s3:us-east-1:123456789012:job/${job.id}</JobArn><Status>${status}</Status>` +
      '<Operation><LambdaInvoke><FunctionArn>arn:aws:lambda:us-east-1:123456789012:function:resize</FunctionArn></LambdaInvoke></Operation>' +
      `<Priority>${job.priority}</Priority>` +
      '<ProgressSummary><TotalNumberOfTasks>3</TotalNumberOfTasks><NumberOfTasksSucceeded>2</NumberOfTasksSucceeded><NumberOfTasksFailed>1</NumberOfTasksFailed></ProgressSummary>' +
      failure +
      '<Report><Bucket>arn:aws:s3:::reports</Bucket><Format>Report_CSV_20180820</Format><Enabled>true</Enabled><Prefix>batch/</Prefix><ReportScope>AllTasks</ReportScope></Report>' +
      '<CreationTime>2026-12-03T10:00:00Z</CreationTime>' +
      '<RoleArn>arn:aws:iam::123456789012:role/batch</RoleArn></Job>',
  );
}

function listXml(jobs: FakeJob[], nextToken: string | undefined): string {
  const members = jobs
    .map(
      (j) =>
        `<member><JobId>${j.id}</JobId><Operation>LambdaInvoke</Operation><Priority>${j.priority}</Priority><Status>${j.statuses[0]}</Status><CreationTime>2026-12-03T10:00:00Z</CreationTime></member>`,
    )
    .join('');
  return xml(
    'ListJobsResult',
    (nextToken ? `<NextToken>${nextToken}</NextToken>` : '') + `<Jobs>${members}</Jobs>`,
  );
}

/** An S3ControlClient answered in-process, and what it was sent. */
export function fakeS3Control(
  options: { readonly region?: string; readonly statuses?: readonly string[] } = {},
): FakeS3Control {
  const { region = 'us-east-1', statuses = ['New'] } = options;
  const requests: SentRequest[] = [];
  const jobs = new Map<string, FakeJob>();
  const state = { requests, jobs, pageSize: 1000 } as Omit<
    FakeS3Control,
    'client' | 'requestHandler'
  > & {
    pageSize: number;
  };
  let created = 0;
  const answer = (status: number, body: string) => ({
    response: {
      statusCode: status,
      reason: status === 200 ? 'OK' : 'Error',
      headers: { 'content-type': 'application/xml', 'x-amz-request-id': `req-${requests.length}` },
      body: new TextEncoder().encode(body),
    },
  });
  const requestHandler = {
    metadata: { handlerProtocol: 'h1' },
    destroy(): void {},
    handle(request: HttpRequest): Promise<ReturnType<typeof answer>> {
      const body =
        request.body === undefined
          ? ''
          : typeof request.body === 'string'
            ? request.body
            : new TextDecoder().decode(request.body as Uint8Array);
      const sent: SentRequest = {
        method: request.method,
        hostname: request.hostname,
        path: request.path,
        query: { ...(request.query ?? {}) },
        accountId: request.headers['x-amz-account-id'],
        body,
      };
      requests.push(sent);
      const path = request.path.replace(/^\/v20180820/, '');
      const notFound = () =>
        answer(
          404,
          `<ErrorResponse><Error><Code>NotFoundException</Code><Message>Job not found</Message></Error><RequestId>r</RequestId></ErrorResponse>`,
        );
      if (request.method === 'POST' && path === '/jobs') {
        created += 1;
        const id = `job-${String(created).padStart(4, '0')}`;
        jobs.set(id, { id, statuses: [...statuses], priority: 10 });
        return Promise.resolve(answer(200, xml('CreateJobResult', `<JobId>${id}</JobId>`)));
      }
      if (request.method === 'GET' && path === '/jobs') {
        const all = [...jobs.values()];
        const statuses = sent.query.jobStatuses;
        const wanted = statuses === undefined || statuses === null ? undefined : [statuses].flat();
        const matching = wanted ? all.filter((j) => wanted.includes(j.statuses[0] ?? '')) : all;
        const start = Number(sent.query.nextToken ?? 0);
        const size = Math.min(Number(sent.query.maxResults ?? 1000), state.pageSize);
        const page = matching.slice(start, start + size);
        const next = start + size < matching.length ? String(start + size) : undefined;
        return Promise.resolve(answer(200, listXml(page, next)));
      }
      const match = /^\/jobs\/([^/]+)(\/status|\/priority)?$/.exec(path);
      const job = match ? jobs.get(decodeURIComponent(match[1] ?? '')) : undefined;
      if (!match || !job) return Promise.resolve(notFound());
      if (request.method === 'GET' && !match[2]) {
        const status = job.statuses.length > 1 ? job.statuses.shift() : job.statuses[0];
        return Promise.resolve(answer(200, describeXml(job, status ?? 'New')));
      }
      if (match[2] === '/status') {
        const requested = String(sent.query.requestedJobStatus);
        job.statuses = [requested === 'Ready' ? 'Ready' : 'Cancelling'];
        return Promise.resolve(
          answer(
            200,
            xml(
              'UpdateJobStatusResult',
              `<JobId>${job.id}</JobId><Status>${job.statuses[0]}</Status>`,
            ),
          ),
        );
      }
      job.priority = Number(sent.query.priority);
      return Promise.resolve(
        answer(
          200,
          xml(
            'UpdateJobPriorityResult',
            `<JobId>${job.id}</JobId><Priority>${job.priority}</Priority>`,
          ),
        ),
      );
    },
  };
  const client = new S3ControlClient({
    region,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    requestHandler,
    maxAttempts: 1,
  });
  return Object.assign(state, { client, requestHandler }) as FakeS3Control;
}
