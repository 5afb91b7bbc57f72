/**
 * The built package (dist/, made by `npm run build`, which `npm test` runs before Jest), as
 * a user's program loads it: in child `node` processes, outside Jest's module system.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(__dirname, '..', '..');
const cjsS3 = join(root, 'dist', 'cjs', 'resources', 's3', 'index.js');
const esmS3 = join(root, 'dist', 'esm', 'resources', 's3', 'index.js');
const cjsRoot = join(root, 'dist', 'cjs', 'index.js');

/** Runs `code` in a fresh node (CommonJS, or ESM with `esm`) and parses what it prints. */
function runNode(code: string, options: { esm?: boolean; cwd?: string } = {}): unknown {
  const args = options.esm ? ['--input-type=module', '-e', code] : ['-e', code];
  const out = execFileSync(process.execPath, args, {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return JSON.parse(out) as unknown;
}

/** Node's answer, in the child, to "which npm packages are loaded?" (from require.cache). */
const loadedPackages = `
  Object.keys(require.cache).map((file) => {
    const parts = file.split('/node_modules/');
    if (parts.length < 2) return undefined;
    const [scope, name] = parts[parts.length - 1].split('/');
    return scope.startsWith('@') ? scope + '/' + name : scope;
  }).filter((name, i, all) => name && all.indexOf(name) === i)`;

beforeAll(() => {
  for (const file of [cjsS3, esmS3, cjsRoot]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  }
});

describe('the built package', () => {
  it('has every file its exports map names', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, unknown>;
    };
    const targets: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === 'string') targets.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(pkg.exports);
    expect(targets).toEqual(
      expect.arrayContaining([
        './dist/cjs/resources/s3/index.d.ts',
        './dist/esm/resources/s3/index.js',
      ]),
    );
    expect(targets.filter((target) => !existsSync(join(root, target)))).toEqual([]);
  });

  it('CommonJS: the s3 entry loads client-s3 only; lib-storage and the presigner load on use', () => {
    const result = runNode(`
      const s3 = require(${JSON.stringify(cjsS3)});
      const atImport = ${loadedPackages};
      const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
      const bucket = new s3.S3({ region: 'us-east-1', credentials }).Bucket('x');
      const shared = bucket instanceof require(${JSON.stringify(cjsRoot)}).Resource;
      bucket.Object('k').presignGet({ expiresIn: 60 }).then((url) => {
        const afterPresign = ${loadedPackages};
        console.log(JSON.stringify({ atImport, afterPresign, shared, json: bucket.toJSON(),
          url: { path: new URL(url).pathname, signed: new URL(url).searchParams.has('X-Amz-Signature') } }));
      });
    `) as {
      atImport: string[];
      afterPresign: string[];
      shared: boolean;
      json: unknown;
      url: { path: string; signed: boolean };
    };
    expect(result.atImport).toContain('@aws-sdk/client-s3');
    expect(result.atImport.filter((name) => name.startsWith('@aws-sdk/client-'))).toEqual([
      '@aws-sdk/client-s3',
    ]);
    expect(result.atImport).not.toContain('@aws-sdk/lib-storage');
    expect(result.atImport).not.toContain('@aws-sdk/s3-request-presigner');
    // The lazy load works from the build, too.
    expect(result.afterPresign).toContain('@aws-sdk/s3-request-presigner');
    expect(result.afterPresign).not.toContain('@aws-sdk/lib-storage');
    expect(result.url).toEqual({ path: '/x/k', signed: true });
    // One core: a resource from the s3 entry is a Resource of the root entry.
    expect(result.shared).toBe(true);
    expect(result.json).toEqual({ service: 's3', type: 'Bucket', identifiers: { name: 'x' } });
  });

  it('CommonJS and ES modules: the ec2 entry loads client-ec2 and no other client', () => {
    const cjsEc2 = join(root, 'dist', 'cjs', 'resources', 'ec2', 'index.js');
    const esmEc2 = join(root, 'dist', 'esm', 'resources', 'ec2', 'index.js');
    const cjs = runNode(`
      const { EC2 } = require(${JSON.stringify(cjsEc2)});
      const instance = new EC2({ region: 'us-east-1' }).Instance('i-1');
      const clients = ${loadedPackages}.filter((name) => name.startsWith('@aws-sdk/client-'));
      console.log(JSON.stringify({ clients, json: instance.toJSON() }));
    `);
    const json = { service: 'ec2', type: 'Instance', identifiers: { id: 'i-1' } };
    expect(cjs).toEqual({ clients: ['@aws-sdk/client-ec2'], json });
    const esm = runNode(
      `
      const { EC2, Instance } = await import(${JSON.stringify(pathToFileURL(esmEc2).href)});
      const instance = new EC2({ region: 'us-east-1' }).Instance('i-1');
      console.log(JSON.stringify({ json: instance.toJSON(), isInstance: instance instanceof Instance }));
    `,
      { esm: true },
    );
    expect(esm).toEqual({ json, isInstance: true });
  });

  it('CommonJS and ES modules: the cloudformation entry loads client-cloudformation and no other client', () => {
    const cjsEntry = join(root, 'dist', 'cjs', 'resources', 'cloudformation', 'index.js');
    const esmEntry = join(root, 'dist', 'esm', 'resources', 'cloudformation', 'index.js');
    const cjs = runNode(`
      const { CloudFormation } = require(${JSON.stringify(cjsEntry)});
      const stack = new CloudFormation({ region: 'us-east-1' }).Stack('app');
      const clients = ${loadedPackages}.filter((name) => name.startsWith('@aws-sdk/client-'));
      console.log(JSON.stringify({ clients, json: stack.toJSON() }));
    `);
    const json = { service: 'cloudformation', type: 'Stack', identifiers: { name: 'app' } };
    expect(cjs).toEqual({ clients: ['@aws-sdk/client-cloudformation'], json });
    const esm = runNode(
      `
      const { CloudFormation, Stack } = await import(${JSON.stringify(pathToFileURL(esmEntry).href)});
      const stack = new CloudFormation({ region: 'us-east-1' }).Stack('app');
      console.log(JSON.stringify({ json: stack.toJSON(), isStack: stack instanceof Stack }));
    `,
      { esm: true },
    );
    expect(esm).toEqual({ json, isStack: true });
  });

  it('CommonJS and ES modules: the s3control entry loads client-s3-control and no other client', () => {
    const cjsEntry = join(root, 'dist', 'cjs', 'resources', 's3control', 'index.js');
    const esmEntry = join(root, 'dist', 'esm', 'resources', 's3control', 'index.js');
    const cjs = runNode(`
      const { S3Control } = require(${JSON.stringify(cjsEntry)});
      const job = new S3Control({ region: 'us-east-1' }).BatchJob('123456789012', 'job-1');
      const clients = ${loadedPackages}.filter((name) => name.startsWith('@aws-sdk/client-'));
      console.log(JSON.stringify({ clients, json: job.toJSON() }));
    `);
    const json = {
      service: 's3control',
      type: 'BatchJob',
      identifiers: { accountId: '123456789012', id: 'job-1' },
    };
    expect(cjs).toEqual({ clients: ['@aws-sdk/client-s3-control'], json });
    const esm = runNode(
      `
      const { S3Control, BatchJob } = await import(${JSON.stringify(pathToFileURL(esmEntry).href)});
      const job = new S3Control({ region: 'us-east-1' }).BatchJob('123456789012', 'job-1');
      console.log(JSON.stringify({ json: job.toJSON(), isJob: job instanceof BatchJob }));
    `,
      { esm: true },
    );
    expect(esm).toEqual({ json, isJob: true });
  });

  it('CommonJS and ES modules: the glacier entry loads client-glacier and no other client', () => {
    const cjsGlacier = join(root, 'dist', 'cjs', 'resources', 'glacier', 'index.js');
    const esmGlacier = join(root, 'dist', 'esm', 'resources', 'glacier', 'index.js');
    const cjs = runNode(`
      const { Glacier } = require(${JSON.stringify(cjsGlacier)});
      const vault = new Glacier({ region: 'us-east-1' }).Vault('-', 'backups');
      const clients = ${loadedPackages}.filter((name) => name.startsWith('@aws-sdk/client-'));
      console.log(JSON.stringify({ clients, json: vault.toJSON() }));
    `);
    const json = {
      service: 'glacier',
      type: 'Vault',
      identifiers: { accountId: '-', name: 'backups' },
    };
    expect(cjs).toEqual({ clients: ['@aws-sdk/client-glacier'], json });
    const esm = runNode(
      `
      const { Glacier, Vault } = await import(${JSON.stringify(pathToFileURL(esmGlacier).href)});
      const vault = new Glacier({ region: 'us-east-1' }).Vault('-', 'backups');
      console.log(JSON.stringify({ json: vault.toJSON(), isVault: vault instanceof Vault }));
    `,
      { esm: true },
    );
    expect(esm).toEqual({ json, isVault: true });
  });

  it('CommonJS and ES modules: the lambda entry loads client-lambda and no other client', () => {
    const cjsLambda = join(root, 'dist', 'cjs', 'resources', 'lambda', 'index.js');
    const esmLambda = join(root, 'dist', 'esm', 'resources', 'lambda', 'index.js');
    const cjs = runNode(`
      const { Lambda } = require(${JSON.stringify(cjsLambda)});
      const fn = new Lambda({ region: 'us-east-1' }).Function('resize');
      const clients = ${loadedPackages}.filter((name) => name.startsWith('@aws-sdk/client-'));
      console.log(JSON.stringify({ clients, json: fn.toJSON() }));
    `);
    const json = { service: 'lambda', type: 'Function', identifiers: { name: 'resize' } };
    expect(cjs).toEqual({ clients: ['@aws-sdk/client-lambda'], json });
    const esm = runNode(
      `
      const { Lambda, LambdaFunction, FunctionInvocationError } = await import(${JSON.stringify(pathToFileURL(esmLambda).href)});
      const { AwsResourcesError } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'esm', 'index.js')).href)});
      const fn = new Lambda({ region: 'us-east-1' }).Function('resize');
      console.log(JSON.stringify({ json: fn.toJSON(), isFunction: fn instanceof LambdaFunction,
        sharedErrors: FunctionInvocationError.prototype instanceof AwsResourcesError }));
    `,
      { esm: true },
    );
    expect(esm).toEqual({ json, isFunction: true, sharedErrors: true });
  });

  it('CommonJS and ES modules: the iam entry loads client-iam and no other client', () => {
    const cjsIam = join(root, 'dist', 'cjs', 'resources', 'iam', 'index.js');
    const esmIam = join(root, 'dist', 'esm', 'resources', 'iam', 'index.js');
    const cjs = runNode(`
      const { IAM } = require(${JSON.stringify(cjsIam)});
      const role = new IAM({ region: 'us-east-1' }).Role('app');
      const clients = ${loadedPackages}.filter((name) => name.startsWith('@aws-sdk/client-'));
      console.log(JSON.stringify({ clients, json: role.toJSON() }));
    `);
    const json = { service: 'iam', type: 'Role', identifiers: { name: 'app' } };
    expect(cjs).toEqual({ clients: ['@aws-sdk/client-iam'], json });
    // A bad policy document fails before any request, with the root entry's error class.
    const esm = runNode(
      `
      const { IAM, Role } = await import(${JSON.stringify(pathToFileURL(esmIam).href)});
      const { ParamValidationError } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'esm', 'index.js')).href)});
      const iam = new IAM({ region: 'us-east-1' });
      const role = iam.Role('app');
      const refused = await iam.createPolicy({ PolicyName: 'p', PolicyDocument: 42 }).catch((e) => e);
      console.log(JSON.stringify({ json: role.toJSON(), isRole: role instanceof Role,
        sharedErrors: refused instanceof ParamValidationError }));
    `,
      { esm: true },
    );
    expect(esm).toEqual({ json, isRole: true, sharedErrors: true });
  });
  it.each([
    [
      'sns',
      'SNS',
      'Topic',
      'arn:aws:sns:us-east-1:123456789012:orders',
      { arn: 'arn:aws:sns:us-east-1:123456789012:orders' },
    ],
    ['cloudwatch', 'CloudWatch', 'Alarm', 'high-latency', { name: 'high-latency' }],
  ] as const)(
    'CommonJS and ES modules: the %s entry loads its own client and no other',
    (service, className, type, id, identifiers) => {
      const cjsEntry = join(root, 'dist', 'cjs', 'resources', service, 'index.js');
      const esmEntry = join(root, 'dist', 'esm', 'resources', service, 'index.js');
      const cjs = runNode(`
      const { ${className} } = require(${JSON.stringify(cjsEntry)});
      const resource = new ${className}({ region: 'us-east-1' }).${type}(${JSON.stringify(id)});
      const clients = ${loadedPackages}.filter((name) => name.startsWith('@aws-sdk/client-'));
      console.log(JSON.stringify({ clients, json: resource.toJSON() }));
    `);
      const json = { service, type, identifiers };
      expect(cjs).toEqual({ clients: [`@aws-sdk/client-${service}`], json });
      const esm = runNode(
        `
      const { ${className}, ${type} } = await import(${JSON.stringify(pathToFileURL(esmEntry).href)});
      const resource = new ${className}({ region: 'us-east-1' }).${type}(${JSON.stringify(id)});
      console.log(JSON.stringify({ json: resource.toJSON(), isType: resource instanceof ${type} }));
    `,
        { esm: true },
      );
      expect(esm).toEqual({ json, isType: true });
    },
  );
  it('CommonJS and ES modules: the sqs entry loads client-sqs and no other client', () => {
    const cjsSqs = join(root, 'dist', 'cjs', 'resources', 'sqs', 'index.js');
    const esmSqs = join(root, 'dist', 'esm', 'resources', 'sqs', 'index.js');
    const url = 'https://sqs.us-east-1.amazonaws.com/123456789012/jobs';
    const cjs = runNode(`
      const { SQS } = require(${JSON.stringify(cjsSqs)});
      const queue = new SQS({ region: 'us-east-1' }).Queue(${JSON.stringify(url)});
      const clients = ${loadedPackages}.filter((name) => name.startsWith('@aws-sdk/client-'));
      console.log(JSON.stringify({ clients, json: queue.toJSON() }));
    `);
    const json = { service: 'sqs', type: 'Queue', identifiers: { url } };
    expect(cjs).toEqual({ clients: ['@aws-sdk/client-sqs'], json });
    const esm = runNode(
      `
      const { SQS, Queue, SendMessageBatchError } = await import(${JSON.stringify(pathToFileURL(esmSqs).href)});
      const { BatchActionError } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'esm', 'index.js')).href)});
      const queue = new SQS({ region: 'us-east-1' }).Queue(${JSON.stringify(url)});
      console.log(JSON.stringify({ json: queue.toJSON(), isQueue: queue instanceof Queue,
        sharedErrors: SendMessageBatchError.prototype instanceof BatchActionError }));
    `,
      { esm: true },
    );
    expect(esm).toEqual({ json, isQueue: true, sharedErrors: true });
  });

  it('CommonJS and ES modules: the dynamodb entry loads client-dynamodb and no other client', () => {
    const cjsDynamodb = join(root, 'dist', 'cjs', 'resources', 'dynamodb', 'index.js');
    const esmDynamodb = join(root, 'dist', 'esm', 'resources', 'dynamodb', 'index.js');
    // A bad value fails before any request (port 9 would refuse one), with the error class of
    // the root entry: the service bundle shares the core's classes instead of copying them.
    // (sharedErrors false means a module under src/resources/dynamodb imports a core module
    // other than core/index.js, e.g. core/errors.js, which the bundle then copies.)
    const cjs = runNode(`
      const { DynamoDB, Key } = require(${JSON.stringify(cjsDynamodb)});
      const root = require(${JSON.stringify(cjsRoot)});
      const dynamodb = new DynamoDB({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', maxAttempts: 1,
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
      const table = dynamodb.Table('users');
      const packages = ${loadedPackages};
      const clients = packages.filter((name) => name.startsWith('@aws-sdk/client-'));
      table.putItem({ Item: { id: 'u1', tags: new Set() } }).catch((e) => {
        console.log(JSON.stringify({ clients, lib: packages.includes('@aws-sdk/lib-dynamodb'),
          json: table.toJSON(), shared: table instanceof root.Resource,
          sharedErrors: e instanceof root.ParamValidationError, error: e.name,
          query: typeof table.query({ KeyConditionExpression: Key('id').eq('u1') }).page }));
      });
    `);
    const json = { service: 'dynamodb', type: 'Table', identifiers: { name: 'users' } };
    expect(cjs).toEqual({
      clients: ['@aws-sdk/client-dynamodb'],
      lib: true,
      json,
      shared: true,
      sharedErrors: true,
      error: 'ParamValidationError',
      query: 'function',
    });
    const esm = runNode(
      `
      const { DynamoDB, Table, BatchWriteError } = await import(${JSON.stringify(pathToFileURL(esmDynamodb).href)});
      const { BatchActionError } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'esm', 'index.js')).href)});
      const table = new DynamoDB({ region: 'us-east-1' }).Table('users');
      console.log(JSON.stringify({ json: table.toJSON(), isTable: table instanceof Table,
        sharedErrors: BatchWriteError.prototype instanceof BatchActionError }));
    `,
      { esm: true },
    );
    expect(esm).toEqual({ json, isTable: true, sharedErrors: true });
  });

  it('ES modules: the s3 entry imports and works', () => {
    const result = runNode(
      `
      const { S3, Bucket } = await import(${JSON.stringify(pathToFileURL(esmS3).href)});
      const bucket = new S3({ region: 'us-east-1' }).Bucket('x');
      console.log(JSON.stringify({ json: bucket.toJSON(), isBucket: bucket instanceof Bucket,
        key: bucket.Object('a/b').key }));
    `,
      { esm: true },
    );
    expect(result).toEqual({
      json: { service: 's3', type: 'Bucket', identifiers: { name: 'x' } },
      isBucket: true,
      key: 'a/b',
    });
  });

  it('ES modules: lib-storage and the presigner load on first use', () => {
    const result = runNode(
      `
      const { S3 } = await import(${JSON.stringify(pathToFileURL(esmS3).href)});
      // Port 9 on loopback (discard) refuses connections: the upload loads lib-storage, then
      // fails to connect, and no request leaves the machine.
      const s3 = new S3({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', forcePathStyle: true,
        maxAttempts: 1, credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
      const url = await s3.Object('bucket', 'key').presignGet({ expiresIn: 60 });
      const upload = await s3.Object('bucket', 'key').uploadStream('data').catch((e) => e.code ?? e.message);
      console.log(JSON.stringify({ signed: url.includes('X-Amz-Signature='), upload }));
    `,
      { esm: true },
    );
    expect(result).toEqual({ signed: true, upload: 'ECONNREFUSED' });
  });

  describe('resolved by package name (node_modules/aws-resources → the repo)', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'aws-resources-consumer-'));
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(root, join(dir, 'node_modules', 'aws-resources'), 'dir');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('require condition', () => {
      const result = runNode(
        `
        const { S3 } = require('aws-resources/s3');
        let hidden;
        try { require.resolve('aws-resources/dist/cjs/index.js'); } catch (e) { hidden = e.code; }
        console.log(JSON.stringify({
          s3: require.resolve('aws-resources/s3'),
          main: require.resolve('aws-resources'),
          version: require('aws-resources/package.json').version,
          hidden,
          json: new S3({ region: 'us-east-1' }).Bucket('x').toJSON(),
        }));
      `,
        { cwd: dir },
      );
      expect(result).toEqual({
        s3: cjsS3,
        main: cjsRoot,
        version: expect.stringMatching(/^\d+\.\d+\.\d+/),
        hidden: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
        json: { service: 's3', type: 'Bucket', identifiers: { name: 'x' } },
      });
    });

    it('import condition', () => {
      const result = runNode(
        `
        const { S3 } = await import('aws-resources/s3');
        const root = await import('aws-resources');
        console.log(JSON.stringify({
          s3: import.meta.resolve('aws-resources/s3'),
          main: import.meta.resolve('aws-resources'),
          errors: typeof root.BatchActionError,
          json: new S3({ region: 'us-east-1' }).Bucket('x').toJSON(),
        }));
      `,
        { esm: true, cwd: dir },
      );
      expect(result).toEqual({
        s3: pathToFileURL(esmS3).href,
        main: pathToFileURL(join(root, 'dist', 'esm', 'index.js')).href,
        errors: 'function',
        json: { service: 's3', type: 'Bucket', identifiers: { name: 'x' } },
      });
    });
  });
});

