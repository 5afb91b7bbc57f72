/**
 * Each service entry point re-exports its client's exception classes: every class the client
 * exports that extends its `*ServiceException`, as the same objects (so `instanceof` holds
 * for what the client throws), at no cost to a bundle that does not import them.
 */
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import * as cloudformationClient from '@aws-sdk/client-cloudformation';
import * as dynamodbClient from '@aws-sdk/client-dynamodb';
import * as ec2Client from '@aws-sdk/client-ec2';
import * as iamClient from '@aws-sdk/client-iam';
import * as glacierClient from '@aws-sdk/client-glacier';
import * as lambdaClient from '@aws-sdk/client-lambda';
import * as s3Client from '@aws-sdk/client-s3';
import * as s3controlClient from '@aws-sdk/client-s3-control';
import * as snsClient from '@aws-sdk/client-sns';
import * as cloudwatchClient from '@aws-sdk/client-cloudwatch';
import * as sqsClient from '@aws-sdk/client-sqs';
import { build, type Plugin } from 'esbuild';
import * as cloudformationEntry from '../../src/resources/cloudformation/index.js';
import * as dynamodbEntry from '../../src/resources/dynamodb/index.js';
import * as ec2Entry from '../../src/resources/ec2/index.js';
import * as iamEntry from '../../src/resources/iam/index.js';
import * as glacierEntry from '../../src/resources/glacier/index.js';
import * as lambdaEntry from '../../src/resources/lambda/index.js';
import * as s3Entry from '../../src/resources/s3/index.js';
import * as s3controlEntry from '../../src/resources/s3control/index.js';
import * as snsEntry from '../../src/resources/sns/index.js';
import * as cloudwatchEntry from '../../src/resources/cloudwatch/index.js';
import * as sqsEntry from '../../src/resources/sqs/index.js';
import { NoSuchKey, S3ServiceException } from '../../src/resources/s3/index.js';

const root = resolve(__dirname, '..', '..');

const services = [
  ['s3', '@aws-sdk/client-s3', 'S3ServiceException', 'S3', s3Entry, s3Client],
  [
    's3control',
    '@aws-sdk/client-s3-control',
    'S3ControlServiceException',
    'S3Control',
    s3controlEntry,
    s3controlClient,
  ],
  ['ec2', '@aws-sdk/client-ec2', 'EC2ServiceException', 'EC2', ec2Entry, ec2Client],
  [
    'lambda',
    '@aws-sdk/client-lambda',
    'LambdaServiceException',
    'Lambda',
    lambdaEntry,
    lambdaClient,
  ],
  [
    'dynamodb',
    '@aws-sdk/client-dynamodb',
    'DynamoDBServiceException',
    'DynamoDB',
    dynamodbEntry,
    dynamodbClient,
  ],
  ['sqs', '@aws-sdk/client-sqs', 'SQSServiceException', 'SQS', sqsEntry, sqsClient],
  [
    'cloudformation',
    '@aws-sdk/client-cloudformation',
    'CloudFormationServiceException',
    'CloudFormation',
    cloudformationEntry,
    cloudformationClient,
  ],
  ['iam', '@aws-sdk/client-iam', 'IAMServiceException', 'IAM', iamEntry, iamClient],
  ['sns', '@aws-sdk/client-sns', 'SNSServiceException', 'SNS', snsEntry, snsClient],
  [
    'cloudwatch',
    '@aws-sdk/client-cloudwatch',
    'CloudWatchServiceException',
    'CloudWatch',
    cloudwatchEntry,
    cloudwatchClient,
  ],
  [
    'glacier',
    '@aws-sdk/client-glacier',
    'GlacierServiceException',
    'Glacier',
    glacierEntry,
    glacierClient,
  ],
] as const;

/** The client's exception classes, found at run time: the base and what extends it. */
function exceptionsOf(client: Record<string, unknown>, base: string): string[] {
  const Base = client[base] as abstract new (...args: never[]) => object;
  return Object.entries(client)
    .filter(
      ([name, value]) =>
        name === base || (typeof value === 'function' && value.prototype instanceof Base),
    )
    .map(([name]) => name)
    .sort();
}

describe.each(services)(
  'aws-resources/%s',
  (_service, _packageName, base, _className, entryModule, clientModule) => {
    const entry = entryModule as unknown as Record<string, unknown>;
    const client = clientModule as unknown as Record<string, unknown>;
    const expected = exceptionsOf(client, base);

    it('exports every exception class of the client, as the same class objects', () => {
      expect(expected).toContain(base);
      expect(expected.filter((name) => entry[name] !== client[name])).toEqual([]);
    });

    it('exports no exception class the client does not have', () => {
      const Base = client[base] as abstract new (...args: never[]) => object;
      const exported = Object.entries(entry)
        .filter(
          ([, value]) =>
            value === Base || (value as { prototype?: unknown })?.prototype instanceof Base,
        )
        .map(([name]) => name)
        .sort();
      expect(exported).toEqual(expected);
    });
  },
);

describe('the exception classes', () => {
  it('catch what the client throws with instanceof', () => {
    const thrown = new s3Client.NoSuchKey({ message: 'missing', $metadata: {} });
    expect(thrown).toBeInstanceOf(NoSuchKey);
    expect(thrown).toBeInstanceOf(S3ServiceException);
  });

  /** Drops the generated re-export of the client's exceptions, to bundle the entry without it. */
  const withoutExceptions = (packageName: string): Plugin => ({
    name: 'without-exceptions',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /generated[\\/]index\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const reexport = new RegExp(`export \\{[^}]*\\} from '${packageName}';\\n`);
        if (!reexport.test(text))
          throw new Error(`${args.path} has no re-export of ${packageName}`);
        return { contents: text.replace(reexport, ''), loader: 'ts' };
      });
    },
  });

  async function bundledBytes(contents: string, plugins: Plugin[] = []): Promise<number> {
    const result = await build({
      stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'app.ts' },
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      mainFields: ['module', 'main'],
      write: false,
      logLevel: 'silent',
      plugins,
    });
    return result.outputFiles[0]?.contents.length ?? 0;
  }

  it.each(services)(
    'add nothing to a bundle that imports only the %s service class',
    async (service, packageName, _base, className) => {
      const app = `import { ${className} } from './src/resources/${service}/index.ts';\nconsole.log(new ${className}({ region: 'us-east-1' }));\n`;
      const [withThem, without] = await Promise.all([
        bundledBytes(app),
        bundledBytes(app, [withoutExceptions(packageName)]),
      ]);
      expect(without).toBeGreaterThan(10_000);
      expect(withThem).toBe(without);
    },
  );
});
