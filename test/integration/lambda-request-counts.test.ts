/**
 * The requests Lambda jobs cost, counted on the wire. This file has its own moto account, so
 * its listings hold exactly the functions it made. moto 5.2.1 does not page Lambda listings
 * (it ignores MaxItems and Marker and answers with everything); `pageLikeLambda` pages its
 * real responses as Lambda does, so the number of requests a listing needs can be counted.
 */
import { Lambda } from '../../src/resources/lambda/index.js';
import { countRequests } from '../support/request-counter.js';
import {
  ensureRole,
  functionName,
  functionParams,
  lambdaClient,
  pageLikeLambda,
} from '../support/lambda.js';

const FUNCTIONS = 120;

const client = lambdaClient();
pageLikeLambda(client);
const lambda = new Lambda({ client });
const counter = countRequests(client);
const names: string[] = [];

beforeAll(async () => {
  const role = await ensureRole();
  const prefix = functionName('count');
  // A few at a time: moto serves requests one by one anyway.
  for (let i = 0; i < FUNCTIONS; i += 10) {
    await Promise.all(
      Array.from({ length: 10 }, (_, j) => {
        const name = `${prefix}-${String(i + j).padStart(3, '0')}`;
        names.push(name);
        return lambda.createFunction(functionParams(name, role));
      }),
    );
  }
}, 60_000);

afterAll(() => counter.remove());
beforeEach(() => counter.reset());

describe('listing functions', () => {
  it(`lists ${FUNCTIONS} functions with pageSize 50 in 3 ListFunctions`, async () => {
    const listed: string[] = [];
    for await (const fn of lambda.functions.pageSize(50)) listed.push(fn.name);
    expect(listed.sort()).toEqual([...names].sort());
    expect(counter.byOperation).toEqual({ ListFunctions: 3 });
    expect(counter.inputs.map((i) => i.input)).toEqual([
      { MaxItems: 50 },
      { MaxItems: 50, Marker: '50' },
      { MaxItems: 50, Marker: '100' },
    ]);
  });

  it('pages() yields one page per request', async () => {
    const sizes: number[] = [];
    for await (const page of lambda.functions.all().pageSize(50).pages()) sizes.push(page.length);
    expect(sizes).toEqual([50, 50, 20]);
    expect(counter.count('ListFunctions')).toBe(3);
  });

  it('limit(10) sends one request asking for 10', async () => {
    const first = await lambda.functions.limit(10).toArray();
    expect(first).toHaveLength(10);
    expect(counter.inputs).toEqual([{ operation: 'ListFunctions', input: { MaxItems: 10 } }]);
  });

  it('limit(60) with pageSize(50) asks for 50, then 10', async () => {
    expect(await lambda.functions.pageSize(50).limit(60).toArray()).toHaveLength(60);
    expect(counter.inputs.map((i) => i.input)).toEqual([
      { MaxItems: 50 },
      { MaxItems: 10, Marker: '50' },
    ]);
  });

  it('all() leaves the page size to Lambda: no MaxItems is sent', async () => {
    expect(await lambda.functions.all().toArray()).toHaveLength(FUNCTIONS);
    expect(counter.inputs[0]?.input).toEqual({});
  });

  it('without the paging middleware, moto answers with every function at once', async () => {
    // Why pageLikeLambda exists; when this fails, moto pages and the middleware can go.
    const unpaged = lambdaClient();
    const unpagedCounter = countRequests(unpaged);
    const listed = await new Lambda({ client: unpaged }).functions.pageSize(50).toArray();
    expect(listed).toHaveLength(FUNCTIONS);
    expect(unpagedCounter.byOperation).toEqual({ ListFunctions: 1 });
    expect(unpagedCounter.inputs[0]?.input).toEqual({ MaxItems: 50 });
    unpagedCounter.remove();
  });

  it('listed functions carry their configuration: reading it sends nothing', async () => {
    const [fn] = await lambda.functions.limit(1).toArray();
    counter.reset();
    expect(await fn?.runtime).toBe('nodejs20.x');
    expect(await fn?.functionArn).toMatch(/:function:/);
    expect(counter.total).toBe(0);
  });
});

describe('resources are lazy', () => {
  it('making resources and collections sends nothing', () => {
    const fn = lambda.Function(names[0] ?? '');
    fn.Version('1');
    fn.Alias('live');
    void fn.versions.all().limit(3);
    lambda.Layer('libs').Version(1);
    lambda.EventSourceMapping('00000000-0000-0000-0000-000000000000');
    void lambda.functions.filter({ FunctionVersion: 'ALL' });
    expect(counter.total).toBe(0);
  });

  it('any number of attribute reads cost one load; reload() one more', async () => {
    const fn = lambda.Function(names[0] ?? '');
    await Promise.all([fn.runtime, fn.handler, fn.memorySize, fn.role, fn.timeout]);
    await fn.codeSha256;
    expect(counter.byOperation).toEqual({ GetFunctionConfiguration: 1 });
    await fn.reload();
    expect(counter.byOperation).toEqual({ GetFunctionConfiguration: 2 });
  });

  it('actions filled from identifiers send one request; tags load the ARN after each action', async () => {
    const fn = lambda.Function(names[1] ?? '');
    await fn.getConcurrency();
    expect(counter.total).toBe(1);
    counter.reset();
    await fn.tag({ Tags: { a: '1' } });
    // TagResource forgot the data (as every action does): ListTags loads the ARN again.
    await fn.listTags();
    expect(counter.byOperation).toEqual({
      GetFunctionConfiguration: 2,
      TagResource: 1,
      ListTags: 1,
    });
  });

  it('invoke is one request', async () => {
    await lambda.Function(names[2] ?? '').invoke({ Payload: { ping: true } });
    expect(counter.byOperation).toEqual({ Invoke: 1 });
  });
});
