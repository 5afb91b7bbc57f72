/**
 * Runs the examples of the user docs against moto, so what the docs show is what works.
 *
 * An example is a ```ts block in docs/s3.md or docs/concepts.md whose first line is
 * `// example: <name>`. Examples never import: each is the body of an async function whose
 * parameters are the names of SCOPE below —
 *   s3        new S3({ client: s3Client() }) on the emulator
 *   bucket    a fresh bucket per example, holding SEED_OBJECTS
 *   tmp       a fresh temporary directory per example
 *   endpoint  the emulator's URL, for examples that build their own client
 *   console   records instead of printing (shown when the example fails)
 *   assert    node:assert/strict
 *   dynamodb  (docs/dynamodb.md) new DynamoDB({ client: dynamodbClient() }) on the emulator
 *   table     (docs/dynamodb.md) a fresh, empty table keyed by id (S, hash) + at (N, range)
 *   lambda, role, zip, functionName  (docs/lambda.md) a Lambda on the emulator, an IAM role
 *             ARN, a tiny deployment package, a fresh function name
 *   sqs, queueName  (docs/sqs.md) an SQS on the emulator, a fresh queue name (its queues,
 *             and any named after it, are deleted afterwards)
 *   cloudformation, stackName  (docs/cloudformation.md) a CloudFormation on the emulator (in
 *             its own moto account), a fresh stack name
 *   iam       (docs/iam.md) new IAM({ client: iamClient() }) on the emulator, in the file's
 *             own moto account (names need only be unique within this run)
 *   sns       (docs/sns.md) new SNS({ client: snsClient() }) on the emulator
 *   cloudwatch  (docs/cloudwatch.md) new CloudWatch({ client: cloudwatchClient() }) on the emulator
 *   glacier, vaultName  (docs/glacier.md) a Glacier on the emulator, a fresh vault name
 *   s3control, accountId  (docs/s3control.md) an S3Control answered in-process (moto has no S3
 *             Batch Operations; test/support/s3control.ts), where jobs complete at once, and
 *             its account id
 *   (docs/getting-started.md, docs/boto3.md, docs/testing.md get each of these service names
 *   when the example mentions it; IAMClient and CreateRoleCommand are in every scope)
 *   and every value export of the library (`aws-resources`, `aws-resources/s3`), `S3Client`,
 *   and a few Node helpers (join, readFile, writeFile, createReadStream, createWriteStream,
 *   Readable, pipeline).
 * Each example is type-checked against exactly these names (strict, like the repo), then
 * compiled with esbuild and run. A block may shadow a scope name (`const s3 = new S3(...)`).
 */
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import assert from 'node:assert/strict';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { transform } from 'esbuild';
import ts from 'typescript';
import * as core from '../../src/index.js';
import * as s3Exports from '../../src/resources/s3/index.js';
import { S3, type Bucket } from '../../src/resources/s3/index.js';
import { clientConfig, s3Client, testEndpoint, uniqueName } from '../support/emulator.js';
import { EC2Client } from '@aws-sdk/client-ec2';
import * as ec2Exports from '../../src/resources/ec2/index.js';
import { ec2ExampleScope } from '../support/ec2.js';
import * as lambdaExports from '../../src/resources/lambda/index.js';
import { Lambda } from '../../src/resources/lambda/index.js';
import { ensureRole, functionName, lambdaClient, tinyZip } from '../support/lambda.js';
import { DeleteTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import * as dynamodbExports from '../../src/resources/dynamodb/index.js';
import { DynamoDB } from '../../src/resources/dynamodb/index.js';
import { dynamodbClient } from '../support/dynamodb.js';
import * as sqsExports from '../../src/resources/sqs/index.js';
import { SQS } from '../../src/resources/sqs/index.js';
import { queueName, sqsClient } from '../support/sqs.js';
import * as cloudformationExports from '../../src/resources/cloudformation/index.js';
import { CloudFormation } from '../../src/resources/cloudformation/index.js';
import { cloudformationClient, stackName as freshStackName } from '../support/cloudformation.js';
import * as iamExports from '../../src/resources/iam/index.js';
import { IAM } from '../../src/resources/iam/index.js';
import { iamClient } from '../support/iam.js';
import * as snsExports from '../../src/resources/sns/index.js';
import { SNS } from '../../src/resources/sns/index.js';
import * as cloudwatchExports from '../../src/resources/cloudwatch/index.js';
import { CloudWatch } from '../../src/resources/cloudwatch/index.js';
import { cloudwatchClient, snsClient } from '../support/sns-cloudwatch.js';
import { GlacierClient } from '@aws-sdk/client-glacier';
import * as glacierExports from '../../src/resources/glacier/index.js';
import { Glacier } from '../../src/resources/glacier/index.js';
import * as s3controlExports from '../../src/resources/s3control/index.js';
import { S3Control } from '../../src/resources/s3control/index.js';
import { fakeS3Control } from '../support/s3control.js';

const root = resolve(__dirname, '..', '..');

/**
 * Guides that span services: an example there gets a service's scope names (a table, a VPC,
 * a role, ...) when its code mentions one of them, so the others are not made for nothing.
 */
const CROSS_SERVICE_DOCS = ['docs/getting-started.md', 'docs/boto3.md', 'docs/testing.md'];

/** Whether `example` gets the scope that `doc`'s examples always get. */
function wants(example: Example, doc: string, names: string[]): boolean {
  if (example.doc === doc) return true;
  if (!CROSS_SERVICE_DOCS.includes(example.doc)) return false;
  return names.some((name) => new RegExp(`\\b${name}\\b`).test(example.code));
}

const DOCS = [
  'docs/concepts.md',
  'docs/s3.md',
  'docs/lambda.md',
  'docs/dynamodb.md',
  'docs/ec2.md',
  'docs/sqs.md',
  'docs/cloudformation.md',
  'docs/iam.md',
  'docs/glacier.md',
  'docs/sessions.md',
  'docs/sns.md',
  'docs/cloudwatch.md',
  'docs/s3control.md',
  ...CROSS_SERVICE_DOCS,
];

/** What every example's `bucket` holds (docs/s3.md lists it too). */
const SEED_OBJECTS: Record<string, string> = {
  'hello.txt': 'Hello, world!',
  'logs/2026-01-01.log': 'GET /\nGET /about\n',
  'logs/2026-01-02.log': 'GET /\n',
  'logs/2026-01-03.log': 'GET /pricing\nPOST /signup\n',
  'data/report.csv': 'id,name\n1,Ada\n2,Grace\n',
};

/** Names imported from modules: module specifier (as the type check sees it) -> values. */
const MODULE_SCOPE: Record<string, Record<string, unknown>> = {
  '../../src/index.js': { ...core },
  '../../src/resources/s3/index.js': { ...s3Exports },
  '../../src/resources/ec2/index.js': { ...ec2Exports },
  '@aws-sdk/client-ec2': { EC2Client },
  '../../src/resources/lambda/index.js': { ...lambdaExports },
  '../../src/resources/dynamodb/index.js': { ...dynamodbExports },
  '../../src/resources/sqs/index.js': { ...sqsExports },
  '../../src/resources/cloudformation/index.js': { ...cloudformationExports },
  '../../src/resources/iam/index.js': { ...iamExports },
  '../../src/resources/sns/index.js': { ...snsExports },
  '../../src/resources/cloudwatch/index.js': { ...cloudwatchExports },
  '../../src/resources/glacier/index.js': { ...glacierExports },
  '../../src/resources/s3control/index.js': { ...s3controlExports },
  // The exception classes come from the library's entry points, which re-export them.
  '@aws-sdk/client-dynamodb': { DynamoDBClient, GetItemCommand },
  '@aws-sdk/client-s3': { S3Client, ListBucketsCommand },
  '@aws-sdk/client-iam': { IAMClient, CreateRoleCommand },
  'node:path': { join },
  'node:fs/promises': { readFile, writeFile },
  'node:fs': { createReadStream, createWriteStream },
  'node:stream': { Readable },
  'node:stream/promises': { pipeline },
};

/** Names made per example, with their types for the type check. */
/**
 * Type names the guides' examples annotate with (module specifier -> names): types are not
 * values, so the module scope above cannot list them.
 */
const TYPE_SCOPE: Record<string, readonly string[]> = {
  '../../src/resources/iam/index.js': ['PolicyDocument', 'PolicyDocumentInput'],
};

const LOCAL_SCOPE = {
  s3: 'S3',
  bucket: 'Bucket',
  tmp: 'string',
  endpoint: 'string',
  console: "Pick<Console, 'log' | 'error'>",
  // docs/lambda.md: a Lambda on the emulator, an existing role, a tiny zip, a fresh name.
  lambda: 'Lambda',
  role: 'string',
  zip: 'Uint8Array',
  functionName: 'string',
  // docs/dynamodb.md: a DynamoDB on the emulator and a fresh table keyed by id (S) + at (N).
  dynamodb: 'DynamoDB',
  table: 'Table',
  // docs/ec2.md: an EC2 on the emulator, a fresh VPC and subnet, an AMI id (test/support/ec2.ts).
  ec2: 'EC2',
  vpc: 'Vpc',
  subnet: 'Subnet',
  ami: 'string',
  // docs/sqs.md: an SQS on the emulator and a fresh queue name.
  sqs: 'SQS',
  queueName: 'string',
  // docs/cloudformation.md: a CloudFormation on the emulator and a fresh stack name.
  cloudformation: 'CloudFormation',
  stackName: 'string',
  // docs/iam.md: an IAM on the emulator, in this file's own moto account.
  iam: 'IAM',
  // docs/sns.md and docs/cloudwatch.md: the services on the emulator.
  sns: 'SNS',
  cloudwatch: 'CloudWatch',
  // docs/glacier.md: a Glacier on the emulator and a fresh vault name.
  glacier: 'Glacier',
  vaultName: 'string',
  // docs/s3control.md: an S3Control answered in-process, and its account id.
  s3control: 'S3Control',
  accountId: 'string',
} as const;

interface Example {
  name: string;
  doc: string;
  /** 1-based line of the block's first code line in the doc. */
  line: number;
  code: string;
}

function extractExamples(doc: string): Example[] {
  const lines = readFileSync(join(root, doc), 'utf8').split('\n');
  const examples: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ts\s*$/.test(lines[i] ?? '')) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end] ?? '')) end++;
    const match = /^\/\/ example: ([\w-]+)\s*$/.exec(lines[start] ?? '');
    if (match?.[1]) {
      examples.push({
        name: match[1],
        doc,
        line: start + 1,
        code: lines.slice(start, end).join('\n'),
      });
    }
    i = end;
  }
  return examples;
}

