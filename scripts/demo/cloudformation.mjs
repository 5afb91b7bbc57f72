/**
 * The CloudFormation part of the demo. On the emulator: a stack from a template given as an
 * object, its waiter, its resources and events, and its deletion. On AWS it only reads.
 */
import { randomBytes } from 'node:crypto';
import { code, note, part, show, step } from './print.mjs';

export async function tourCloudFormation({ lib, target, counter }) {
  const { CloudFormation } = lib.cloudformation;
  part('AWS CloudFormation — aws-resources/cloudformation');
  const cloudformation = new CloudFormation(target.config('cloudformation'));
  counter.watch(cloudformation.meta.client);
  try {
    if (target.aws) await readOnly(cloudformation, counter);
    else await stackLifecycle(cloudformation, counter);
  } finally {
    cloudformation.meta.client.destroy();
  }
}

async function readOnly(cloudformation, counter) {
  step('Your stacks (read only)');
  code('for await (const stack of cloudformation.stacks.limit(5))');
  let seen = 0;
  for await (const stack of cloudformation.stacks.limit(5)) {
    seen += 1;
    show('', `${stack.name}  ${await stack.stackStatus}`);
  }
  if (seen === 0) show('', '(no stacks)');
  counter.print();
}

async function stackLifecycle(cloudformation, counter) {
  let stack;
  try {
    step('Create a stack from a template given as an object');
    const name = `aws-resources-demo-${randomBytes(3).toString('hex')}`;
    const template = {
      Resources: { Jobs: { Type: 'AWS::SQS::Queue' }, Alerts: { Type: 'AWS::SNS::Topic' } },
      Outputs: { AlertsArn: { Value: { Ref: 'Alerts' } } },
    };
    code(
      "const template = { Resources: { Jobs: { Type: 'AWS::SQS::Queue' }, Alerts: { Type: 'AWS::SNS::Topic' } }, Outputs: { ... } };",
    );
    code(
      `const stack = await cloudformation.createStack({ StackName: '${name}', TemplateBody: template });`,
    );
    stack = await cloudformation.createStack({ StackName: name, TemplateBody: template });
    show('', stack);
    code(
      'await stack.waitUntilCreateComplete({ maxWaitTime: 120 });   // waitUntilStackCreateComplete',
    );
    await stack.waitUntilCreateComplete({ maxWaitTime: 120 });
    code(
      '[await stack.stackStatus, (await stack.outputs)[0].OutputKey];   // from the waiter: no request',
    );
    show('', [await stack.stackStatus, (await stack.outputs)[0].OutputKey]);
    counter.print();
    code(
      "await cloudformation.createStack({ StackName: 'x', TemplateBody: { Metadata: { built: new Date() } } });",
    );
    await cloudformation
      .createStack({ StackName: `${name}-bad`, TemplateBody: { Metadata: { built: new Date() } } })
      .catch((error) => show(`${error.name}:`, error.message));
    counter.print();

    step("The stack's resources: summaries from the listing, details on demand");
    code('for await (const summary of stack.resourceSummaries.all())');
    const summaries = await stack.resourceSummaries.all().toArray();
    for (const summary of summaries) {
      show('', `${summary.logicalId}  ${await summary.resourceType}`);
    }
    counter.print();
    code('const queue = summaries.find((s) => s.logicalId === "Jobs").Resource();   // no request');
    const queue = summaries.find((summary) => summary.logicalId === 'Jobs').Resource();
    code('await queue.physicalResourceId;   // one DescribeStackResource');
    show('', await queue.physicalResourceId);
    note("boto3's summary.Resource() swaps the stack name and the logical id");
    counter.print();

    step('Events, newest first');
    code('for await (const event of stack.events.limit(3))');
    for await (const event of stack.events.limit(3)) {
      show('', `${await event.logicalResourceId}  ${await event.resourceStatus}`);
    }
    note('the emulator records stack-level events only; AWS adds one per resource');
    counter.print();
  } finally {
    if (stack) {
      step('Delete the stack and its resources');
      code('await stack.delete(); await stack.waitUntilDeleteComplete({ maxWaitTime: 120 });');
      await stack.delete();
      await stack.waitUntilDeleteComplete({ maxWaitTime: 120 });
      show('', `stack exists: ${await cloudformation.Stack(stack.name).exists()}`);
      counter.print();
    }
  }
}
