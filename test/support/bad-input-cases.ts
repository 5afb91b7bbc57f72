/**
 * Every bad input the reliability suite tries: each must be rejected before any request with
 * an error that names the problem. test/integration/reliability-bad-input.test.ts runs them
 * and keeps the table in docs/reliability.md in step with this list.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadDefinition } from '../../src/core/definition-loader.js';
import { Attr, DynamoDB, Key } from '../../src/resources/dynamodb/index.js';
import { EC2 } from '../../src/resources/ec2/index.js';
import { Lambda } from '../../src/resources/lambda/index.js';
import { S3 } from '../../src/resources/s3/index.js';
import { Session } from '../../src/session.js';

export interface BadInputContext {
  readonly s3: S3;
  readonly dynamodb: DynamoDB;
  readonly ec2: EC2;
  readonly lambda: Lambda;
  /** A scratch directory for broken definition files and missing paths. */
  readonly dir: string;
}

export interface BadInputCase {
  /** The table's section. */
  readonly area: string;
  /** What the caller does, as code (shown in the table). */
  readonly input: string;
  /** The error's class name. */
  readonly error: string;
  /** What the message must say. */
  readonly message: RegExp;
  /** Does it: throws, or returns a promise that rejects. */
  readonly run: (ctx: BadInputContext) => unknown;
}

/** A plain-JavaScript caller: anything goes past the types. */
type Loose = never;
const js = <T>(value: T): Loose => value as unknown as Loose;

const definitions = resolve(__dirname, '..', '..', 'resource-definitions');