const examples = DOCS.flatMap(extractExamples);

/** The module-level names every example sees, deduplicated (first module wins). */
function moduleNames(): Array<[specifier: string, names: string[]]> {
  const seen = new Set<string>(Object.keys(LOCAL_SCOPE));
  return Object.entries(MODULE_SCOPE).map(([specifier, values]) => {
    const names = Object.keys(values).filter((name) => !seen.has(name));
    names.forEach((name) => seen.add(name));
    return [specifier, names];
  });
}

const scopeNames = [
  ...Object.keys(LOCAL_SCOPE),
  'assert',
  ...moduleNames().flatMap(([, names]) => names),
];

// ---------------------------------------------------------------------------------------------
// Type check: each example as a virtual file under test/integration/.

function prelude(): string {
  const imports = moduleNames()
    .filter(([, names]) => names.length > 0)
    .map(([specifier, names]) => `import { ${names.join(', ')} } from '${specifier}';`);
  const types = Object.entries(TYPE_SCOPE).map(
    ([specifier, names]) => `import type { ${names.join(', ')} } from '${specifier}';`,
  );
  const locals = Object.entries(LOCAL_SCOPE).map(
    ([name, type]) => `declare const ${name}: ${type};`,
  );
  return [
    "import assert from 'node:assert/strict';",
    ...imports,
    ...types,
    ...locals,
    'export async function example(): Promise<void> {',
    '{',
  ].join('\n');
}

