/**
 * SNS on the emulator: topics, JSON publish (read back from an SQS queue subscribed raw),
 * subscriptions as resources, platform applications and endpoints, and the requests each
 * costs.
 */
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
} from '@aws-sdk/client-sqs';
import { ParamValidationError } from '../../src/core/errors.js';
import { SNS, Subscription, Topic, type PublishParams } from '../../src/resources/sns/index.js';
import { uniqueName } from '../support/emulator.js';
import { countRequests } from '../support/request-counter.js';
import { answerLocally, snsClient, sqsClient } from '../support/sns-cloudwatch.js';

const client = snsClient();
const sns = new SNS({ client });
const counter = countRequests(client);
const sqs = sqsClient();

afterAll(() => {
  counter.remove();
  client.destroy();
  sqs.destroy();
});
beforeEach(() => counter.reset());

/** A queue subscribed raw to `topic`, and a function that reads its next message body. */
async function rawQueue(topic: Topic): Promise<{ next(): Promise<string | undefined> }> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: uniqueName('q') }));
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  await topic.subscribe({
    Protocol: 'sqs',
    Endpoint: Attributes?.QueueArn,
    Attributes: { RawMessageDelivery: 'true' },
  });
  return {
    async next() {
      const { Messages } = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }),
      );
      return Messages?.[0]?.Body;
    },
  };
}

describe('topics', () => {
  it('createTopic returns a Topic whose attributes load once, in one request', async () => {
    const topic = await sns.createTopic({ Name: uniqueName('orders') });
    expect(topic).toBeInstanceOf(Topic);
    expect(topic.arn).toMatch(/^arn:aws:sns:us-east-1:\d{12}:orders-/);
    const attributes = await topic.attributes;
    expect(attributes?.TopicArn).toBe(topic.arn);
    await topic.attributes;
    expect(counter.byOperation).toEqual({ CreateTopic: 1, GetTopicAttributes: 1 });
  });

  it('lists in sns.topics and is gone after delete', async () => {
    const topic = await sns.createTopic({ Name: uniqueName('listed') });
    const arns = (await sns.topics.toArray()).map((t) => t.arn);
    expect(arns).toContain(topic.arn);
    await topic.delete();
    expect(await topic.exists()).toBe(false);
  });

  it('refuses an empty ARN and a topic name before any request', () => {
    expect(() => sns.Topic('')).toThrow(ParamValidationError);
    expect(() => sns.Topic('orders')).toThrow(/a topic ARN/);
    expect(() => sns.Subscription('')).toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });
});

describe('publish', () => {
  let topic: Topic;
  let queue: { next(): Promise<string | undefined> };
  beforeAll(async () => {
    topic = await sns.createTopic({ Name: uniqueName('publish') });
    queue = await rawQueue(topic);
  });

  it('sends a string as it is', async () => {
    const { MessageId } = await topic.publish({ Message: 'plain text' });
    expect(MessageId).toBeTruthy();
    expect(await queue.next()).toBe('plain text');
  });

  it('sends any other JSON value JSON-encoded, in one request', async () => {
    counter.reset();
    await topic.publish({ Message: { order: 7, items: ['a', 'b'], gift: false } });
    expect(counter.byOperation).toEqual({ Publish: 1 });
    expect(counter.inputs[0]?.input).toEqual({
      TopicArn: topic.arn,
      Message: '{"order":7,"items":["a","b"],"gift":false}',
    });
    expect(JSON.parse((await queue.next()) ?? '')).toEqual({
      order: 7,
      items: ['a', 'b'],
      gift: false,
    });
  });

  it("with MessageStructure 'json' sends each protocol its own message", async () => {
    await topic.publish({
      MessageStructure: 'json',
      Message: { default: 'Order 7 shipped', sqs: { order: 7 }, email: 'Your order shipped' },
    });
    const sent = counter.inputs.find((i) => i.operation === 'Publish')?.input as {
      Message: string;
    };
    expect(JSON.parse(sent.Message)).toEqual({
      default: 'Order 7 shipped',
      sqs: '{"order":7}',
      email: 'Your order shipped',
    });
    expect(JSON.parse((await queue.next()) ?? '')).toEqual({ order: 7 });
  });

  it('refuses what JSON cannot carry, a missing default or a second target, before any request', async () => {
    await expect(topic.publish({ Message: { value: NaN } })).rejects.toThrow(
      /Message.value is NaN/,
    );
    await expect(
      topic.publish({
        MessageStructure: 'json',
        Message: { sqs: 'x' },
      } as unknown as PublishParams),
    ).rejects.toThrow(/'default' message/);
    await expect(
      topic.publish({ Message: 'x', TargetArn: 'arn:x' } as unknown as PublishParams),
    ).rejects.toThrow(/TargetArn cannot be set/);
    await expect(topic.publish({} as PublishParams)).rejects.toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });
});

