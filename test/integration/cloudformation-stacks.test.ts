/**
 * CloudFormation stacks on the emulator (moto creates the resources of a template; its events
 * are stack-level only). This file has its own moto account, so `stacks` lists exactly the
 * stacks it made. Requests are counted on the wire.
 */
import { DescribeStacksCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import {
  CloudFormation,
  CloudFormationEvent,
  Stack,
  StackResource,
  StackResourceSummary,
} from '../../src/resources/cloudformation/index.js';
import { IdentifierError, ParamValidationError } from '../../src/index.js';
import { countRequests } from '../support/request-counter.js';
import { cloudformationClient, stackName, topicsTemplate } from '../support/cloudformation.js';

let client: CloudFormationClient;
let cloudformation: CloudFormation;
let counter: ReturnType<typeof countRequests>;
const quick = { minDelay: 1, maxWaitTime: 30 };

beforeAll(() => {
  client = cloudformationClient();
  cloudformation = new CloudFormation({ client });
  counter = countRequests(client);
});
afterAll(() => {
  counter.remove();
  client.destroy();
});
beforeEach(() => counter.reset());

async function created(count = 2): Promise<Stack> {
  const stack = await cloudformation.createStack({
    StackName: stackName(),
    TemplateBody: topicsTemplate(count),
  });
  await stack.waitUntilCreateComplete(quick);
  counter.reset();
  return stack;
}

describe('createStack', () => {
  it('sends a template object as its JSON text and returns the Stack', async () => {
    const name = stackName('object');
    const stack = await cloudformation.createStack({
      StackName: name,
      TemplateBody: topicsTemplate(1),
    });
    expect(stack).toBeInstanceOf(Stack);
    expect(stack.name).toBe(name);
    expect(counter.inputs).toEqual([
      {
        operation: 'CreateStack',
        input: { StackName: name, TemplateBody: JSON.stringify(topicsTemplate(1)) },
      },
    ]);
    await stack.waitUntilCreateComplete(quick);
    expect(await stack.stackStatus).toBe('CREATE_COMPLETE');
  });

  it('sends template text as it is', async () => {
    const text = 'Resources:\n  Topic1:\n    Type: AWS::SNS::Topic\n';
    const stack = await cloudformation.createStack({
      StackName: stackName('text'),
      TemplateBody: text,
    });
    expect(counter.inputs[0]?.input).toMatchObject({ TemplateBody: text });
    await stack.waitUntilCreateComplete(quick);
    const logicalIds: string[] = [];
    for await (const summary of stack.resourceSummaries.all()) logicalIds.push(summary.logicalId);
    expect(logicalIds).toEqual(['Topic1']);
  });

  it.each([
    [
      'a function',
      { Resources: { Topic: { Type: 'AWS::SNS::Topic', Metadata: () => 1 } } },
      /TemplateBody\.Resources\.Topic\.Metadata is a function/,
    ],
    ['a Date', { Resources: {}, Metadata: new Date(0) }, /TemplateBody\.Metadata is a Date/],
    ['an array', [], /TemplateBody must be the template's text or a template object, not an array/],
    ['a number', 7, /not a number/],
  ])('refuses a template holding %s before any request', async (_what, body, message) => {
    const params = { StackName: stackName('bad'), TemplateBody: body } as unknown as Parameters<
      CloudFormation['createStack']
    >[0];
    await expect(cloudformation.createStack(params)).rejects.toThrow(ParamValidationError);
    await expect(cloudformation.createStack(params)).rejects.toThrow(message);
    expect(counter.total).toBe(0);
  });

  it('refuses a cycle before any request', async () => {
    const template: Record<string, unknown> = { Resources: {} };
    template.Metadata = { self: template };
    const params = {
      StackName: stackName('cycle'),
      TemplateBody: template,
    } as unknown as Parameters<CloudFormation['createStack']>[0];
    await expect(cloudformation.createStack(params)).rejects.toThrow(/refers back to TemplateBody/);
    expect(counter.total).toBe(0);
  });

  it('refuses an empty or missing StackName before any request', async () => {
    await expect(
      cloudformation.createStack({ StackName: '', TemplateBody: topicsTemplate() }),
    ).rejects.toThrow(ParamValidationError);
    await expect(
      cloudformation.createStack({ TemplateBody: topicsTemplate() } as unknown as Parameters<
        CloudFormation['createStack']
      >[0]),
    ).rejects.toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });
});

describe('a stack', () => {
  it('loads its attributes once: one DescribeStacks for several reads', async () => {
    const stack = cloudformation.Stack((await created()).name);
    expect(await stack.stackStatus).toBe('CREATE_COMPLETE');
    expect(await stack.stackId).toMatch(/^arn:aws:cloudformation:/);
    expect(await stack.creationTime).toBeInstanceOf(Date);
    expect(counter.byOperation).toEqual({ DescribeStacks: 1 });
  });

  it('lists its resource summaries in one ListStackResources, with their data', async () => {
    const stack = await created(3);
    const summaries: StackResourceSummary[] = [];
    for await (const summary of stack.resourceSummaries.all()) summaries.push(summary);
    expect(summaries.map((s) => [s.stackName, s.logicalId])).toEqual([
      [stack.name, 'Topic1'],
      [stack.name, 'Topic2'],
      [stack.name, 'Topic3'],
    ]);
    expect(await summaries[0]!.resourceType).toBe('AWS::SNS::Topic');
    expect(await summaries[0]!.resourceStatus).toBe('CREATE_COMPLETE');
    expect(counter.byOperation).toEqual({ ListStackResources: 1 });
    expect(counter.inputs[0]?.input).toEqual({ StackName: stack.name });
  });

  it("a summary's Resource() is the StackResource of the same stack and logical id (boto3 swaps them)", async () => {
    const stack = await created(2);
    const [summary] = await stack.resourceSummaries.limit(1).toArray();
    const resource = summary!.Resource();
    expect(resource).toBeInstanceOf(StackResource);
    expect(resource.stackName).toBe(stack.name);
    expect(resource.logicalId).toBe('Topic1');
    counter.reset();
    expect(await resource.physicalResourceId).toBe(await summary!.physicalResourceId);
    expect(await resource.resourceType).toBe('AWS::SNS::Topic');
    expect(counter.inputs).toEqual([
      {
        operation: 'DescribeStackResource',
        input: { StackName: stack.name, LogicalResourceId: 'Topic1' },
      },
    ]);
    expect(resource.Stack().name).toBe(stack.name);
  });

  it('Resource(logicalId) loads its detail with DescribeStackResource', async () => {
    const stack = await created(2);
    const resource = stack.Resource('Topic2');
    expect(resource.toJSON()).toEqual(cloudformation.StackResource(stack.name, 'Topic2').toJSON());
    expect(await resource.resourceStatus).toBe('CREATE_COMPLETE');
    expect(await resource.physicalResourceId).toMatch(/^arn:aws:sns:/);
    expect(counter.byOperation).toEqual({ DescribeStackResource: 1 });
  });

  it('lists its events in one DescribeStackEvents (moto: stack-level events only)', async () => {
    const stack = await created(1);
    const events: CloudFormationEvent[] = [];
    for await (const event of stack.events.all()) events.push(event);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e instanceof CloudFormationEvent && e.id !== '')).toBe(true);
    expect(await events[0]!.stackName).toBe(stack.name);
    expect(await events[0]!.resourceStatus).toMatch(/^CREATE_/);
    expect(counter.byOperation).toEqual({ DescribeStackEvents: 1 });
  });

  it('updates from a template object and waits for the update', async () => {
    const stack = await created(1);
    await stack.update({ TemplateBody: topicsTemplate(2) });
    expect(counter.inputs[0]).toEqual({
      operation: 'UpdateStack',
      input: { StackName: stack.name, TemplateBody: JSON.stringify(topicsTemplate(2)) },
    });
    await stack.waitUntilUpdateComplete(quick);
    expect(await stack.stackStatus).toBe('UPDATE_COMPLETE');
    const logicalIds: string[] = [];
    for await (const summary of stack.resourceSummaries.all()) logicalIds.push(summary.logicalId);
    expect(logicalIds).toEqual(['Topic1', 'Topic2']);
  });

  it('refuses a template object JSON cannot carry in update, before any request', async () => {
    const stack = cloudformation.Stack('never-sent');
    const params = { TemplateBody: { Resources: { Big: 1n } } } as unknown as Parameters<
      Stack['update']
    >[0];
    await expect(stack.update(params)).rejects.toThrow(/TemplateBody\.Resources\.Big is a bigint/);
    expect(counter.total).toBe(0);
  });

  it('deletes, waits for the deletion, and then does not exist', async () => {
    const stack = await created(1);
    await stack.delete();
    await stack.waitUntilDeleteComplete(quick);
    expect(await cloudformation.Stack(stack.name).exists()).toBe(false);
  });
});

