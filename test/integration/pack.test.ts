/**
 * The package as npm ships it: `npm pack` of the built repo, installed into a fresh project,
 * used by an ES module, a CommonJS module and a strict TypeScript program, and bundled for
 * an S3-only app. Nothing here sends a request (the consumers only build resources).
 *
 * The install takes the tarball's dependencies (the @aws-sdk packages) from npm's cache
 * (`--prefer-offline`): they are the repo's own dependencies, so `npm ci` put them there.
 *
 * `npm pack` runs the `prepack` script (`npm run build`). The repo is already built here, so
 * the main pack skips scripts (`--ignore-scripts`) rather than build a second time; one test
 * instead packs a copy of the repo without dist/ (`--dry-run`: the build runs, the file list
 * is printed, no tarball is written) and finds dist/ in it.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import {
  consumerEnv as env,
  npm,
  packedProject,
  strictTsconfig,
  tsc,
} from '../support/packed-project.js';
import { root } from '../support/scripts.js';

let dir: string;
let files: readonly string[];
const timings: Record<string, number> = {};

function timed<T>(label: string, work: () => T): T {
  const started = Date.now();
  try {
    return work();
  } finally {
    timings[label] = Date.now() - started;
  }
}

function node(file: string): unknown {
  const out = execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8', env });
  return JSON.parse(out) as unknown;
}

/** What every consumer prints: each entry point's resource as JSON, and a shared error class. */
const EXPECTED = {
  s3: { service: 's3', type: 'Bucket', identifiers: { name: 'x' } },
  ec2: { service: 'ec2', type: 'Instance', identifiers: { id: 'i-1' } },
  dynamodb: { service: 'dynamodb', type: 'Table', identifiers: { name: 't' } },
  lambda: { service: 'lambda', type: 'Function', identifiers: { name: 'f' } },
  sqs: { service: 'sqs', type: 'Queue', identifiers: { url: 'https://sqs.local/1/q' } },
  cloudformation: { service: 'cloudformation', type: 'Stack', identifiers: { name: 's' } },
  iam: { service: 'iam', type: 'Role', identifiers: { name: 'r' } },
  sns: { service: 'sns', type: 'Topic', identifiers: { arn: 'arn:aws:sns:us-east-1:1:t' } },
  cloudwatch: { service: 'cloudwatch', type: 'Alarm', identifiers: { name: 'a' } },
  glacier: { service: 'glacier', type: 'Vault', identifiers: { accountId: '-', name: 'v' } },
  s3control: {
    service: 's3control',
    type: 'BatchJob',
    identifiers: { accountId: '123456789012', id: 'job-1' },
  },
  sharedErrors: true,
};

const CONSUMER_BODY = `
const region = 'us-east-1';
console.log(JSON.stringify({
  s3: new S3({ region }).Bucket('x').toJSON(),
  ec2: new EC2({ region }).Instance('i-1').toJSON(),
  dynamodb: new DynamoDB({ region }).Table('t').toJSON(),
  lambda: new Lambda({ region }).Function('f').toJSON(),
  sqs: new SQS({ region }).Queue('https://sqs.local/1/q').toJSON(),
  cloudformation: new CloudFormation({ region }).Stack('s').toJSON(),
  iam: new IAM({ region }).Role('r').toJSON(),
  sns: new SNS({ region }).Topic('arn:aws:sns:us-east-1:1:t').toJSON(),
  cloudwatch: new CloudWatch({ region }).Alarm('a').toJSON(),
  glacier: new Glacier({ region }).Vault('-', 'v').toJSON(),
  s3control: new S3Control({ region }).BatchJob('123456789012', 'job-1').toJSON(),
  sharedErrors: BatchWriteError.prototype instanceof BatchActionError,
}));
`;

beforeAll(() => {
  const project = packedProject('aws-resources-pack-');
  ({ dir, files } = project);
  timings['npm pack'] = project.timings.pack;
  timings['npm install'] = project.timings.install;
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log(`pack.test timings (ms): ${JSON.stringify(timings)}`);
});