function virtualPath(example: Example): string {
  return join(root, 'test', 'integration', `__docs_example_${example.name.replace(/-/g, '_')}.ts`);
}

/** Diagnostics per example name, as `doc:line message`. */
function typeCheck(): Map<string, string[]> {
  const head = prelude();
  const headLines = head.split('\n').length;
  const files = new Map(
    examples.map((example) => [virtualPath(example), `${head}\n${example.code}\n}\n}\n`]),
  );
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, {
    noEmit: true,
    // The prelude imports every scope name; an example uses a few.
    noUnusedLocals: false,
  });
  const host = ts.createCompilerHost(parsed.options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => files.get(resolve(name)) ?? readFile(name);
  host.fileExists = (name) => files.has(resolve(name)) || fileExists(name);
  const program = ts.createProgram({ rootNames: [...files.keys()], options: parsed.options, host });
  const byName = new Map<string, string[]>(examples.map((e) => [e.name, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const example = examples.find(
      (e) => virtualPath(e) === resolve(diagnostic.file?.fileName ?? ''),
    );
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (!example || !diagnostic.file || diagnostic.start === undefined) {
      byName.set('(outside examples)', [...(byName.get('(outside examples)') ?? []), message]);
      continue;
    }
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    byName.get(example.name)?.push(`${example.doc}:${example.line + line - headLines} ${message}`);
  }
  return byName;
}

// ---------------------------------------------------------------------------------------------
// Running: compile with esbuild, call with the scope values.

type ExampleFunction = (...values: unknown[]) => Promise<void>;

async function compile(example: Example): Promise<ExampleFunction> {
  // The inner block lets an example shadow a scope name (`const s3 = new S3(...)`).
  const source = `async function __example(${scopeNames.join(', ')}) {\n{\n${example.code}\n}\n}`;
  const { code } = await transform(source, {
    loader: 'ts',
    sourcefile: `${example.doc}#${example.name}`,
  });
  return new Function(`${code}\nreturn __example;`)() as ExampleFunction;
}

async function seededBucket(s3: S3): Promise<Bucket> {
  const bucket = await s3.createBucket({ Bucket: uniqueName('docs') });
  await Promise.all(
    Object.entries(SEED_OBJECTS).map(([Key, Body]) => bucket.putObject({ Key, Body })),
  );
  return bucket;
}

/** Best effort: empties and deletes `bucket` and any bucket an example named after it. */
async function cleanUp(s3: S3, bucket: Bucket): Promise<void> {
  for await (const made of s3.buckets.filter({ Prefix: bucket.name })) {
    try {
      for await (const upload of made.multipartUploads.all()) await upload.abort();
      await made.objectVersions.all().delete();
      await made.delete();
    } catch {
      // e.g. objects under an object-lock legal hold; moto forgets them at the end of the run.
    }
  }
}

/** The Lambda names of the scope, made for docs/lambda.md examples only. */
async function lambdaScope(example: Example) {
  if (!wants(example, 'docs/lambda.md', ['lambda', 'role', 'zip', 'functionName']))
    return { lambda: undefined, role: undefined, zip: undefined, functionName: undefined };
  return {
    lambda: new Lambda({ client: lambdaClient() }),
    role: await ensureRole(),
    zip: tinyZip(),
    functionName: functionName(`docs-${example.name}`),
  };
}

/** The CloudFormation names of the scope, for docs/cloudformation.md examples only. */
function cloudformationScope(example: Example) {
  if (!wants(example, 'docs/cloudformation.md', ['cloudformation', 'stackName']))
    return { cloudformation: undefined, stackName: undefined };
  return {
    cloudformation: new CloudFormation({ client: cloudformationClient() }),
    stackName: freshStackName(`docs-${example.name}`),
  };
}

/** Best effort: deletes the example's stack, if it made one. */
async function cloudformationCleanUp(cloudformation: CloudFormation | undefined, name: unknown) {
  if (!cloudformation || typeof name !== 'string') return;
  await cloudformation
    .Stack(name)
    .delete()
    .catch(() => undefined);
  cloudformation.meta.client.destroy();
}

/** The DynamoDB names of the scope, for docs/dynamodb.md examples only: a fresh table each. */
async function dynamodbScope(example: Example) {
  if (!wants(example, 'docs/dynamodb.md', ['dynamodb', 'table']))
    return { dynamodb: undefined, table: undefined };
  const dynamodb = new DynamoDB({ client: dynamodbClient() });
  const table = await dynamodb.createTable({
    TableName: uniqueName(`docs-${example.name}`),
    KeySchema: [
      { AttributeName: 'id', KeyType: 'HASH' },
      { AttributeName: 'at', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'id', AttributeType: 'S' },
      { AttributeName: 'at', AttributeType: 'N' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
  });
  return { dynamodb, table };
}

/** Best effort: deletes the example's table and any table it made named after it. */
async function dynamodbCleanUp(dynamodb: DynamoDB | undefined, tableName: string | undefined) {
  if (!dynamodb || !tableName) return;
  const client = dynamodb.meta.client;
  for await (const made of dynamodb.tables.all()) {
    if (!made.name.startsWith(tableName)) continue;
    await client.send(new DeleteTableCommand({ TableName: made.name })).catch(() => undefined);
  }
  client.destroy();
}

/** The SNS and CloudWatch of the scope, for their guides' examples only. */
function snsCloudwatchScope(example: Example) {
  return {
    sns: wants(example, 'docs/sns.md', ['sns']) ? new SNS({ client: snsClient() }) : undefined,
    cloudwatch: wants(example, 'docs/cloudwatch.md', ['cloudwatch'])
      ? new CloudWatch({ client: cloudwatchClient() })
      : undefined,
  };
}

/** The Glacier names of the scope, for docs/glacier.md examples only. */
function glacierScope(example: Example) {
  if (!wants(example, 'docs/glacier.md', ['glacier', 'vaultName']))
    return { glacier: undefined, vaultName: undefined };
  return {
    glacier: new Glacier({ client: new GlacierClient(clientConfig()) }),
    vaultName: uniqueName(`docs-${example.name}`),
  };
}

/** The S3 Control names of the scope, for docs/s3control.md examples only. */
function s3controlScope(example: Example) {
  if (!wants(example, 'docs/s3control.md', ['s3control', 'accountId']))
    return { s3control: undefined, accountId: undefined };
  return {
    s3control: new S3Control({ client: fakeS3Control({ statuses: ['Complete'] }).client }),
    accountId: '123456789012',
  };
}

/** Best effort: deletes the example's vault with its archives (moto lets a vault with archives go). */
async function glacierCleanUp(glacier: Glacier | undefined, vaultName: string | undefined) {
  if (!glacier || !vaultName) return;
  await glacier
    .Vault('-', vaultName)
    .delete()
    .catch(() => undefined);
  glacier.meta.client.destroy();
}

async function run(example: Example): Promise<void> {
  const client = s3Client();
  const s3 = new S3({ client });
  const bucket = await seededBucket(s3);
  const tmp = await mkdtemp(join(tmpdir(), `docs-${example.name}-`));
  const ec2Docs = wants(example, 'docs/ec2.md', ['ec2', 'vpc', 'subnet', 'ami'])
    ? await ec2ExampleScope()
    : undefined;
  const logged: string[] = [];
  const record = (...args: unknown[]) => {
    logged.push(args.map(String).join(' '));
  };
  const locals: Record<keyof typeof LOCAL_SCOPE, unknown> = {
    s3,
    bucket,
    tmp,
    endpoint: testEndpoint(),
    console: { log: record, error: record },
    ec2: ec2Docs?.ec2,
    vpc: ec2Docs?.vpc,
    subnet: ec2Docs?.subnet,
    ami: ec2Docs?.ami,
    ...(await lambdaScope(example)),
    ...(await dynamodbScope(example)),
    ...sqsScope(example),
    ...cloudformationScope(example),
    iam: wants(example, 'docs/iam.md', ['iam']) ? new IAM({ client: iamClient() }) : undefined,
    ...snsCloudwatchScope(example),
    ...glacierScope(example),
    ...s3controlScope(example),
  };
  const values: Record<string, unknown> = { ...locals, assert };
  for (const [specifier, names] of moduleNames()) {
    for (const name of names) values[name] = MODULE_SCOPE[specifier]?.[name];
  }
  try {
    const fn = await compile(example);
    await fn(...scopeNames.map((name) => values[name]));
  } catch (error) {
    const where = `${example.doc}:${example.line}`;
    const output = logged.length > 0 ? `\nits console output:\n${logged.join('\n')}` : '';
    throw new Error(`example "${example.name}" (${where}) failed: ${String(error)}${output}`, {
      cause: error,
    });
  } finally {
    await cleanUp(s3, bucket);
    await rm(tmp, { recursive: true, force: true });
    await ec2Docs?.cleanUp();
    client.destroy();
    await cloudformationCleanUp(
      locals.cloudformation as CloudFormation | undefined,
      locals.stackName,
    );
    (locals.sns as SNS | undefined)?.meta.client.destroy();
    (locals.cloudwatch as CloudWatch | undefined)?.meta.client.destroy();
    await dynamodbCleanUp(
      locals.dynamodb as DynamoDB | undefined,
      (locals.table as { name?: string } | undefined)?.name,
    );
    await sqsCleanUp(locals.sqs as SQS | undefined, locals.queueName as string | undefined);
    await glacierCleanUp(
      locals.glacier as Glacier | undefined,
      locals.vaultName as string | undefined,
    );
  }
}

/** The SQS names of the scope, made for docs/sqs.md examples only. */
function sqsScope(example: Example) {
  if (!wants(example, 'docs/sqs.md', ['sqs', 'queueName'])) {
    return { sqs: undefined, queueName: undefined };
  }
  return { sqs: new SQS({ client: sqsClient() }), queueName: queueName('docs') };
}

/** Best effort: deletes the queues the example made under its name. */
async function sqsCleanUp(sqs: SQS | undefined, name: string | undefined) {
  if (!sqs || !name) return;
  for await (const queue of sqs.queues.filter({ QueueNamePrefix: name })) {
    await queue.delete().catch(() => undefined);
  }
  sqs.meta.client.destroy();
}

describe('docs examples', () => {
  it('finds the examples, each with a unique name', () => {
    const s3Examples = examples.filter((e) => e.doc === 'docs/s3.md');
    expect(s3Examples.length).toBeGreaterThanOrEqual(12);
    expect(examples.filter((e) => e.doc === 'docs/dynamodb.md').length).toBeGreaterThanOrEqual(10);
    expect(new Set(examples.map((e) => e.name)).size).toBe(examples.length);
  });

  it('type-check in strict mode against the documented scope', () => {
    const failures = [...typeCheck()].filter(([, messages]) => messages.length > 0);
    expect(Object.fromEntries(failures)).toEqual({});
  }, 60_000);

  it.each(examples.map((e) => [e.name, e] as const))(
    '%s runs against the emulator',
    async (_name, example) => {
      await run(example);
    },
  );
});
