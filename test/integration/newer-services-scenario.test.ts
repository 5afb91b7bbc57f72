/**
 * One scenario per newer service (SQS, SNS, CloudWatch, CloudFormation, IAM, Glacier) on the
 * emulator, each counting the requests: a resource an action returns has the right class and
 * identifiers and costs nothing until used, a lazy load costs one request for several reads,
 * `limit`/`pageSize`/`pages()` send the fewest requests, batch actions send one request per
 * page, waiters return. What the per-service tests cover already is not repeated here.
 *
 * moto 5.2.1 answers CloudWatch's DisableAlarmActions/EnableAlarmActions with HTTP 500; those
 * are answered in a v3 middleware (`answerLocally`) and only DescribeAlarms reaches moto.
 * SQS, SNS, CloudWatch and IAM have no waiters in boto3's model (nor here); CloudFormation's
 * and Glacier's run against moto, except Glacier's waitUntilNotExists (see below).
 */
import { ParamValidationError } from '../../src/core/errors.js';
import { Alarm, CloudWatch } from '../../src/resources/cloudwatch/index.js';
import { CloudFormation, Stack } from '../../src/resources/cloudformation/index.js';
import { Glacier, Vault } from '../../src/resources/glacier/index.js';
import { AccessKeyPair, Group, IAM, User } from '../../src/resources/iam/index.js';
import { SNS, Topic } from '../../src/resources/sns/index.js';
import { Queue, SQS } from '../../src/resources/sqs/index.js';
import { cloudformationClient, stackName, topicsTemplate } from '../support/cloudformation.js';
import { uniqueName } from '../support/emulator.js';
import { glacierClient, vaultName } from '../support/glacier.js';
import { iamClient, iamName } from '../support/iam.js';
import { countRequests, type RequestCounter } from '../support/request-counter.js';
import { answerLocally, cloudwatchClient, snsClient } from '../support/sns-cloudwatch.js';
import { queueName, sqsClient } from '../support/sqs.js';

/** A client's service object with a live counter, destroyed after the file. */
function counted<C extends { destroy(): void }, S>(
  client: C,
  make: (client: C) => S,
): { service: S; counter: RequestCounter } {
  const counter = countRequests(client as unknown as Parameters<typeof countRequests>[0]);
  afterAll(() => {
    counter.remove();
    client.destroy();
  });
  return { service: make(client), counter };
}

describe('SQS scenario', () => {
  const { service: sqs, counter } = counted(sqsClient(), (client) => new SQS({ client }));

  it('getQueueByName returns the Queue by its URL for one GetQueueUrl, nothing more', async () => {
    const name = queueName('scenario');
    const created = await sqs.createQueue({ QueueName: name });
    counter.reset();
    const found = await sqs.getQueueByName({ QueueName: name });
    expect(found).toBeInstanceOf(Queue);
    expect(found.url).toBe(created.url);
    expect(counter.byOperation).toEqual({ GetQueueUrl: 1 });
    const attributes = await found.attributes;
    expect(attributes?.QueueArn).toMatch(new RegExp(`:${name}$`));
    expect((await found.attributes)?.VisibilityTimeout).toBe('30');
    expect(counter.byOperation).toEqual({ GetQueueUrl: 1, GetQueueAttributes: 1 });
  });

  it('refuses an empty queue name in createQueue and getQueueByName before any request', async () => {
    counter.reset();
    await expect(sqs.createQueue({ QueueName: '' })).rejects.toThrow(ParamValidationError);
    await expect(sqs.getQueueByName({ QueueName: '' })).rejects.toThrow(
      'SQS.getQueueByName: params.QueueName must not be empty',
    );
    expect(counter.total).toBe(0);
  });

  it('pages() sends one ListQueues per page it yields, asking for pageSize', async () => {
    const prefix = queueName('paged');
    for (const i of [1, 2, 3]) await sqs.createQueue({ QueueName: `${prefix}-${i}` });
    counter.reset();
    const pages: Queue[][] = [];
    for await (const page of sqs.queues.filter({ QueueNamePrefix: prefix }).pageSize(2).pages())
      pages.push(page);
    expect(pages.flat().map((q) => q.url.split('/').pop())).toEqual(
      [1, 2, 3].map((i) => `${prefix}-${i}`),
    );
    expect(counter.count('ListQueues')).toBe(pages.length);
    expect(
      counter.inputs.map(({ input }) => (input as { MaxResults?: number }).MaxResults),
    ).toEqual(pages.map(() => 2));
    expect(counter.total).toBe(pages.length);
  });
});

