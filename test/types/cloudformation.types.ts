/**
 * Compile-time tests of the CloudFormation surface, checked by `npm run typecheck` (and by
 * test/unit/type-tests.test.ts). Nothing here runs: the functions are never called.
 * Each `@ts-expect-error` line must stay an error; the rest must compile.
 */
import type {
  StackStatus,
  UpdateStackCommandOutput,
  DeleteStackCommandOutput,
} from '@aws-sdk/client-cloudformation';
import {
  CloudFormation,
  type CloudFormationEvent,
  type CloudFormationStacksCollection,
  type Stack,
  type StackEventsCollection,
  type StackResource,
  type StackResourceSummariesCollection,
  type StackResourceSummary,
  type TemplateObject,
} from '../../src/resources/cloudformation/index.js';

export async function wrongCallsDoNotCompile(cloudformation: CloudFormation, stack: Stack) {
  // @ts-expect-error StackName is required
  await cloudformation.createStack({ TemplateBody: { Resources: {} } });
  // @ts-expect-error a template object holds JSON values only: no functions
  await cloudformation.createStack({ StackName: 's', TemplateBody: { Resources: () => 1 } });
  // @ts-expect-error a template object holds JSON values only: no BigInt
  await stack.update({ TemplateBody: { Resources: { Big: 1n } } });
  // @ts-expect-error a template is text or an object, not a number
  await stack.update({ TemplateBody: 7 });
  // @ts-expect-error the stack fills StackName itself
  await stack.update({ StackName: 'other' });
  // @ts-expect-error the stack fills StackName itself
  await stack.delete({ StackName: 'other' });
  // @ts-expect-error a stack resource takes the stack name and the logical id
  cloudformation.StackResource('app');
  // @ts-expect-error identifiers are strings
  cloudformation.Stack(7);
  // @ts-expect-error identifiers are read-only
  stack.name = 'other';
  // @ts-expect-error attributes are typed from the v3 shape
  const status: number = await stack.stackStatus;
  // @ts-expect-error not a waiter of stacks
  await stack.waitUntilExists();
  void status;
}

export async function rightCallsCompile(cloudformation: CloudFormation, stack: Stack) {
  const template: TemplateObject = {
    Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: 'jobs' } } },
  };
  const made: Stack = await cloudformation.createStack({
    StackName: 'app',
    TemplateBody: template,
  });
  const text: Stack = await cloudformation.createStack({
    StackName: 'b',
    TemplateBody: 'Resources: {}',
  });
  const updated: UpdateStackCommandOutput = await stack.update({ TemplateBody: template });
  const deleted: DeleteStackCommandOutput = await stack.delete();
  const status: StackStatus | undefined = await stack.stackStatus;
  await stack.waitUntilCreateComplete({ maxWaitTime: 600 });
  await stack.waitUntilUpdateComplete();
  await stack.waitUntilDeleteComplete();
  const summaries: StackResourceSummariesCollection = stack.resourceSummaries.all();
  const events: StackEventsCollection = stack.events.all();
  const stacks: CloudFormationStacksCollection = cloudformation.stacks.all();
  for await (const summary of summaries) {
    const resource: StackResource = summary.Resource();
    const logicalId: string = summary.logicalId;
    const type: string | undefined = await resource.resourceType;
    void [logicalId, type];
  }
  for await (const event of events) {
    const id: string = (event satisfies CloudFormationEvent).id;
    void id;
  }
  const one: StackResourceSummary = cloudformation.StackResourceSummary('app', 'Topic');
  const back: Stack = cloudformation.StackResource('app', 'Topic').Stack();
  return [made, text, updated, deleted, status, stacks, one, back];
}
