/**
 * FunctionVersion and Alias against moto: publishVersion, loading a version, its waiters,
 * delete; createAlias (from the function and from a version), loading, update, delete, the
 * version an alias points to; the versions and aliases collections.
 */
import {
  Alias,
  FunctionVersion,
  Lambda,
  type LambdaFunction,
} from '../../src/resources/lambda/index.js';
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

beforeAll(async () => {
  role = await ensureRole();
});
afterAll(() => counter.remove());
beforeEach(() => counter.reset());

/** A function with `count` published versions (each with its own code, as Lambda requires). */
async function withVersions(count: number): Promise<[LambdaFunction, FunctionVersion[]]> {
  const fn = await lambda.createFunction(functionParams(functionName('versions'), role));
  const versions: FunctionVersion[] = [];
  for (let i = 1; i <= count; i++) {
    if (i > 1) await fn.updateCode({ ZipFile: tinyZip({ 'index.js': `// v${i}\n` }) });
    versions.push(await fn.publishVersion({ Description: `release ${i}` }));
  }
  counter.reset();
  return [fn, versions];
}

describe('FunctionVersion', () => {
  it('publishVersion makes a FunctionVersion with the response as its data', async () => {
    const fn = await lambda.createFunction(functionParams(functionName('publish'), role));
    counter.reset();
    const version = await fn.publishVersion({ Description: 'first' });
    expect(version).toBeInstanceOf(FunctionVersion);
    expect([version.functionName, version.version]).toEqual([fn.name, '1']);
    expect(await version.description).toBe('first');
    expect(await version.functionArn).toMatch(new RegExp(`:function:${fn.name}:1$`));
    expect(counter.byOperation).toEqual({ PublishVersion: 1 });
    expect(counter.inputs[0]?.input).toEqual({ FunctionName: fn.name, Description: 'first' });
  });

  it('loads with GetFunctionConfiguration and its Qualifier, once', async () => {
    const [fn] = await withVersions(2);
    const version = fn.Version('2');
    const [description, codeSha] = await Promise.all([version.description, version.codeSha256]);
    expect(description).toBe('release 2');
    expect(codeSha).toEqual(expect.any(String));
    expect(counter.inputs).toEqual([
      { operation: 'GetFunctionConfiguration', input: { FunctionName: fn.name, Qualifier: '2' } },
    ]);
    expect(await fn.Version('9').exists()).toBe(false);
  });

  it('waitUntilExists and waitUntilActive poll this version', async () => {
    const [fn] = await withVersions(1);
    const version = fn.Version('1');
    await version.waitUntilExists({ maxWaitTime: 5, minDelay: 1 });
    expect(version.data?.Description).toBe('release 1'); // the waiter's response
    await version.waitUntilActive({ maxWaitTime: 5, minDelay: 1 });
    expect(counter.inputs).toEqual([
      { operation: 'GetFunction', input: { FunctionName: fn.name, Qualifier: '1' } },
      { operation: 'GetFunctionConfiguration', input: { FunctionName: fn.name, Qualifier: '1' } },
    ]);
  });

  it('delete removes only this version', async () => {
    const [fn, [first]] = await withVersions(2);
    await first?.delete();
    expect(counter.inputs[0]).toEqual({
      operation: 'DeleteFunction',
      input: { FunctionName: fn.name, Qualifier: '1' },
    });
    expect(await fn.Version('1').exists()).toBe(false);
    expect(await fn.Version('2').exists()).toBe(true);
    expect(await fn.exists()).toBe(true);
  });

  it('the versions collection lists $LATEST and every published version, with their data', async () => {
    const [fn] = await withVersions(3);
    const listed = await fn.versions.all().toArray();
    expect(listed.map((v) => v.version)).toEqual(['$LATEST', '1', '2', '3']);
    expect(listed.every((v) => v instanceof FunctionVersion && v.functionName === fn.name)).toBe(
      true,
    );
    expect(await listed[2]?.description).toBe('release 2'); // from the listing
    expect(counter.byOperation).toEqual({ ListVersionsByFunction: 1 });
    expect(counter.inputs[0]?.input).toEqual({ FunctionName: fn.name });
    counter.reset();
    await fn.versions.limit(2).toArray();
    expect(counter.inputs[0]?.input).toEqual({ FunctionName: fn.name, MaxItems: 2 });
  });
});

describe('Alias', () => {
  it('createAlias makes an Alias with the response as its data', async () => {
    const [fn] = await withVersions(1);
    const alias = await fn.createAlias({ Name: 'live', FunctionVersion: '1', Description: 'prod' });
    expect(alias).toBeInstanceOf(Alias);
    expect([alias.functionName, alias.name]).toEqual([fn.name, 'live']);
    expect(await alias.description).toBe('prod');
    expect(await alias.aliasArn).toMatch(new RegExp(`:function:${fn.name}:live$`));
    expect(counter.byOperation).toEqual({ CreateAlias: 1 });
  });

  it('a version makes an alias to itself', async () => {
    const [fn, [, second]] = await withVersions(2);
    const alias = await second!.createAlias({ Name: 'beta' });
    expect(counter.inputs[0]?.input).toEqual({
      FunctionName: fn.name,
      FunctionVersion: '2',
      Name: 'beta',
    });
    expect(await alias.functionVersion).toBe('2');
  });

  it('loads with GetAlias; update, version and delete', async () => {
    const [fn] = await withVersions(2);
    await fn.createAlias({ Name: 'live', FunctionVersion: '1' });
    counter.reset();
    const alias = fn.Alias('live');
    expect(await alias.functionVersion).toBe('1');
    expect(counter.inputs).toEqual([
      { operation: 'GetAlias', input: { FunctionName: fn.name, Name: 'live' } },
    ]);

    const updated = await alias.update({ FunctionVersion: '2', Description: 'moved' });
    expect(updated.FunctionVersion).toBe('2');
    await alias.reload();
    const version = await alias.version;
    expect(version).toBeInstanceOf(FunctionVersion);
    expect([version?.functionName, version?.version]).toEqual([fn.name, '2']);

    await alias.delete();
    expect(await alias.exists()).toBe(false);
  });

  it('the aliases collection lists every alias, with its data', async () => {
    const [fn] = await withVersions(1);
    for (const name of ['blue', 'green', 'live'])
      await fn.createAlias({ Name: name, FunctionVersion: '1' });
    counter.reset();
    const aliases = await fn.aliases.all().toArray();
    expect(aliases.map((a) => a.name).sort()).toEqual(['blue', 'green', 'live']);
    expect(aliases.every((a) => a.functionName === fn.name)).toBe(true);
    expect(await aliases[0]?.functionVersion).toBe('1');
    expect(counter.byOperation).toEqual({ ListAliases: 1 });
    counter.reset();
    const filtered = await fn.aliases.filter({ FunctionVersion: '1' }).limit(1).toArray();
    expect(filtered).toHaveLength(1);
    expect(counter.inputs[0]?.input).toEqual({
      FunctionName: fn.name,
      FunctionVersion: '1',
      MaxItems: 1,
    });
  });
});