describe('toBatchJob without s3control, from the built package', () => {
  /** Child code: an S3 client whose handler answers CreateJob in process, and a hand-off. */
  const handOff = (s3Entry: string, load: (entry: string) => string) => `
    const { S3 } = ${load(s3Entry)};
    const { S3Client } = ${load('@aws-sdk/client-s3')};
    const sent = [];
    const requestHandler = {
      metadata: { handlerProtocol: 'h1' },
      destroy() {},
      async handle(request) {
        sent.push({ hostname: request.hostname, method: request.method, path: request.path });
        const body = '<?xml version="1.0" encoding="UTF-8"?><CreateJobResult xmlns="http://awss3control.amazonaws.com/doc/2018-08-20/"><JobId>job-0001</JobId></CreateJobResult>';
        return { response: { statusCode: 200, headers: { 'content-type': 'application/xml' }, body: new TextEncoder().encode(body) } };
      },
    };
    const client = new S3Client({
      region: 'eu-west-2',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      requestHandler,
      maxAttempts: 1,
    });
    const hand = () => new S3({ client }).Bucket('photos').objects.filter({ Prefix: 'images/' }).toBatchJob({
      accountId: '123456789012',
      roleArn: 'arn:aws:iam::123456789012:role/batch',
      operation: { deleteTags: true },
      report: false,
    });`;
  const expectedSent = [
    {
      hostname: '123456789012.s3-control.eu-west-2.amazonaws.com',
      method: 'POST',
      path: '/v20180820/jobs',
    },
  ];

  it('CommonJS: loads client-s3-control only when the job is handed off', () => {
    const out = runNode(`
      ${handOff(cjsS3, (entry) => `require(${JSON.stringify(entry)})`)}
      const clients = () => ${loadedPackages}.filter((name) => name.startsWith('@aws-sdk/client-'));
      (async () => {
        const before = clients();
        const job = await hand();
        console.log(JSON.stringify({ before, after: clients(), id: job.id, sent }));
      })().catch((error) => { console.error(error); process.exit(1); });
    `);
    expect(out).toEqual({
      before: ['@aws-sdk/client-s3'],
      after: ['@aws-sdk/client-s3', '@aws-sdk/client-s3-control'],
      id: 'job-0001',
      sent: expectedSent,
    });
  });

  it('ES modules: the same hand-off', () => {
    const out = runNode(
      `
      ${handOff(pathToFileURL(esmS3).href, (entry) => `await import(${JSON.stringify(entry)})`)}
      const job = await hand();
      console.log(JSON.stringify({ id: job.id, sent }));
    `,
      { esm: true },
    );
    expect(out).toEqual({ id: 'job-0001', sent: expectedSent });
  });

  it('an esbuild bundle of an S3-only app leaves S3 Control out, and says to pass s3control', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-s3-'));
    try {
      const entry = join(dir, 'app.mjs');
      writeFileSync(
        entry,
        `${handOff(esmS3, (file) => `await import(${JSON.stringify(file)})`)}
        try { await hand(); console.log(JSON.stringify({ sent })); }
        catch (error) { console.log(JSON.stringify({ name: error.name, message: error.message, sent })); }
      `,
      );
      const outfile = join(dir, 'out', 'app.mjs');
      await build({
        entryPoints: [entry],
        outfile,
        bundle: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        logLevel: 'silent',
        nodePaths: [join(root, 'node_modules')],
        banner: {
          js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        },
      });
      const bundled = readFileSync(outfile, 'utf8');
      expect(bundled).toContain('S3Client');
      expect(bundled).not.toContain('S3ControlClient');
      expect(bundled).not.toContain('CreateJobCommand');
      const out = execFileSync(process.execPath, [outfile], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      });
      expect(JSON.parse(out)).toEqual({
        name: 'ParamValidationError',
        message: expect.stringMatching(
          /toBatchJob: could not load aws-resources\/s3control .*: pass options\.s3control/,
        ),
        sent: [],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