describe('SNS scenario', () => {
  const { service: sns, counter } = counted(snsClient(), (client) => new SNS({ client }));

  it('limit(1) stops after one ListTopics; pages() sends one per page', async () => {
    for (const i of [1, 2]) await sns.createTopic({ Name: uniqueName(`scenario-${i}`) });
    counter.reset();
    const [first, ...rest] = await sns.topics.limit(1).toArray();
    expect(rest).toEqual([]);
    expect(first).toBeInstanceOf(Topic);
    expect(counter.byOperation).toEqual({ ListTopics: 1 });
    counter.reset();
    let pages = 0;
    for await (const page of sns.topics.all().pages()) {
      pages += 1;
      expect(page.every((topic) => topic instanceof Topic)).toBe(true);
    }
    expect(counter.byOperation).toEqual({ ListTopics: pages });
  });

  it('refuses an empty topic or application name before any request', async () => {
    counter.reset();
    await expect(sns.createTopic({ Name: '' })).rejects.toThrow(
      'SNS.createTopic: params.Name must not be empty',
    );
    await expect(
      sns.createPlatformApplication({ Name: '', Platform: 'GCM', Attributes: {} }),
    ).rejects.toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });
});

describe('CloudWatch scenario', () => {
  const { service: cloudwatch, counter } = counted(
    cloudwatchClient(),
    (client) => new CloudWatch({ client }),
  );
  const alarmParams = (name: string) => ({
    AlarmName: name,
    Statistic: 'Average' as const,
    Period: 60,
    EvaluationPeriods: 1,
    Threshold: 1,
    ComparisonOperator: 'GreaterThanThreshold' as const,
  });

  it('pageSize(2) over 3 alarms: delete sends one DeleteAlarms per page of DescribeAlarms', async () => {
    const prefix = uniqueName('scenario');
    const metric = cloudwatch.Metric(uniqueName('Scenario'), 'Errors');
    for (const i of [1, 2, 3]) await metric.putAlarm(alarmParams(`${prefix}-${i}`));
    const alarms = cloudwatch.alarms.filter({ AlarmNamePrefix: prefix }).pageSize(2);
    counter.reset();
    const pages: Alarm[][] = [];
    for await (const page of alarms.pages()) pages.push(page);
    expect(pages.flat().map((a) => a.name)).toEqual([1, 2, 3].map((i) => `${prefix}-${i}`));
    expect(counter.byOperation).toEqual({ DescribeAlarms: pages.length });
    expect(counter.inputs[0]?.input).toMatchObject({ MaxRecords: 2 });

    counter.reset();
    await alarms.delete();
    expect(counter.byOperation).toEqual({
      DescribeAlarms: pages.length,
      DeleteAlarms: pages.length,
    });
    expect(await cloudwatch.alarms.filter({ AlarmNamePrefix: prefix }).toArray()).toEqual([]);
  });

  it('enableActions/disableActions send one request per page (answered locally)', async () => {
    const prefix = uniqueName('scenario-actions');
    const metric = cloudwatch.Metric(uniqueName('Scenario'), 'Errors');
    for (const i of [1, 2, 3]) await metric.putAlarm(alarmParams(`${prefix}-${i}`));
    const client = cloudwatch.meta.client;
    const local = answerLocally(client, {
      DisableAlarmActions: () => ({}),
      EnableAlarmActions: () => ({}),
    });
    try {
      const alarms = cloudwatch.alarms.filter({ AlarmNamePrefix: prefix }).pageSize(2);
      counter.reset();
      await alarms.disableActions();
      const describes = counter.count('DescribeAlarms');
      expect(local.calls.map((c) => c.operation)).toEqual(
        Array.from({ length: describes }, () => 'DisableAlarmActions'),
      );
      expect(local.calls.flatMap((c) => (c.input as { AlarmNames: string[] }).AlarmNames)).toEqual(
        [1, 2, 3].map((i) => `${prefix}-${i}`),
      );
      local.calls.length = 0;
      await alarms.enableActions();
      expect(local.calls.map((c) => c.operation)).toEqual(
        Array.from({ length: describes }, () => 'EnableAlarmActions'),
      );
    } finally {
      local.remove();
    }
  });

  it('putAlarm returns an Alarm that costs nothing until read, then one DescribeAlarms', async () => {
    const name = uniqueName('scenario-alarm');
    counter.reset();
    const alarm = await cloudwatch.Metric('Scenario', 'Latency').putAlarm(alarmParams(name));
    expect(alarm).toBeInstanceOf(Alarm);
    expect(alarm.name).toBe(name);
    expect(counter.byOperation).toEqual({ PutMetricAlarm: 1 });
    expect(await alarm.threshold).toBe(1);
    expect(await alarm.period).toBe(60);
    expect(counter.byOperation).toEqual({ PutMetricAlarm: 1, DescribeAlarms: 1 });
  });
});