/** Writes a copy of s3.json broken by `breakIt` (with the schema beside it) and loads it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- breaks a parsed JSON file at will
function loadBroken(dir: string, name: string, breakIt: (d: Record<string, any>) => void) {
  const folder = join(dir, 'definitions');
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(definitions, 'schema.json'), join(folder, 'schema.json'));
  const definition = JSON.parse(readFileSync(join(definitions, 's3.json'), 'utf8'));
  breakIt(definition);
  const file = join(folder, `${name}.json`);
  writeFileSync(file, JSON.stringify(definition));
  return loadDefinition(file);
}

function loadText(dir: string, name: string, text: string) {
  const folder = join(dir, 'definitions');
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(definitions, 'schema.json'), join(folder, 'schema.json'));
  const file = join(folder, `${name}.json`);
  writeFileSync(file, text);
  return loadDefinition(file);
}

const bucket = (c: BadInputContext) => c.s3.Bucket('reliability-bad-input');
const table = (c: BadInputContext) => c.dynamodb.Table('reliability-bad-input');
const putItem = (c: BadInputContext, Item: Record<string, unknown>) =>
  table(c).putItem({ Item: js(Item) });
const FAST = { minDelay: 0.05, maxDelay: 0.1 };

export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  // Definition files
  {
    area: 'Definition files',
    input: 'a definition that is not JSON',
    error: 'DefinitionError',
    message: /broken-json\.json: \$: is not valid JSON/,
    run: (c) => loadText(c.dir, 'broken-json', '{ "service": '),
  },
  {
    area: 'Definition files',
    input: 'a definition file that does not exist',
    error: 'DefinitionError',
    message: /missing\.json: \$: cannot be read/,
    run: (c) => loadDefinition(join(c.dir, 'missing.json')),
  },
  {
    area: 'Definition files',
    input: 'an unknown member (`resources.Bucket.colour`)',
    error: 'DefinitionError',
    message: /\$\.resources\.Bucket: unknown member 'colour'/,
    run: (c) => loadBroken(c.dir, 'unknown-member', (d) => (d.resources.Bucket.colour = 'red')),
  },
  {
    area: 'Definition files',
    input: 'a required member missing (`service.client`)',
    error: 'DefinitionError',
    message: /\$\.service: missing member 'client'/,
    run: (c) => loadBroken(c.dir, 'missing-member', (d) => delete d.service.client),
  },
  {
    area: 'Definition files',
    input: 'a sub-resource of a type that is not declared',
    error: 'DefinitionError',
    message: /\$\.service\.has\.Bucket\.resource\.type: no resource 'Nope'/,
    run: (c) =>
      loadBroken(c.dir, 'no-resource', (d) => (d.service.has.Bucket.resource.type = 'Nope')),
  },
  {
    area: 'Definition files',
    input: 'a request param drawn from an identifier the resource lacks',
    error: 'DefinitionError',
    message: /\$\.resources\.Bucket\.load\.request\.params\[0\]\.name: no identifier 'Nope'/,
    run: (c) =>
      loadBroken(c.dir, 'no-identifier', (d) => {
        d.resources.Bucket.load.request.params[0].name = 'Nope';
      }),
  },
  {
    area: 'Definition files',
    input: 'an identifier `pattern` without the `format` that words it',
    error: 'DefinitionError',
    message:
      /\$\.resources\.Bucket\.identifiers\[0\]: must have property format when property pattern is present/,
    run: (c) =>
      loadBroken(c.dir, 'pattern-without-format', (d) => {
        d.resources.Bucket.identifiers[0].pattern = '^[a-z0-9.-]+$';
      }),
  },
  {
    area: 'Definition files',
    input: 'an identifier `pattern` that is not a regular expression',
    error: 'DefinitionError',
    message: /\$\.resources\.Bucket\.identifiers\[0\]\.pattern: Invalid regular expression/,
    run: (c) =>
      loadBroken(c.dir, 'bad-pattern', (d) => {
        d.resources.Bucket.identifiers[0].pattern = '^[a-z';
        d.resources.Bucket.identifiers[0].format = 'a bucket name';
      }),
  },
  // Identifiers
  {
    area: 'Identifiers',
    input: "`s3.Bucket('')`",
    error: 'IdentifierError',
    message: /^Bucket: identifier 'name' must not be empty$/,
    run: (c) => c.s3.Bucket(''),
  },
  {
    area: 'Identifiers',
    input: '`s3.Bucket()`',
    error: 'IdentifierError',
    message: /^Bucket: identifier 'name' is missing$/,
    run: (c) => (c.s3.Bucket as (...a: unknown[]) => unknown)(),
  },
  {
    area: 'Identifiers',
    input: '`s3.Bucket(42)`',
    error: 'IdentifierError',
    message: /^Bucket: identifier 'name' must be a string, got number$/,
    run: (c) => c.s3.Bucket(js(42)),
  },
  {
    area: 'Identifiers',
    input: "`s3.Object('b', null)`",
    error: 'IdentifierError',
    message: /^S3Object: identifier 'key' is missing$/,
    run: (c) => c.s3.Object('b', js(null)),
  },
  {
    area: 'Identifiers',
    input: "`bucket.Object('')`",
    error: 'IdentifierError',
    message: /^S3Object: identifier 'key' must not be empty$/,
    run: (c) => bucket(c).Object(''),
  },
  {
    area: 'Identifiers',
    input: "`bucket.Object({ key: 'a' })`",
    error: 'IdentifierError',
    message: /^S3Object: identifier 'key' must be a string, got object$/,
    run: (c) => bucket(c).Object(js({ key: 'a' })),
  },
  {
    area: 'Identifiers',
    input: "`s3.Bucket('a', 'b')`",
    error: 'ParamValidationError',
    message: /^S3\.Bucket\(\) takes 1 argument\(s\), got 2$/,
    run: (c) => (c.s3.Bucket as (...a: unknown[]) => unknown)('a', 'b'),
  },
  {
    area: 'Identifiers',
    input: "`s3.MultipartUpload('b', 'k', 'u').Part(1.5)`",
    error: 'IdentifierError',
    message: /identifier 'partNumber' must be an integer, got 1\.5$/,
    run: (c) => c.s3.MultipartUpload('b', 'k', 'u').Part(js(1.5)),
  },
  {
    area: 'Identifiers',
    input: "`dynamodb.Table('')`",
    error: 'IdentifierError',
    message: /^Table: identifier 'name' must not be empty$/,
    run: (c) => c.dynamodb.Table(''),
  },
  {
    area: 'Identifiers',
    input: '`ec2.Instance(undefined)`',
    error: 'IdentifierError',
    message: /^Instance: identifier 'id' is missing$/,
    run: (c) => c.ec2.Instance(js(undefined)),
  },
  {
    area: 'Identifiers',
    input: "`lambda.Function(['f'])`",
    error: 'IdentifierError',
    message: /identifier 'name' must be a string, got object$/,
    run: (c) => c.lambda.Function(js(['f'])),
  },
  ...(
    [
      ["`lambda.Function(' ')`", ' '],
      ["`lambda.Function('my function')`", 'my function'],
      ["`lambda.Function('fn/1')`", 'fn/1'],
      ["`lambda.Function('arn:aws:s3:::bucket')`", 'arn:aws:s3:::bucket'],
    ] as const
  ).map(([input, name]): BadInputCase => ({
    area: 'Identifiers',
    input,
    error: 'IdentifierError',
    message: new RegExp(
      `^LambdaFunction: identifier 'name' must be a function name, ARN or partial ARN, with an optional :version or :alias \\(letters, digits, '-', '_', '\\.'\\), got ${JSON.stringify(name).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`,
    ),
    run: (c) => c.lambda.Function(name),
  })),
  {
    area: 'Identifiers',
    input: "`lambda.Alias(' ', 'live')`",
    error: 'IdentifierError',
    message: /^Alias: identifier 'functionName' must be a function name/,
    run: (c) => c.lambda.Alias(' ', 'live'),
  },
  {
    area: 'Identifiers',
    input: "`lambda.LayerVersion('l', '1')`",
    error: 'IdentifierError',
    message: /identifier 'version' must be an integer, got "1"$/,
    run: (c) => c.lambda.LayerVersion('l', js('1')),
  },
  // Collections
  ...(
    [
      ['limit', -1, 0],
      ['limit', 1.5, 0],
      ['limit', Number.NaN, 0],
      ['limit', '10', 0],
      ['pageSize', 0, 1],
      ['pageSize', -3, 1],
      ['pageSize', 2.5, 1],
      ['pageSize', Infinity, 1],
    ] as const
  ).map(([method, value, least]): BadInputCase => ({
    area: 'Collections',
    input: `\`bucket.objects.${method}(${typeof value === 'string' ? `'${value}'` : String(value)})\``,
    error: 'ParamValidationError',
    message: new RegExp(
      `^Bucket\\.objects\\.${method}: expected an integer ≥ ${least}, got ${typeof value === 'string' ? `"${value}"` : String(value)}$`,
    ),
    run: (c) => bucket(c).objects[method](js(value)),
  })),
  {
    area: 'Collections',
    input: '`table.scan().limit(-1)`',
    error: 'ParamValidationError',
    message: /\.limit: expected an integer ≥ 0, got -1$/,
    run: (c) => table(c).scan().limit(-1),
  },
  {
    area: 'Collections',
    input: '`ec2.instances.pageSize(0)`',
    error: 'ParamValidationError',
    message: /^EC2\.instances\.pageSize: expected an integer ≥ 1, got 0$/,
    run: (c) => c.ec2.instances.pageSize(0),
  },
  {
    area: 'Collections',
    input: '`bucket.objects.filter(null)`',
    error: 'ParamValidationError',
    message: /^Bucket\.objects\.filter: params must be an object$/,
    run: (c) => bucket(c).objects.filter(js(null)),
  },
  {
    area: 'Collections',
    input: "`bucket.objects.filter({ Bucket: 'other' }).toArray()`",
    error: 'ParamValidationError',
    message: /'Bucket' is filled from the resource \("reliability-bad-input"\); do not pass it/,
    run: (c) =>
      bucket(c)
        .objects.filter(js({ Bucket: 'other' }))
        .toArray(),
  },
  // Actions
  {
    area: 'Actions',
    input: "`bucket.putObject('a.txt')`",
    error: 'ParamValidationError',
    message: /^Bucket\.putObject: params must be an object, got string$/,
    run: (c) => bucket(c).putObject(js('a.txt')),
  },
  {
    area: 'Actions',
    input: "`bucket.putObject({ Bucket: 'other', Key: 'k' })`",
    error: 'ParamValidationError',
    message: /^Bucket\.putObject: 'Bucket' is filled from the resource/,
    run: (c) => bucket(c).putObject(js({ Bucket: 'other', Key: 'k' })),
  },
  {
    area: 'Actions',
    input: "`object.load({ abortSignal: 'soon' })`",
    error: 'ParamValidationError',
    message: /^S3Object\.load: options\.abortSignal must be an AbortSignal, got "soon"$/,
    run: (c) =>
      bucket(c)
        .Object('k')
        .load(js({ abortSignal: 'soon' })),
  },
  {
    area: 'Actions',
    input: '`object.load({ signal: {} })`',
    error: 'ParamValidationError',
    message: /^S3Object\.load: options\.signal must be an AbortSignal, got an object$/,
    run: (c) =>
      bucket(c)
        .Object('k')
        .load(js({ signal: {} })),
  },
  {
    area: 'Actions',
    input: '`object.load({ abortSignal: one, signal: other })`',
    error: 'ParamValidationError',
    message:
      /^S3Object\.load: options\.abortSignal and options\.signal are two different signals: pass one of them$/,
    run: (c) =>
      bucket(c)
        .Object('k')
        .load({ abortSignal: new AbortController().signal, signal: new AbortController().signal }),
  },
  {
    area: 'Actions',
    input: '`bucket.delete({}, 42)`',
    error: 'ParamValidationError',
    message: /^Bucket\.delete: options must be an object$/,
    run: (c) => bucket(c).delete({}, js(42)),
  },
  {
    area: 'Actions',
    input: "`bucket.putObject({ Key: '' })`",
    error: 'ParamValidationError',
    message: /^Bucket\.putObject: params\.Key must not be empty \(it is the S3Object's key\)$/,
    run: (c) => bucket(c).putObject({ Key: '' }),
  },
  {
    area: 'Actions',
    input: "`bucket.putObject({ Body: 'x' })`",
    error: 'ParamValidationError',
    message: /^Bucket\.putObject: params\.Key is missing \(it is the S3Object's key\)$/,
    run: (c) => bucket(c).putObject(js({ Body: 'x' })),
  },
  {
    area: 'Actions',
    input: "`s3.createBucket({ Bucket: '' })`",
    error: 'ParamValidationError',
    message: /^S3\.createBucket: params\.Bucket must not be empty \(it is the Bucket's name\)$/,
    run: (c) => c.s3.createBucket({ Bucket: '' }),
  },
  {
    area: 'Actions',
    input: '`s3.createBucket({ Bucket: 7 })`',
    error: 'ParamValidationError',
    message: /^S3\.createBucket: params\.Bucket must be a string, got number/,
    run: (c) => c.s3.createBucket({ Bucket: js(7) }),
  },
  {
    area: 'Actions',
    input: "`lambda.createFunction({ FunctionName: ' ', ... })`",
    error: 'ParamValidationError',
    message:
      /^Lambda\.createFunction: params\.FunctionName must be a function name, ARN or partial ARN.*, got " " \(it is the LambdaFunction's name\)$/,
    run: (c) =>
      c.lambda.createFunction({
        FunctionName: ' ',
        Role: 'arn:aws:iam::123456789012:role/r',
        Code: { S3Bucket: 'b', S3Key: 'k' },
      }),
  },
  {
    area: 'Actions',
    input: "`fn.createAlias({ Name: '', FunctionVersion: '1' })`",
    error: 'ParamValidationError',
    message:
      /^LambdaFunction\.createAlias: params\.Name must not be empty \(it is the Alias's name\)$/,
    run: (c) => c.lambda.Function('f').createAlias({ Name: '', FunctionVersion: '1' }),
  },
  {
    area: 'Actions',
    input: "`fn.removePermission({ StatementId: '' })`",
    error: 'ParamValidationError',
    message:
      /^LambdaFunction\.removePermission: params\.StatementId must not be empty \(it is a label of the request URL\)$/,
    run: (c) => c.lambda.Function('f').removePermission({ StatementId: '' }),
  },
  {
    area: 'Actions',
    input: "`vpc.createTags({ Tags: [{ Key: 'a' }, { Key: '' }] })`",
    error: 'ParamValidationError',
    message: /^Vpc\.createTags: params\.Tags\[1\]\.Key must not be empty \(it is the Tag's key\)$/,
    run: (c) => c.ec2.Vpc('vpc-1').createTags({ Tags: [{ Key: 'a', Value: '' }, { Key: '' }] }),
  },
  {
    area: 'Actions',
    input: "`bucket.putObject({ Key: 'k', abortSignal })`",
    error: 'ParamValidationError',
    message:
      /^Bucket\.putObject: 'abortSignal' is not a request param: pass it in the options, the next argument \(putObject\(params, \{ abortSignal \}\)\)$/,
    run: (c) => bucket(c).putObject(js({ Key: 'k', abortSignal: new AbortController().signal })),
  },
  {
    area: 'Actions',
    input: '`fn.invoke({ Payload: 1n })`',
    error: 'ParamValidationError',
    message: /^LambdaFunction\.invoke: Payload is a bigint, which JSON cannot carry$/,
    run: (c) => c.lambda.Function('f').invoke({ Payload: js(1n) }),
  },
  {
    area: 'Actions',
    input: '`fn.invoke({ Payload: { items: [1, 2, () => 1] } })`',
    error: 'ParamValidationError',
    message: /^LambdaFunction\.invoke: Payload\.items\[2\] is a function, which JSON cannot carry$/,
    run: (c) => c.lambda.Function('f').invoke({ Payload: js({ items: [1, 2, () => 1] }) }),
  },
  {
    area: 'Actions',
    input: "`fn.invoke({ Payload: { tags: new Map([['a', 1]]) } })`",
    error: 'ParamValidationError',
    message: /^LambdaFunction\.invoke: Payload\.tags is a Map, which JSON cannot carry/,
    run: (c) => c.lambda.Function('f').invoke({ Payload: js({ tags: new Map([['a', 1]]) }) }),
  },
  {
    area: 'Actions',
    input: '`fn.invoke({ Payload: { list: [undefined] } })`',
    error: 'ParamValidationError',
    message:
      /^LambdaFunction\.invoke: Payload\.list\[0\] is undefined, which JSON cannot carry in a list/,
    run: (c) => c.lambda.Function('f').invoke({ Payload: js({ list: [undefined] }) }),
  },
  {
    area: 'Actions',
    input: '`fn.invoke({ Payload: { n: NaN } })`',
    error: 'ParamValidationError',
    message: /^LambdaFunction\.invoke: Payload\.n is NaN, which JSON cannot carry/,
    run: (c) => c.lambda.Function('f').invoke({ Payload: { n: Number.NaN } }),
  },
  {
    area: 'Actions',
    input: '`fn.invoke({ Payload: event })` where `event.self = event`',
    error: 'ParamValidationError',
    message:
      /^LambdaFunction\.invoke: Payload\.self refers back to Payload: JSON cannot carry a cycle$/,
    run: (c) => {
      const event: Record<string, unknown> = {};
      event.self = event;
      return c.lambda.Function('f').invoke({ Payload: js(event) });
    },
  },
  {
    area: 'Actions',
    input: "`fn.invoke({}, { raw: 'yes' })`",
    error: 'ParamValidationError',
    message: /options\.raw must be a boolean$/,
    run: (c) => c.lambda.Function('f').invoke({}, js({ raw: 'yes' })),
  },
  // Batch actions
  ...(
    [
      ['abortSignal', new AbortController().signal, 'abortSignal'],
      ['signal', new AbortController().signal, 'signal'],
      ['concurrency', 4, 'concurrency'],
    ] as const
  ).map(([name, value, option]): BadInputCase => ({
    area: 'Batch actions',
    input: `\`bucket.objects.all().delete({ ${name} })\``,
    error: 'ParamValidationError',
    message: new RegExp(
      `^Bucket\\.objects\\.delete: '${name}' is not a request param: pass it in the options, the next argument \\(delete\\(params, \\{ ${option} \\}\\)\\)$`,
    ),
    run: (c) =>
      bucket(c)
        .objects.all()
        .delete(js({ [name]: value })),
  })),
  {
    area: 'Batch actions',
    input: '`bucket.objects.all().delete({ Quiet: true })`',
    error: 'ParamValidationError',
    message:
      /^Bucket\.objects\.delete: unknown param 'Quiet': the request takes 'Delete', 'MFA', .*\(the collection's items fill the rest\)$/,
    run: (c) =>
      bucket(c)
        .objects.all()
        .delete(js({ Quiet: true })),
  },
  {
    area: 'Batch actions',
    input: "`bucket.objects.all().delete({ Bucket: 'other' })`",
    error: 'ParamValidationError',
    message: /^Bucket\.objects\.delete: unknown param 'Bucket'/,
    run: (c) =>
      bucket(c)
        .objects.all()
        .delete(js({ Bucket: 'other' })),
  },
  {
    area: 'Batch actions',
    input: '`ec2.instances.all().terminate({ DryRun: true, signal })`',
    error: 'ParamValidationError',
    message: /^EC2\.instances\.terminate: 'signal' is not a request param/,
    run: (c) =>
      c.ec2.instances.all().terminate(js({ DryRun: true, signal: new AbortController().signal })),
  },
  {
    area: 'Batch actions',
    input: "`bucket.objects.all().delete('all')`",
    error: 'ParamValidationError',
    message: /^Bucket\.objects\.delete: params must be an object, got string$/,
    run: (c) => bucket(c).objects.all().delete(js('all')),
  },
  // Service options
  {
    area: 'Service options',
    input: "`new S3({ client, region: 'eu-west-1' })`",
    error: 'ParamValidationError',
    message:
      /^S3Client options: 'region' beside \{ client \} would not apply \(the client keeps its own config\): configure the client where it is made$/,
    run: (c) => new S3(js({ client: c.s3.meta.client, region: 'eu-west-1' })),
  },
  {
    area: 'Service options',
    input: '`new DynamoDB({ client, endpoint, credentials })`',
    error: 'ParamValidationError',
    message:
      /^DynamoDBClient options: 'endpoint', 'credentials' beside \{ client \} would not apply/,
    run: (c) =>
      new DynamoDB(
        js({
          client: c.dynamodb.meta.client,
          endpoint: 'http://127.0.0.1:1',
          credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
        }),
      ),
  },
  {
    area: 'Service options',
    input: '`new S3({ client, session })`',
    error: 'ParamValidationError',
    message: /^S3Client options: 'session' beside \{ client \} would not apply/,
    run: (c) =>
      new S3(js({ client: c.s3.meta.client, session: new Session({ region: 'us-east-1' }) })),
  },
  {
    area: 'Service options',
    input: "`new S3({ session, region: 'eu-west-1' })`",
    error: 'ParamValidationError',
    message:
      /^S3Client options: 'region' beside \{ session \} would not apply \(the session shares one client\): give client config to new Session\(\{ clientConfig \}\)$/,
    run: () => new S3(js({ session: new Session({ region: 'us-east-1' }), region: 'eu-west-1' })),
  },
  {
    area: 'Service options',
    input: "`new EC2('us-east-1')`",
    error: 'ParamValidationError',
    message: /^EC2Client options must be an object$/,
    run: () => new EC2(js('us-east-1')),
  },
  // DynamoDB values
  ...(
    [
      ['an empty Set', '`{ tags: new Set() }`', { tags: new Set() }, /tags/],
      ['NaN', '`{ n: NaN }`', { n: Number.NaN }, /\bn\b.*NaN|NaN.*\bn\b/],
      ['Infinity', '`{ n: Infinity }`', { n: Infinity }, /\bn\b.*Infinity|Infinity.*\bn\b/],
      ['an unsafe integer', '`{ n: 2 ** 53 + 2 }`', { n: 2 ** 53 + 2 }, /\bn\b/],
      ['a function', '`{ f: () => 1 }`', { f: () => 1 }, /\bf\b.*function|function.*\bf\b/],
      ['a symbol', "`{ s: Symbol('x') }`", { s: Symbol('x') }, /\bs\b.*symbol|symbol.*\bs\b/],
      ['a Date', '`{ at: new Date() }`', { at: new Date(0) }, /\bat\b.*Date|Date.*\bat\b/],
      ['a class instance', "`{ u: new URL('http://x') }`", { u: new URL('http://x') }, /\bu\b/],
      ['a Set of mixed types', "`{ s: new Set([1, 'a']) }`", { s: new Set([1, 'a']) }, /\bs\b/],
      ['undefined', '`{ u: undefined }`', { u: undefined }, /\bu\b.*undefined|undefined.*\bu\b/],
      [
        'a nested bad value',
        '`{ m: { list: [1, NaN] } }`',
        { m: { list: [1, NaN] } },
        /m\.list\[1\]|m\.list/,
      ],
    ] as const
  ).map(([what, shown, extra, names]): BadInputCase => ({
    area: 'DynamoDB values',
    input: `${what}: \`table.putItem({ Item: { id: 'x', ${shown.slice(3, -3)} } })\``,
    error: 'ParamValidationError',
    message: new RegExp(`Table\\.putItem[^]*(${names.source})`),
    run: (c) => putItem(c, { id: 'x', ...extra }),
  })),
  {
    area: 'DynamoDB values',
    input: "`writer.putItem({ Item: { id: 'x', at: new Date() } })`",
    error: 'ParamValidationError',
    message: /Table\.batchWriter\.putItem[^]*at/,
    run: async (c) => {
      const writer = table(c).batchWriter();
      try {
        await writer.putItem({ Item: js({ id: 'x', at: new Date(0) }) });
      } finally {
        await writer.close();
      }
    },
  },
  {
    area: 'DynamoDB values',
    input: '`dynamodb.batchGetItem({ RequestItems: {} })`',
    error: 'ParamValidationError',
    message: /^DynamoDB\.batchGetItem: RequestItems must name at least one table$/,
    run: (c) => c.dynamodb.batchGetItem({ RequestItems: {} }),
  },
  {
    area: 'DynamoDB values',
    input: "`table.query({ KeyConditionExpression: Attr('a').eq(1) }).toArray()`",
    error: 'ParamValidationError',
    message: /KeyConditionExpression/,
    run: (c) =>
      table(c)
        .query({ KeyConditionExpression: js(Attr('a').eq(1)) })
        .toArray(),
  },
  {
    area: 'DynamoDB values',
    input: "`Attr('a').in([])`",
    error: 'ParamValidationError',
    message: /in\(\): give a non-empty array of values$/,
    run: () => Attr('a').in([]),
  },
  {
    area: 'DynamoDB values',
    input: "`Key('').eq(1)`",
    error: 'ParamValidationError',
    message: /^Key\(""\): an attribute name must be a non-empty string, got ""$/,
    run: () => Key('').eq(1),
  },
  {
    area: 'DynamoDB values',
    input: '`table.batchWriter({ concurrency: 0 })`',
    error: 'ParamValidationError',
    message: /^Table\.batchWriter: concurrency must be an integer ≥ 1, got 0$/,
    run: (c) => table(c).batchWriter({ concurrency: 0 }),
  },
  {
    area: 'DynamoDB values',
    input: '`table.batchWriter({ overwriteByPkeys: [] })`',
    error: 'ParamValidationError',
    message: /overwriteByPkeys must be a non-empty list of attribute names$/,
    run: (c) => table(c).batchWriter({ overwriteByPkeys: [] }),
  },
  {
    area: 'DynamoDB values',
    input: '`dynamodb.batchWriteItem(params, { maxAttempts: 0 })`',
    error: 'ParamValidationError',
    message: /maxAttempts must be a number ≥ 1, got 0$/,
    run: (c) =>
      c.dynamodb.batchWriteItem(
        { RequestItems: { t: [{ PutRequest: { Item: { id: 'x' } } }] } },
        { maxAttempts: 0 },
      ),
  },
  // Presigned URLs
  ...([604_801, 0, -1, 1.5] as const).map((expiresIn): BadInputCase => ({
    area: 'Presigned URLs',
    input: `\`object.presignGet({ expiresIn: ${expiresIn} })\``,
    error: 'ParamValidationError',
    message: new RegExp(
      `^presignGet: expiresIn must be an integer from 1 to 604800 seconds \\(7 days\\), got ${String(expiresIn).replace('.', '\\.')}$`,
    ),
    run: (c) => bucket(c).Object('k').presignGet({ expiresIn }),
  })),
  {
    area: 'Presigned URLs',
    input: '`object.presignPut({ expiresIn: 8 * 86400 })`',
    error: 'ParamValidationError',
    message:
      /^presignPut: expiresIn must be an integer from 1 to 604800 seconds \(7 days\), got 691200$/,
    run: (c) =>
      bucket(c)
        .Object('k')
        .presignPut({ expiresIn: 8 * 86400 }),
  },
  {
    area: 'Presigned URLs',
    input: "`object.presignGet({ expiresIn: '60' })`",
    error: 'ParamValidationError',
    message: /^presignGet: expiresIn must be a number of seconds, got string$/,
    run: (c) =>
      bucket(c)
        .Object('k')
        .presignGet({ expiresIn: js('60') }),
  },
  // Waiters
  ...(
    [
      [
        '`bucket.waitUntilExists({ maxWaitTime: 0 })`',
        (c: BadInputContext) => bucket(c).waitUntilExists({ maxWaitTime: 0 }),
        /^Bucket\.waitUntilExists: maxWaitTime must be a positive number of seconds, got 0$/,
      ],
      [
        '`bucket.waitUntilExists({ maxWaitTime: -5 })`',
        (c: BadInputContext) => bucket(c).waitUntilExists({ maxWaitTime: -5 }),
        /maxWaitTime must be a positive number of seconds, got -5$/,
      ],
      [
        '`bucket.waitUntilExists({ maxWaitTime: NaN })`',
        (c: BadInputContext) => bucket(c).waitUntilExists({ maxWaitTime: Number.NaN }),
        /maxWaitTime must be a positive number of seconds, got NaN$/,
      ],
      [
        "`bucket.waitUntilExists({ maxWaitTime: '60' })`",
        (c: BadInputContext) => bucket(c).waitUntilExists({ maxWaitTime: js('60') }),
        /maxWaitTime must be a positive number of seconds, got "60"$/,
      ],
      [
        '`table.waitUntilExists({ maxWaitTime: 0 })`',
        (c: BadInputContext) => table(c).waitUntilExists({ maxWaitTime: 0 }),
        /^Table\.waitUntilExists: maxWaitTime must be a positive number/,
      ],
      [
        "`ec2.Instance('i-1').waitUntilRunning({ maxWaitTime: -1 })`",
        (c: BadInputContext) => c.ec2.Instance('i-1').waitUntilRunning({ maxWaitTime: -1 }),
        /^Instance\.waitUntilRunning: maxWaitTime must be a positive number/,
      ],
      [
        '`fn.waitUntilActive({ maxWaitTime: 0 })`',
        (c: BadInputContext) => c.lambda.Function('f').waitUntilActive({ maxWaitTime: 0 }),
        /\.waitUntilActive: maxWaitTime must be a positive number/,
      ],
      [
        '`bucket.waitUntilExists({ minDelay: 2, maxDelay: 1 })`',
        (c: BadInputContext) => bucket(c).waitUntilExists({ minDelay: 2, maxDelay: 1 }),
        /minDelay \(2\) must not exceed maxDelay \(1\)$/,
      ],
      [
        '`bucket.waitUntilExists({ minDelay: 5, maxWaitTime: 5 })`',
        (c: BadInputContext) => bucket(c).waitUntilExists({ minDelay: 5, maxWaitTime: 5 }),
        /minDelay \(5\) must be less than maxWaitTime \(5\)$/,
      ],
      [
        '`bucket.waitUntilExists({ ...fast, maxDelay: 0 })`',
        (c: BadInputContext) => bucket(c).waitUntilExists({ ...FAST, maxDelay: 0 }),
        /maxDelay must be a positive number of seconds, got 0$/,
      ],
    ] as const
  ).map(([input, run, message]): BadInputCase => ({
    area: 'Waiters',
    input,
    error: 'ParamValidationError',
    message,
    run,
  })),
  // Transfers
  {
    area: 'Transfers',
    input: "`bucket.uploadStream('x', 'k', { partSize: 1024 * 1024 })`",
    error: 'ParamValidationError',
    message: /^uploadStream: partSize must be at least 5 MiB \(5242880 bytes\), got 1048576$/,
    run: (c) => bucket(c).uploadStream('x', 'k', { partSize: 1024 * 1024 }),
  },
  {
    area: 'Transfers',
    input: "`bucket.uploadStream('x', 'k', { concurrency: 0 })`",
    error: 'ParamValidationError',
    message: /^uploadStream: concurrency must be a positive integer, got 0$/,
    run: (c) => bucket(c).uploadStream('x', 'k', { concurrency: 0 }),
  },
  {
    area: 'Transfers',
    input: "`bucket.uploadStream(42, 'k')`",
    error: 'ParamValidationError',
    message: /^uploadStream: body must be a Readable, Uint8Array, string or Blob, got number$/,
    run: (c) => bucket(c).uploadStream(js(42), 'k'),
  },
  {
    area: 'Transfers',
    input: "`bucket.uploadFile('/no/such/file', 'k')`",
    error: 'Error',
    message: /^uploadFile: filePath "\/no\/such\/file" cannot be read \(ENOENT\)$/,
    run: (c) => bucket(c).uploadFile('/no/such/file', 'k'),
  },
  {
    area: 'Transfers',
    input: "`bucket.downloadFile('k', '')`",
    error: 'ParamValidationError',
    message: /^downloadFile: filePath must be a non-empty string, got ""$/,
    run: (c) => bucket(c).downloadFile('k', ''),
  },
  {
    area: 'Transfers',
    input: "`bucket.downloadFile('k', '/no/such/dir/f')`",
    error: 'ParamValidationError',
    message: /^downloadFile: the directory of filePath "\/no\/such\/dir\/f" does not exist$/,
    run: (c) => bucket(c).downloadFile('k', '/no/such/dir/f'),
  },
  {
    area: 'Transfers',
    input: "`bucket.copy({ Bucket: '', Key: 'k' }, 'copy')`",
    error: 'ParamValidationError',
    message: /source\.Bucket must be a non-empty string, got ""$/,
    run: (c) => bucket(c).copy({ Bucket: '', Key: 'k' }, 'copy'),
  },
  {
    area: 'Transfers',
    input: "`bucket.downloadDirectory('/no/such/dir')`",
    error: 'ParamValidationError',
    message: /^downloadDirectory: dir "\/no\/such\/dir" is not an existing directory$/,
    run: (c) => bucket(c).downloadDirectory('/no/such/dir'),
  },
  {
    area: 'Transfers',
    input: '`bucket.downloadDirectory(dir, { concurrency: 0 })`',
    error: 'ParamValidationError',
    message: /^downloadDirectory: concurrency must be a positive integer, got 0$/,
    run: (c) => bucket(c).downloadDirectory(c.dir, { concurrency: 0 }),
  },
  {
    area: 'Transfers',
    input: '`bucket.downloadDirectory(dir, { prefix: 7 })`',
    error: 'ParamValidationError',
    message: /^downloadDirectory: prefix must be a string$/,
    run: (c) => bucket(c).downloadDirectory(c.dir, { prefix: js(7) }),
  },
];
