/**
 * Lambda service and LambdaFunction against moto: createFunction (zip as bytes or a path),
 * lazy attributes, exists, updateCode, updateConfiguration, permissions and policy,
 * concurrency, tags, waiters, sub-resources and delete.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FunctionVersion,
  Alias,
  Lambda,
  LambdaFunction,
  type CreateFunctionParams,
} from '../../src/resources/lambda/index.js';
import { IdentifierError, ParamValidationError } from '../../src/index.js';
import { countRequests } from '../support/request-counter.js';
import {
  ensureRole,
  functionName,
  functionParams,
  lambdaClient,
  tinyZip,
} from '../support/lambda.js';

const client = lambdaClient();
const lambda = new Lambda({ client });
const counter = countRequests(client);
let role: string;
let dir: string;

beforeAll(async () => {
  role = await ensureRole();
  dir = await mkdtemp(join(tmpdir(), 'lambda-fn-'));
});

afterAll(async () => {
  counter.remove();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => counter.reset());

async function newFunction(params: Partial<CreateFunctionParams> = {}): Promise<LambdaFunction> {
  return lambda.createFunction({ ...functionParams(functionName(), role), ...params });
}

describe('Lambda.createFunction', () => {
  it('makes a LambdaFunction with the response as its data, in one request', async () => {
    const name = functionName('create');
    const fn = await lambda.createFunction(functionParams(name, role));
    expect(fn).toBeInstanceOf(LambdaFunction);
    expect(fn.name).toBe(name);
    expect(fn.data?.FunctionName).toBe(name);
    expect(await fn.runtime).toBe('nodejs20.x');
    expect(await fn.handler).toBe('index.handler');
    expect(counter.byOperation).toEqual({ CreateFunction: 1 });
  });

  it('reads Code.ZipFile from a path before the request', async () => {
    const zip = tinyZip({ 'index.js': 'exports.handler = async () => 42;\n' });
    const path = join(dir, 'from-path.zip');
    await writeFile(path, zip);
    const fn = await lambda.createFunction({
      ...functionParams(functionName('path'), role),
      Code: { ZipFile: path },
    });
    expect(await fn.codeSize).toBe(zip.length);
    const sent = counter.inputs.find((i) => i.operation === 'CreateFunction')?.input as {
      Code: { ZipFile: Uint8Array };
    };
    expect(Buffer.from(sent.Code.ZipFile).equals(Buffer.from(zip))).toBe(true);
  });

  it('fails with a clear error, before any request, when the zip file is missing', async () => {
    const missing = join(dir, 'missing.zip');
    const attempt = lambda.createFunction({
      ...functionParams(functionName('missing'), role),
      Code: { ZipFile: missing },
    });
    await expect(attempt).rejects.toThrow(ParamValidationError);
    await expect(attempt).rejects.toThrow(
      `Lambda.createFunction: cannot read the ZipFile '${missing}': no such file`,
    );
    expect(counter.total).toBe(0);
  });

  it('passes S3 code locations through unchanged', async () => {
    // moto checks the bucket exists: the service's own error proves the input went through.
    await expect(
      lambda.createFunction({
        ...functionParams(functionName('s3code'), role),
        Code: { S3Bucket: 'no-such-bucket-for-lambda-code', S3Key: 'fn.zip' },
      }),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: expect.any(Number) } });
    const sent = counter.inputs[0]?.input as { Code: object };
    expect(sent.Code).toEqual({ S3Bucket: 'no-such-bucket-for-lambda-code', S3Key: 'fn.zip' });
  });
});

describe('LambdaFunction attributes', () => {
  it('loads once with GetFunctionConfiguration, on first read', async () => {
    const made = await newFunction({ MemorySize: 256, Description: 'lazy' });
    counter.reset();
    const fn = lambda.Function(made.name);
    expect(fn.data).toBeUndefined();
    expect(counter.total).toBe(0);
    const [memory, description, arn] = await Promise.all([
      fn.memorySize,
      fn.description,
      fn.functionArn,
    ]);
    expect(memory).toBe(256);
    expect(description).toBe('lazy');
    expect(arn).toMatch(new RegExp(`:function:${made.name}$`));
    expect(await fn.state).toBe('Active');
    expect(counter.byOperation).toEqual({ GetFunctionConfiguration: 1 });
    expect(counter.inputs[0]?.input).toEqual({ FunctionName: made.name });
  });

  it('exists() is true for a function and false for a missing one', async () => {
    const fn = await newFunction();
    expect(await fn.exists()).toBe(true);
    expect(await lambda.Function(functionName('nope')).exists()).toBe(false);
  });

  it('a missing function raises the v3 ResourceNotFoundException on load', async () => {
    await expect(lambda.Function(functionName('nope')).load()).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('an empty name fails before any request', () => {
    expect(() => lambda.Function('')).toThrow(IdentifierError);
    expect(() => lambda.Function('')).toThrow(
      "LambdaFunction: identifier 'name' must not be empty",
    );
    expect(counter.total).toBe(0);
  });

  it('prints and serialises as its identifiers', () => {
    const fn = lambda.Function('resize');
    expect(JSON.stringify(fn)).toBe(
      '{"service":"lambda","type":"Function","identifiers":{"name":"resize"}}',
    );
    expect(fn.meta.identifiers).toEqual({ name: 'resize' });
    expect(fn.meta.client).toBe(client);
  });
});

describe('LambdaFunction.updateCode', () => {
  it('takes the zip as bytes', async () => {
    const fn = await newFunction();
    const zip = tinyZip({ 'index.js': 'exports.handler = async () => "v2";\n' });
    const out = await fn.updateCode({ ZipFile: zip });
    expect(out.CodeSize).toBe(zip.length);
    expect(counter.inputs.at(-1)).toEqual({
      operation: 'UpdateFunctionCode',
      input: { FunctionName: fn.name, ZipFile: zip },
    });
  });

  it('takes the zip as a file path, read before the request', async () => {
    const fn = await newFunction();
    const zip = tinyZip({ 'index.js': 'exports.handler = async () => "v3";\n', 'x.txt': 'x' });
    const path = join(dir, 'update.zip');
    await writeFile(path, zip);
    const out = await fn.updateCode({ ZipFile: path });
    expect(out.CodeSize).toBe(zip.length);
    expect(await fn.reload().then((d) => d.CodeSha256)).toBe(out.CodeSha256);
  });

  it('fails before any request when the file is missing', async () => {
    const fn = lambda.Function(functionName('never'));
    await expect(fn.updateCode({ ZipFile: join(dir, 'none.zip') })).rejects.toThrow(
      /LambdaFunction\.updateCode: cannot read the ZipFile '.*none\.zip': no such file/,
    );
    await expect(fn.updateCode({ ZipFile: 42 as unknown as string })).rejects.toThrow(
      'LambdaFunction.updateCode: ZipFile must be the bytes of a .zip file or a path to one, got number',
    );
    expect(counter.total).toBe(0);
  });

  it('refuses a FunctionName: the resource fills it', async () => {
    const fn = lambda.Function(functionName('filled'));
    await expect(
      fn.updateCode({ FunctionName: 'other', ZipFile: tinyZip() } as never),
    ).rejects.toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });
});

describe('LambdaFunction actions', () => {
  it('updateConfiguration changes the configuration', async () => {
    const fn = await newFunction();
    const out = await fn.updateConfiguration({ MemorySize: 512, Timeout: 30 });
    expect(out.MemorySize).toBe(512);
    const fresh = await fn.reload();
    expect([fresh.MemorySize, fresh.Timeout]).toEqual([512, 30]);
  });

  it('addPermission, getPolicy and removePermission manage the resource policy', async () => {
    const fn = await newFunction();
    const added = await fn.addPermission({
      StatementId: 's3-invoke',
      Action: 'lambda:InvokeFunction',
      Principal: 's3.amazonaws.com',
    });
    expect(JSON.parse(added.Statement ?? '{}')).toMatchObject({ Sid: 's3-invoke' });
    const policy = JSON.parse((await fn.getPolicy()).Policy ?? '{}') as {
      Statement: { Sid: string }[];
    };
    expect(policy.Statement.map((s) => s.Sid)).toEqual(['s3-invoke']);
    await fn.removePermission({ StatementId: 's3-invoke' });
    await expect(fn.getPolicy()).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('putConcurrency, getConcurrency and deleteConcurrency manage reserved concurrency', async () => {
    const fn = await newFunction();
    expect(
      (await fn.putConcurrency({ ReservedConcurrentExecutions: 7 })).ReservedConcurrentExecutions,
    ).toBe(7);
    expect((await fn.getConcurrency()).ReservedConcurrentExecutions).toBe(7);
    await fn.deleteConcurrency();
    expect((await fn.getConcurrency()).ReservedConcurrentExecutions).toBeUndefined();
    expect(counter.inputs.map((i) => i.input)).toEqual(
      expect.arrayContaining([{ FunctionName: fn.name }]),
    );
  });

  it('tag, untag and listTags address the function by its loaded ARN', async () => {
    const made = await newFunction();
    const fn = lambda.Function(made.name);
    counter.reset();
    await fn.tag({ Tags: { team: 'media', env: 'dev' } });
    // The ARN comes from the data: one load first, then TagResource.
    expect(counter.requests.map((r) => r.operation)).toEqual([
      'GetFunctionConfiguration',
      'TagResource',
    ]);
    const arn = await fn.functionArn;
    expect(counter.inputs[1]?.input).toEqual({
      Resource: arn,
      Tags: { team: 'media', env: 'dev' },
    });
    counter.reset();
    await fn.untag({ TagKeys: ['env'] });
    expect((await fn.listTags()).Tags).toEqual({ team: 'media' });
    // Loaded already for untag, which then forgets the data (as every action does): listTags
    // loads the ARN again.
    expect(counter.requests.map((r) => r.operation)).toEqual([
      'UntagResource',
      'GetFunctionConfiguration',
      'ListTags',
    ]);
  });

  it('delete removes the function', async () => {
    const fn = await newFunction();
    await fn.delete();
    expect(await fn.exists()).toBe(false);
  });
});

describe('LambdaFunction waiters', () => {
  it('waitUntilExists, waitUntilActive and waitUntilUpdated keep the configuration as data', async () => {
    const made = await newFunction({ Description: 'waited' });
    for (const wait of ['waitUntilExists', 'waitUntilActive', 'waitUntilUpdated'] as const) {
      const fn = lambda.Function(made.name);
      counter.reset();
      await fn[wait]({ maxWaitTime: 5, minDelay: 1 });
      expect(counter.byOperation).toEqual({ GetFunction: 1 });
      expect(fn.data?.Description).toBe('waited');
      expect(fn.data?.State).toBe('Active');
    }
  });

  it('waitUntilExists times out for a missing function', async () => {
    const fn = lambda.Function(functionName('never'));
    await expect(fn.waitUntilExists({ maxWaitTime: 2, minDelay: 1 })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(counter.count('GetFunction')).toBeGreaterThanOrEqual(1);
  });
});

describe('LambdaFunction sub-resources', () => {
  it('Version(v) and Alias(name) are made without a request', () => {
    const fn = lambda.Function('resize');
    const version = fn.Version('3');
    const alias = fn.Alias('live');
    expect(version).toBeInstanceOf(FunctionVersion);
    expect([version.functionName, version.version]).toEqual(['resize', '3']);
    expect(alias).toBeInstanceOf(Alias);
    expect([alias.functionName, alias.name]).toEqual(['resize', 'live']);
    expect(version.Function().equals(fn)).toBe(true);
    expect(alias.Function().equals(fn)).toBe(true);
    expect(lambda.FunctionVersion('resize', '3').equals(version)).toBe(true);
    expect(lambda.Alias('resize', 'live').equals(alias)).toBe(true);
    expect(counter.total).toBe(0);
  });
});
