/**
 * Compile-time tests of the SNS surface, checked by `npm run typecheck` (and by
 * test/unit/type-tests.test.ts). Nothing here runs: the functions are never called.
 * Each `@ts-expect-error` line must stay an error; the rest must compile.
 */
import type { PublishCommandOutput } from '@aws-sdk/client-sns';
import type {
  PlatformApplication,
  PlatformEndpoint,
  SNS,
  Subscription,
  Topic,
  TopicSubscriptions,
} from '../../src/resources/sns/index.js';

export async function wrongCallsDoNotCompile(
  sns: SNS,
  topic: Topic,
  endpoint: PlatformEndpoint,
  subscription: Subscription,
) {
  // @ts-expect-error the topic fills TopicArn
  await topic.publish({ Message: 'x', TopicArn: 'arn:aws:sns:us-east-1:1:other' });
  // @ts-expect-error a topic is not a phone number
  await topic.publish({ Message: 'x', PhoneNumber: '+15550100' });
  // @ts-expect-error Message is required
  await topic.publish({ Subject: 'no message' });
  // @ts-expect-error a Date is not JSON
  await topic.publish({ Message: new Date() });
  // @ts-expect-error per-protocol messages need a default
  await topic.publish({ MessageStructure: 'json', Message: { sqs: 'x' } });
  // @ts-expect-error the endpoint fills TargetArn
  await endpoint.publish({ Message: 'x', TargetArn: 'arn:x' });
  // @ts-expect-error subscribe fills TopicArn
  await topic.subscribe({ Protocol: 'sqs', TopicArn: 'arn:x' });
  // @ts-expect-error a subscription has no publish
  await subscription.publish({ Message: 'x' });
  // @ts-expect-error Topic takes one ARN
  sns.Topic();
  // @ts-expect-error attributes is a promise
  void (await topic.attributes).TopicArn;
}

export async function rightCallsCompile(sns: SNS, application: PlatformApplication) {
  const topic: Topic = await sns.createTopic({ Name: 'orders' });
  const sent: PublishCommandOutput = await topic.publish({ Message: { order: 7, tags: ['a'] } });
  await topic.publish({ Message: 'plain', Subject: 'Order' });
  await topic.publish({
    MessageStructure: 'json',
    Message: { default: 'x', sqs: { order: 7 }, APNS: { aps: { alert: 'x' } } },
  });
  const subscription: Subscription = await topic.subscribe({ Protocol: 'sqs', Endpoint: 'arn' });
  const arn: string | undefined = (await subscription.attributes)?.Endpoint;
  const subscriptions: TopicSubscriptions = topic.subscriptions;
  for await (const s of subscriptions.all()) s.arn satisfies string;
  const endpoint: PlatformEndpoint = await application.createPlatformEndpoint({ Token: 't' });
  await endpoint.publish({ Message: 'hi' });
  return [sent, arn];
}
