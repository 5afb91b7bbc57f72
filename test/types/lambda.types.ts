/**
 * Compile-time tests of the Lambda surface, checked by `npm run typecheck` (and by
 * test/unit/type-tests.test.ts). Nothing here runs: the functions are never called.
 * Each `@ts-expect-error` line must stay an error; the rest must compile.
 */
import type {
  InvokeCommandOutput,
  UpdateAliasCommandOutput,
  UpdateFunctionCodeCommandOutput,
} from '@aws-sdk/client-lambda';
import {
  FunctionInvocationError,
  Lambda,
  zipFiles,
  type Alias,
  type EventSourceMapping,
  type FunctionVersion,
  type InvokeResult,
  type JsonValue,
  type LambdaFunction,
  type Layer,
  type LayerVersion,
} from '../../src/resources/lambda/index.js';

export async function wrongCallsDoNotCompile(
  lambda: Lambda,
  fn: LambdaFunction,
  version: FunctionVersion,
  alias: Alias,
  layer: Layer,
) {
  // @ts-expect-error FunctionName is filled by the resource
  await fn.invoke({ FunctionName: 'other' });
  // @ts-expect-error a version fills its Qualifier
  await version.invoke({ Qualifier: '2' });
  // @ts-expect-error an alias fills its Qualifier
  await alias.invoke({ Qualifier: 'beta' });
  // @ts-expect-error not an invocation type
  await fn.invoke({ InvocationType: 'Later' });
  // @ts-expect-error a BigInt cannot be sent as JSON
  await fn.invoke({ Payload: 10n });
  // @ts-expect-error a Map is no JSON value (JSON.stringify would send {})
  await fn.invoke({ Payload: { tags: new Map<string, string>() } });
  // @ts-expect-error a function is no JSON value
  await fn.invoke({ Payload: { items: [1, 2, () => 3] } });
  // @ts-expect-error a Date is no JSON value: send date.toISOString()
  await fn.invoke({ Payload: { at: new Date() } });
  // @ts-expect-error a Set is no JSON value
  await fn.invoke({ Payload: new Set([1]) });
  // @ts-expect-error undefined is no JSON value in a list
  await fn.invoke({ Payload: [1, undefined] });
  // @ts-expect-error raw is a boolean
  await fn.invoke({}, { raw: 'yes' });
  // @ts-expect-error a raw result is the v3 output: no decoded payload
  void (await fn.invoke({}, { raw: true })).payload;
  // @ts-expect-error an Event invocation answers with a status only
  void (await fn.invoke({ InvocationType: 'Event' })).payload;
  // @ts-expect-error the payload has the type the caller names
  const wrongPayload: number = (await fn.invoke<string>({ Payload: {} })).payload;
  // @ts-expect-error ZipFile is bytes or a path
  await fn.updateCode({ ZipFile: 42 });
  // @ts-expect-error updateCode needs params
  await fn.updateCode();
  // @ts-expect-error files are text or bytes
  await fn.updateCode({ files: { 'index.mjs': 42 } });
  // @ts-expect-error files or ZipFile, not both
  await fn.updateCode({ files: { 'index.mjs': '' }, ZipFile: './fn.zip' });
  await lambda.createFunction({
    FunctionName: 'f',
    Role: 'r',
    // @ts-expect-error files or an S3 location, not both
    Code: { files: { 'index.mjs': '' }, S3Bucket: 'code' },
  });
  await lambda.createFunction({
    FunctionName: 'f',
    Role: 'r',
    // @ts-expect-error Code.ZipFile is bytes or a path
    Code: { ZipFile: 42 },
  });
  // @ts-expect-error Code is required
  await lambda.createFunction({ FunctionName: 'f', Role: 'r' });
  // @ts-expect-error Content is required
  await layer.publishVersion({ Description: 'x' });
  // @ts-expect-error the tagged Resource is the function's ARN, filled from its data
  await fn.tag({ Resource: 'arn', Tags: {} });
  // @ts-expect-error Name and FunctionName are filled by the alias
  await alias.update({ Name: 'other' });
  // @ts-expect-error identifiers are strings
  lambda.Function(1);
  // @ts-expect-error layer version numbers are numbers
  lambda.LayerVersion('libs', '1');
  // @ts-expect-error an alias needs the function's name and its own
  lambda.Alias('fn');
  // @ts-expect-error identifiers are readonly
  fn.name = 'x';
  // @ts-expect-error memorySize is a number
  const wrongMemory: string = await fn.memorySize;
  // @ts-expect-error MaxItems is set by limit() and pageSize()
  lambda.functions.filter({ MaxItems: 5 });
  // @ts-expect-error the function fills the listing's FunctionName
  fn.versions.filter({ FunctionName: 'x' });
  // @ts-expect-error published-version-active is a waiter of the version
  await fn.waitUntilPublishedVersionActive();
  // @ts-expect-error waiter times are numbers
  await fn.waitUntilActive({ maxWaitTime: '5' });
  return [wrongPayload, wrongMemory];
}