describe('CloudFormation scenario', () => {
  const { service: cloudformation, counter } = counted(
    cloudformationClient(),
    (client) => new CloudFormation({ client }),
  );

  it('createStack returns the Stack by name; pages() of its resources send one request per page', async () => {
    const name = stackName('scenario');
    counter.reset();
    const stack = await cloudformation.createStack({
      StackName: name,
      TemplateBody: topicsTemplate(2),
    });
    expect(stack).toBeInstanceOf(Stack);
    expect(stack.name).toBe(name);
    expect(counter.byOperation).toEqual({ CreateStack: 1 });
    await stack.waitUntilCreateComplete({ minDelay: 1, maxWaitTime: 30 });
    counter.reset();
    let pages = 0;
    const logicalIds: string[] = [];
    for await (const page of stack.resourceSummaries.all().pages()) {
      pages += 1;
      logicalIds.push(...page.map((summary) => summary.logicalId));
    }
    expect(logicalIds).toHaveLength(2);
    expect(counter.byOperation).toEqual({ ListStackResources: pages });
  });
});

describe('IAM scenario', () => {
  const { service: iam, counter } = counted(iamClient(), (client) => new IAM({ client }));

  it('createAccessKeyPair and createGroup return resources that cost nothing until used', async () => {
    const user = await iam.createUser({ UserName: iamName('scenario') });
    counter.reset();
    const pair = await user.createAccessKeyPair();
    expect(pair).toBeInstanceOf(AccessKeyPair);
    expect([pair.userName, typeof pair.id, typeof pair.secret]).toEqual([
      user.name,
      'string',
      'string',
    ]);
    expect(await pair.status).toBe('Active');
    expect(counter.byOperation).toEqual({ CreateAccessKey: 1 });

    counter.reset();
    const group = await iam.createGroup({ GroupName: iamName('scenario') });
    expect(group).toBeInstanceOf(Group);
    expect(counter.byOperation).toEqual({ CreateGroup: 1 });
    await group.addUser({ UserName: user.name });
    const [member] = await group.users.all().toArray();
    expect(member).toBeInstanceOf(User);
    expect(member?.name).toBe(user.name);
    expect(counter.byOperation).toEqual({ CreateGroup: 1, AddUserToGroup: 1, GetGroup: 1 });
  });

  it('pages() of users with pageSize(2) sends one ListUsers per page', async () => {
    for (const i of [1, 2, 3]) await iam.createUser({ UserName: iamName(`paged-${i}`) });
    counter.reset();
    let pages = 0;
    let users = 0;
    for await (const page of iam.users.all().pageSize(2).pages()) {
      pages += 1;
      users += page.length;
    }
    expect(users).toBeGreaterThanOrEqual(3);
    expect(counter.byOperation).toEqual({ ListUsers: pages });
    expect(counter.inputs[0]?.input).toMatchObject({ MaxItems: 2 });
  });

  it('refuses empty names of creators and attach/detach actions before any request', async () => {
    counter.reset();
    await expect(
      iam.createPolicy({
        PolicyName: '',
        PolicyDocument: { Version: '2012-10-17', Statement: [] },
      }),
    ).rejects.toThrow('IAM.createPolicy: params.PolicyName must not be empty');
    await expect(iam.Group('g').addUser({ UserName: '' })).rejects.toThrow(ParamValidationError);
    await expect(iam.User('u').attachPolicy({ PolicyArn: '' })).rejects.toThrow(
      ParamValidationError,
    );
    expect(counter.total).toBe(0);
  });
});

describe('Glacier scenario', () => {
  const { service: glacier, counter } = counted(
    glacierClient(),
    (client) => new Glacier({ client }),
  );

  // waitUntilNotExists is checked in test/integration/glacier-documented-responses.test.ts,
  // against Glacier's documented 404 answered in-process: moto answers a missing vault with
  // an HTTP 400 the v3 VaultNotExists waiter does not take for ResourceNotFoundException.
  it('waitUntilExists returns for a created vault with one DescribeVault', async () => {
    const name = vaultName('scenario');
    const vault = await glacier.createVault({ vaultName: name });
    expect(vault).toBeInstanceOf(Vault);
    expect([vault.accountId, vault.name]).toEqual(['-', name]);
    counter.reset();
    await vault.waitUntilExists({ minDelay: 1, maxWaitTime: 10 });
    expect(counter.inputs).toEqual([
      { operation: 'DescribeVault', input: { accountId: '-', vaultName: name } },
    ]);
    await vault.delete();
  });
});