describe('the packed package', () => {
  it('ships the build, the definitions and the license, not the sources', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'CHANGELOG.md',
        'dist/esm/index.js',
        'dist/cjs/resources/s3/index.js',
        'dist/cjs/resources/s3/index.d.ts',
        'resource-definitions/s3.json',
      ]),
    );
    expect(files.filter((f) => /^(src|test|scripts|docs|bench)\//.test(f))).toEqual([]);
    const pkg = JSON.parse(
      readFileSync(join(dir, 'node_modules/aws-resources/package.json'), 'utf8'),
    );
    expect(pkg.sideEffects).toBe(false);
    expect(timings['npm install']).toBeLessThan(60_000);
  });

  it('works from an ES module', () => {
    writeFileSync(
      join(dir, 'consumer.mjs'),
      `import { S3 } from 'aws-resources/s3';
import { EC2 } from 'aws-resources/ec2';
import { DynamoDB, BatchWriteError } from 'aws-resources/dynamodb';
import { Lambda } from 'aws-resources/lambda';
import { SQS } from 'aws-resources/sqs';
import { CloudFormation } from 'aws-resources/cloudformation';
import { IAM } from 'aws-resources/iam';
import { SNS } from 'aws-resources/sns';
import { CloudWatch } from 'aws-resources/cloudwatch';
import { Glacier } from 'aws-resources/glacier';
import { S3Control } from 'aws-resources/s3control';
import { BatchActionError } from 'aws-resources';
${CONSUMER_BODY}`,
    );
    expect(node('consumer.mjs')).toEqual(EXPECTED);
  });

  it('works from a CommonJS module', () => {
    writeFileSync(
      join(dir, 'consumer.cjs'),
      `const { S3 } = require('aws-resources/s3');
const { EC2 } = require('aws-resources/ec2');
const { DynamoDB, BatchWriteError } = require('aws-resources/dynamodb');
const { Lambda } = require('aws-resources/lambda');
const { SQS } = require('aws-resources/sqs');
const { CloudFormation } = require('aws-resources/cloudformation');
const { IAM } = require('aws-resources/iam');
const { SNS } = require('aws-resources/sns');
const { CloudWatch } = require('aws-resources/cloudwatch');
const { Glacier } = require('aws-resources/glacier');
const { S3Control } = require('aws-resources/s3control');
const { BatchActionError } = require('aws-resources');
${CONSUMER_BODY}`,
    );
    expect(node('consumer.cjs')).toEqual(EXPECTED);
  });

  it('type-checks in a strict TypeScript project (NodeNext, both module kinds)', () => {
    // Wrong uses that must not compile: were the types `any`, the @ts-expect-error lines
    // would be unused, which is an error too.
    const program = (imports: string) => `${imports}
const bucket: Bucket = new S3({ region: 'us-east-1' }).Bucket('x');
const key: string = bucket.Object('k').key;
const table = new DynamoDB({ region: 'us-east-1' }).Table('t');
const condition = Key('id').eq('u1');
// @ts-expect-error identifiers are strings
const wrong: number = bucket.name;
// @ts-expect-error the bucket fills Bucket itself
void bucket.putObject({ Bucket: 'other', Key: 'k' });
// @ts-expect-error a policy document is an object or its JSON text
void new IAM({}).createPolicy({ PolicyName: 'p', PolicyDocument: 42 });
const metric = new CloudWatch({}).Metric('Shop', 'Latency');
// @ts-expect-error the metric fills Namespace
void metric.putData({ Namespace: 'Other', MetricData: [{ Value: 1 }] });
// @ts-expect-error the topic fills TopicArn
void new SNS({}).Topic('arn:aws:sns:us-east-1:1:t').publish({ Message: { a: 1 }, TopicArn: 'x' });
const s3control = new S3Control({});
void bucket.objects.filter({ Prefix: 'a/' }).toBatchJob({ s3control, accountId: '123456789012', roleArn: 'arn:aws:iam::123456789012:role/r', operation: { copyTo: bucket }, report: false });
// @ts-expect-error S3 Batch Operations has no delete operation
void bucket.objects.all().toBatchJob({ s3control, accountId: '123456789012', roleArn: 'r', operation: { delete: true }, report: false });
export const used = [key, table.name, condition, wrong, new EC2({}).Instance('i').id, new Lambda({}).Function('f').name, new CloudFormation({}).Stack('s').name, new IAM({}).Role('r').name, new SQS({}).Queue('u').url, new Glacier({}).Vault('-', 'v').name];
`;
    writeFileSync(
      join(dir, 'consumer.ts'),
      program(`import { S3, type Bucket } from 'aws-resources/s3';
import { EC2 } from 'aws-resources/ec2';
import { DynamoDB, Key } from 'aws-resources/dynamodb';
import { Lambda } from 'aws-resources/lambda';
import { CloudFormation } from 'aws-resources/cloudformation';
import { IAM } from 'aws-resources/iam';
import { SNS } from 'aws-resources/sns';
import { CloudWatch } from 'aws-resources/cloudwatch';
import { SQS } from 'aws-resources/sqs';
import { Glacier } from 'aws-resources/glacier';
import { S3Control } from 'aws-resources/s3control';`),
    );
    writeFileSync(
      join(dir, 'consumer.mts'),
      program(`import { S3, type Bucket } from 'aws-resources/s3';
import { EC2 } from 'aws-resources/ec2';
import { DynamoDB, Key } from 'aws-resources/dynamodb';
import { Lambda } from 'aws-resources/lambda';
import { SQS } from 'aws-resources/sqs';
import { CloudFormation } from 'aws-resources/cloudformation';
import { IAM } from 'aws-resources/iam';
import { SNS } from 'aws-resources/sns';
import { CloudWatch } from 'aws-resources/cloudwatch';
import { Glacier } from 'aws-resources/glacier';
import { S3Control } from 'aws-resources/s3control';
import { AwsResourcesError } from 'aws-resources';
export const base: typeof AwsResourcesError = AwsResourcesError;`),
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      strictTsconfig({ noEmit: true }, ['consumer.ts', 'consumer.mts']),
    );
    const result = timed('tsc', () => tsc(dir));
    expect(result).toBe('');
  }, 60_000);

  it('bundles an S3-only app without the code of any other service', async () => {
    writeFileSync(
      join(dir, 's3-app.mjs'),
      `import { S3 } from 'aws-resources/s3';
console.log(JSON.stringify(new S3({ region: 'us-east-1' }).Bucket('x').toJSON()));
`,
    );
    const started = Date.now();
    await build({
      absWorkingDir: dir,
      entryPoints: ['s3-app.mjs'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      mainFields: ['module', 'main'],
      outfile: 'bundle.mjs',
      // The SDK's CommonJS parts call require(); give the ES module bundle one.
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
      logLevel: 'silent',
    });
    timings.esbuild = Date.now() - started;
    const bundle = readFileSync(join(dir, 'bundle.mjs'), 'utf8');
    expect(bundle).toContain('ListObjectsV2Command'); // S3 is there
    for (const other of [
      'DescribeInstancesCommand',
      'RunInstancesCommand',
      'PutItemCommand',
      'DynamoDBClient',
      'InvokeCommand',
      'LambdaClient',
      'CloudFormationClient',
      'IAMClient',
      'SQSClient',
      'CreateRoleCommand',
      'SNSClient',
      'CloudWatchClient',
      'PutMetricDataCommand',
      'GlacierClient',
      'UploadArchiveCommand',
      'S3ControlClient',
      'CreateJobCommand',
    ]) {
      expect({ other, found: bundle.includes(other) }).toEqual({ other, found: false });
    }
    expect(node('bundle.mjs')).toEqual(EXPECTED.s3);
  }, 60_000);
});