export async function rightCallsCompile(lambda: Lambda, fn: LambdaFunction) {
  const made: LambdaFunction = await lambda.createFunction({
    FunctionName: 'resize',
    Role: 'arn:aws:iam::123456789012:role/r',
    Runtime: 'nodejs20.x',
    Handler: 'index.handler',
    Code: { ZipFile: './fn.zip' },
  });
  await lambda.createFunction({
    FunctionName: 'resize2',
    Role: 'r',
    Code: { ZipFile: new Uint8Array([80, 75]) },
  });
  const result: InvokeResult<{ width: number }> = await made.invoke<{ width: number }>({
    Payload: { width: 100 },
    LogType: 'Tail',
  });
  const width: number = result.payload.width;
  const logs: string | undefined = result.logs;
  const status: number | undefined = result.StatusCode;
  const untyped: unknown = (await fn.invoke()).payload;
  const raw: InvokeCommandOutput = await fn.invoke({ Payload: 'text' }, { raw: true });
  const event: InvokeCommandOutput = await fn.invoke({ Payload: [1], InvocationType: 'Event' });
  // JSON values of type aliases, readonly lists and optional members compile.
  type Order = { id: number; note?: string; lines: readonly { sku: string; qty: number }[] };
  const order: Order = { id: 1, lines: [{ sku: 'a', qty: 2 }] };
  const json: JsonValue = order;
  await fn.invoke({ Payload: order });
  await fn.invoke({ Payload: { nested: { deep: [null, true, 'x', 1.5] } }, LogType: 'None' });
  await fn.invoke({ Payload: new Uint8Array([123, 125]) }, { abortSignal: AbortSignal.timeout(5) });
  const code: UpdateFunctionCodeCommandOutput = await fn.updateCode({ ZipFile: './fn.zip' });
  const fromFiles: UpdateFunctionCodeCommandOutput = await fn.updateCode({
    files: { 'index.mjs': 'export const handler = async () => 1;', 'data.bin': new Uint8Array(2) },
    Publish: true,
  });
  const zip: Uint8Array = zipFiles({ 'index.mjs': '' });
  await lambda.createFunction({
    FunctionName: 'f',
    Role: 'r',
    Code: { files: { 'index.mjs': 'export const handler = async () => 1;' } },
  });

  const version: FunctionVersion = await fn.publishVersion({ Description: 'v' });
  const versionId: string = version.version;
  await version.waitUntilActive({ maxWaitTime: 60, minDelay: 1 });
  const alias: Alias = await version.createAlias({ Name: 'live' });
  const updated: UpdateAliasCommandOutput = await alias.update({ FunctionVersion: versionId });
  const target: FunctionVersion | undefined = await alias.version;
  const viaAlias = await alias.invoke<string[]>({ Payload: {} });
  const first: string | undefined = viaAlias.payload[0];

  const layerVersion: LayerVersion = await lambda.Layer('libs').publishVersion({
    Content: { ZipFile: './layer.zip' },
  });
  const layerNumber: number = layerVersion.version;
  const published: LayerVersion = await lambda.publishLayerVersion({
    LayerName: 'libs',
    Content: { S3Bucket: 'b', S3Key: 'k' },
  });
  for await (const listed of lambda.functions.filter({ FunctionVersion: 'ALL' }).limit(5)) {
    const fnListed: LambdaFunction = listed;
    void fnListed;
  }
  for await (const v of fn.versions.all()) void (v satisfies FunctionVersion);
  for await (const a of fn.aliases.all()) void (a satisfies Alias);
  for await (const m of fn.eventSourceMappings.all()) void (m satisfies EventSourceMapping);
  for await (const l of lambda.layers.all()) void (l satisfies Layer);
  await fn.tag({ Tags: { team: 'media' } });
  await fn.waitUntilUpdated({ maxWaitTime: 60 });

  try {
    await fn.invoke({ Payload: {} });
  } catch (error) {
    if (error instanceof FunctionInvocationError) {
      const fields: [string | undefined, string, readonly string[], InvokeCommandOutput] = [
        error.errorType,
        error.errorMessage,
        error.trace,
        error.result,
      ];
      void fields;
    }
  }
  return [
    json,
    width,
    logs,
    status,
    untyped,
    raw,
    event,
    code,
    fromFiles,
    zip,
    updated,
    target,
    first,
    layerNumber,
    published,
  ];
}