describe('the stacks collection', () => {
  it("lists this account's stacks", async () => {
    const stack = await created(1);
    const names: string[] = [];
    for await (const listed of cloudformation.stacks.all()) names.push(listed.name);
    expect(names).toContain(stack.name);
    expect(counter.count('DescribeStacks')).toBe(1);
  });
});

describe('empty identifiers', () => {
  it('reach the service in boto3: on moto, DescribeStacks with StackName "" answers with other stacks', async () => {
    const stack = await created(1);
    const { Stacks } = await client.send(new DescribeStacksCommand({ StackName: '' }));
    expect(Stacks?.map((s) => s.StackName)).toContain(stack.name);
  });

  it('are refused before any request: Stack(""), StackResource, Resource(""), Event("")', () => {
    expect(() => cloudformation.Stack('')).toThrow(IdentifierError);
    expect(() => cloudformation.Stack('')).toThrow(/identifier 'name'|identifier 'Name'/);
    expect(() => cloudformation.StackResource('', 'Topic1')).toThrow(IdentifierError);
    expect(() => cloudformation.StackResource('app', '')).toThrow(IdentifierError);
    expect(() => cloudformation.StackResourceSummary('app', '')).toThrow(IdentifierError);
    expect(() => cloudformation.Stack('app').Resource('')).toThrow(IdentifierError);
    expect(() => cloudformation.Event('')).toThrow(IdentifierError);
    expect(counter.total).toBe(0);
  });
});

