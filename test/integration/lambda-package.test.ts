/**
 * Functions built from in-memory sources against moto: `Code: { files }` and
 * `updateCode({ files })` send the zip `zipFiles` writes (moto's CodeSha256 and CodeSize are of
 * the bytes it received), the function invokes, and bad files fail before any request.
 *
 * moto's Docker-free backend stores the package and echoes Invoke's payload without running
 * the code; test/unit/lambda-zip.test.ts unpacks the same kind of archive and runs its handler.
 */
import { createHash } from 'node:crypto';
import { Lambda, zipFiles } from '../../src/resources/lambda/index.js';
import { ParamValidationError } from '../../src/index.js';
import { countRequests } from '../support/request-counter.js';
import { ensureRole, functionName, lambdaClient } from '../support/lambda.js';

const client = lambdaClient();
const lambda = new Lambda({ client });
const counter = countRequests(client);
let role: string;

beforeAll(async () => {
  role = await ensureRole();
});

afterAll(() => counter.remove());

beforeEach(() => counter.reset());

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');

const SOURCES = {
  'index.mjs':
    "import { greet } from './lib/greet.mjs';\nexport const handler = async (event) => ({ message: greet(event.name) });\n",
  'lib/greet.mjs': new TextEncoder().encode('export const greet = (name) => `hello ${name}`;\n'),
};

describe('a function from in-memory sources', () => {
  it('creates, invokes and updates from files, sending the zip zipFiles writes', async () => {
    const fn = await lambda.createFunction({
      FunctionName: functionName('files'),
      Role: role,
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Code: { files: SOURCES },
    });
    const zip = zipFiles(SOURCES);
    expect(await fn.codeSha256).toBe(sha256(zip));
    expect(await fn.codeSize).toBe(zip.length);
    const sent = counter.inputs[0]?.input as { Code: Record<string, unknown> };
    expect(Object.keys(sent.Code)).toEqual(['ZipFile']);

    const { StatusCode, payload } = await fn.invoke({ Payload: { name: 'ada' } });
    expect(StatusCode).toBe(200);
    expect(payload).toEqual({ name: 'ada' }); // moto echoes the event

    const next = { ...SOURCES, 'index.mjs': 'export const handler = async () => 2;\n' };
    const update = await fn.updateCode({ files: next, Publish: true });
    expect(update.CodeSha256).toBe(sha256(zipFiles(next)));
    expect(update.Version).toBe('1');
    const updateInput = counter.inputs.find((i) => i.operation === 'UpdateFunctionCode')?.input;
    expect(Object.keys(updateInput ?? {}).sort()).toEqual(['FunctionName', 'Publish', 'ZipFile']);
    expect(counter.byOperation).toEqual({ CreateFunction: 1, Invoke: 1, UpdateFunctionCode: 1 });
  });

  it('publishes a layer version from files', async () => {
    const files = { 'nodejs/node_modules/greet/index.js': 'exports.greet = (n) => `hi ${n}`;\n' };
    const version = await lambda.publishLayerVersion({
      LayerName: functionName('layer'),
      Content: { files },
    });
    expect(version.data?.Content?.CodeSha256).toBe(sha256(zipFiles(files)));
    expect(counter.byOperation).toEqual({ PublishLayerVersion: 1 });
  });

  it('rejects bad file names and mixed sources before any request', async () => {
    const base = {
      FunctionName: functionName('bad'),
      Role: role,
      Runtime: 'nodejs20.x' as const,
      Handler: 'index.handler',
    };
    await expect(
      lambda.createFunction({ ...base, Code: { files: { '../index.mjs': '' } } }),
    ).rejects.toThrow(
      new ParamValidationError(
        "Lambda.createFunction: Code.files: file name '../index.mjs' has a '..' segment: every file must stay inside the package",
      ),
    );
    await expect(
      lambda.createFunction({ ...base, Code: { files: { '/index.mjs': '' } } }),
    ).rejects.toThrow("file name '/index.mjs' is absolute");
    await expect(lambda.createFunction({ ...base, Code: { files: {} } })).rejects.toThrow(
      'Lambda.createFunction: Code.files must name at least one file',
    );
    await expect(
      lambda.createFunction({
        ...base,
        Code: { files: SOURCES, S3Bucket: 'code' } as never,
      }),
    ).rejects.toThrow('Lambda.createFunction: give either Code.files or Code.S3Bucket, not both');
    const fn = lambda.Function(base.FunctionName);
    await expect(fn.updateCode({ files: { '': 'x' } })).rejects.toThrow(
      "LambdaFunction.updateCode: files: file name '' is empty",
    );
    await expect(
      fn.updateCode({ files: SOURCES, ZipFile: zipFiles(SOURCES) } as never),
    ).rejects.toThrow('LambdaFunction.updateCode: give either files or ZipFile, not both');
    expect(counter.total).toBe(0);
  });
});