describe('subscriptions', () => {
  it('subscribe returns a Subscription with its ARN, listed by the topic', async () => {
    const topic = await sns.createTopic({ Name: uniqueName('subs') });
    counter.reset();
    const subscription = await topic.subscribe({
      Protocol: 'https',
      Endpoint: 'https://example.com/hook',
    });
    expect(subscription).toBeInstanceOf(Subscription);
    // ReturnSubscriptionArn: a real ARN even while the endpoint has not confirmed.
    expect(counter.inputs[0]?.input).toMatchObject({ ReturnSubscriptionArn: true });
    expect(subscription.arn.startsWith(`${topic.arn}:`)).toBe(true);
    const attributes = await subscription.attributes;
    expect(attributes?.Endpoint).toBe('https://example.com/hook');

    counter.reset();
    const listed = await topic.subscriptions.toArray();
    expect(listed.map((s) => s.arn)).toEqual([subscription.arn]);
    expect(counter.byOperation).toEqual({ ListSubscriptionsByTopic: 1 });
    expect((await sns.subscriptions.toArray()).map((s) => s.arn)).toContain(subscription.arn);

    await subscription.setAttributes({
      AttributeName: 'RawMessageDelivery',
      AttributeValue: 'true',
    });
    await subscription.delete();
    expect(await topic.subscriptions.toArray()).toEqual([]);
  });
});

describe('confirmSubscription', () => {
  it('sends the token with the topic ARN and returns the confirmed Subscription', async () => {
    const topic = await sns.createTopic({ Name: uniqueName('confirm') });
    // The token comes from SNS's message to the endpoint, which moto never sends: the request
    // is answered here with ConfirmSubscription's documented output.
    const confirmedArn = `${topic.arn}:0b7e4a2c-1b2d-4c3e-8f9a-0123456789ab`;
    const local = answerLocally(client, {
      ConfirmSubscription: () => ({ SubscriptionArn: confirmedArn }),
    });
    try {
      const subscription = await topic.confirmSubscription({ Token: 'token-from-sns' });
      expect(subscription).toBeInstanceOf(Subscription);
      expect(subscription.arn).toBe(confirmedArn);
      expect(local.calls).toEqual([
        {
          operation: 'ConfirmSubscription',
          input: { TopicArn: topic.arn, Token: 'token-from-sns' },
        },
      ]);
    } finally {
      local.remove();
    }
  });
});

describe('platform applications and endpoints', () => {
  it('creates an application and an endpoint, lists and publishes to it', async () => {
    const application = await sns.createPlatformApplication({
      Name: uniqueName('app'),
      Platform: 'GCM',
      Attributes: { PlatformCredential: 'api-key' },
    });
    expect(await application.exists()).toBe(true);
    const endpoint = await application.createPlatformEndpoint({ Token: uniqueName('token') });
    expect((await endpoint.attributes)?.Enabled).toBe('true');
    expect((await application.endpoints.toArray()).map((e) => e.arn)).toEqual([endpoint.arn]);
    expect((await sns.platformApplications.toArray()).map((a) => a.arn)).toContain(application.arn);
    counter.reset();
    await endpoint.publish({
      MessageStructure: 'json',
      Message: { default: 'hi', GCM: { data: { n: 1 } } },
    });
    expect(counter.inputs[0]?.input).toEqual({
      TargetArn: endpoint.arn,
      MessageStructure: 'json',
      Message: JSON.stringify({ default: 'hi', GCM: '{"data":{"n":1}}' }),
    });
    await endpoint.delete();
    await application.delete();
  });
});