describe('cancelUpdate (moto 5.2.1 has no CancelUpdateStack)', () => {
  // The request is checked on the wire and answered with CloudFormation's documented empty
  // CancelUpdateStack response by the client's request handler; every other request goes to moto.
  it('sends CancelUpdateStack with the stack name and returns the v3 output', async () => {
    const stack = await created(1);
    const handler = client.config.requestHandler as {
      handle: (request: { body?: unknown }, ...rest: unknown[]) => Promise<unknown>;
    };
    const realHandle = handler.handle.bind(handler);
    const bodies: string[] = [];
    handler.handle = async (request, ...rest) => {
      const body = String(request.body);
      if (!body.includes('Action=CancelUpdateStack')) return realHandle(request, ...rest);
      bodies.push(body);
      const xml =
        '<CancelUpdateStackResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">' +
        '<ResponseMetadata><RequestId>5ccc7dcd-744c-11e5-be70-1b08c228efb3</RequestId></ResponseMetadata>' +
        '</CancelUpdateStackResponse>';
      return {
        response: {
          statusCode: 200,
          reason: 'OK',
          headers: {
            'content-type': 'text/xml',
            'x-amzn-requestid': '5ccc7dcd-744c-11e5-be70-1b08c228efb3',
          },
          body: new TextEncoder().encode(xml),
        },
      };
    };
    try {
      const output = await stack.cancelUpdate();
      expect(output.$metadata.httpStatusCode).toBe(200);
      expect(output.$metadata.requestId).toBe('5ccc7dcd-744c-11e5-be70-1b08c228efb3');
      expect(bodies).toHaveLength(1);
      expect(new URLSearchParams(bodies[0]).get('StackName')).toBe(stack.name);
      expect(counter.byOperation).toEqual({ CancelUpdateStack: 1 });
      await expect(
        stack.cancelUpdate({ StackName: 'other' } as unknown as Parameters<
          Stack['cancelUpdate']
        >[0]),
      ).rejects.toThrow(ParamValidationError);
      expect(bodies).toHaveLength(1);
    } finally {
      handler.handle = realHandle;
    }
  });
});

describe('paging (moto 5.2.1 answers ListStackResources and DescribeStackEvents in one page)', () => {
  // This middleware pages moto's real responses as CloudFormation does (NextToken), two items
  // per page, so the requests a listing needs are counted. Every page is a real request.
  const LISTED: Record<string, string> = {
    ListStackResources: 'StackResourceSummaries',
    DescribeStackEvents: 'StackEvents',
  };
  it('follows NextToken: 5 resource summaries in 3 requests, limit(3) in 2', async () => {
    const stack = await created(5);
    const paged = cloudformationClient();
    paged.middlewareStack.add(
      (next, context) => async (args) => {
        const member = LISTED[(context.commandName ?? '').replace(/Command$/, '')];
        const result = await next(args);
        if (!member) return result;
        const input = args.input as { NextToken?: string };
        const output = result.output as unknown as Record<string, unknown>;
        const all = (output[member] ?? []) as unknown[];
        const start = input.NextToken ? Number(input.NextToken) : 0;
        const end = start + 2;
        result.output = {
          ...output,
          [member]: all.slice(start, end),
          NextToken: end < all.length ? String(end) : undefined,
        } as unknown as typeof result.output;
        return result;
      },
      { step: 'initialize', name: 'pageLikeCloudFormation' },
    );
    const pagedCounter = countRequests(paged);
    const pagedStack = new CloudFormation({ client: paged }).Stack(stack.name);
    const ids: string[] = [];
    for await (const summary of pagedStack.resourceSummaries.all()) ids.push(summary.logicalId);
    expect(ids).toEqual(['Topic1', 'Topic2', 'Topic3', 'Topic4', 'Topic5']);
    expect(pagedCounter.inputs.map((i) => i.input)).toEqual([
      { StackName: stack.name },
      { StackName: stack.name, NextToken: '2' },
      { StackName: stack.name, NextToken: '4' },
    ]);
    pagedCounter.reset();
    expect(await pagedStack.resourceSummaries.limit(3).toArray()).toHaveLength(3);
    expect(pagedCounter.byOperation).toEqual({ ListStackResources: 2 });
    pagedCounter.reset();
    const [event] = await pagedStack.events.limit(1).toArray();
    expect(event).toBeInstanceOf(CloudFormationEvent);
    expect(pagedCounter.byOperation).toEqual({ DescribeStackEvents: 1 });
    pagedCounter.remove();
    paged.destroy();
  });
});