describe('npm pack of a clone without dist/', () => {
  it('builds first (prepack), so the tarball holds dist/', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.prepack).toBe('npm run build');
    const clone = mkdtempSync(join(tmpdir(), 'aws-resources-clone-'));
    try {
      // The repo's files as a clone has them (tracked and new, not ignored: no dist/), with
      // the repo's node_modules in place of an `npm ci`.
      const listed = execFileSync(
        'git',
        ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
        { cwd: root, encoding: 'utf8' },
      );
      for (const file of listed.split('\0').filter(Boolean)) {
        if (existsSync(join(root, file))) cpSync(join(root, file), join(clone, file));
      }
      symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
      expect(existsSync(join(clone, 'dist'))).toBe(false);
      const out = timed('npm pack of a clone', () =>
        execFileSync(npm, ['pack', '--dry-run', '--json'], { cwd: clone, encoding: 'utf8', env }),
      );
      // The build's own output comes first; the JSON list of the package is last.
      const json = out.slice(out.search(/^\[\s*\{/m));
      const [info] = JSON.parse(json) as Array<{ files: Array<{ path: string }> }>;
      const packed = (info?.files ?? []).map((f) => f.path);
      expect(packed).toEqual(
        expect.arrayContaining([
          'dist/esm/index.js',
          'dist/cjs/index.js',
          'dist/cjs/index.d.ts',
          'dist/esm/resources/lambda/index.js',
          'dist/esm/resources/sns/index.js',
          'dist/cjs/resources/cloudwatch/index.js',
          'dist/esm/resources/sqs/index.js',
          'dist/esm/resources/s3control/index.js',
        ]),
      );
      expect(packed.filter((f) => /^(src|test|scripts)\//.test(f))).toEqual([]);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  }, 240_000);
});
