/**
 * The SNS part of the demo. On the emulator: a topic, an SQS queue subscribed to it (a
 * Subscription resource with its ARN at once), a JSON publish read back from the queue. On
 * AWS it only reads (lists a few topics).
 */
import { randomBytes } from 'node:crypto';
import { code, note, part, show, step } from './print.mjs';

export async function tourSNS({ lib, target, counter }) {
  const { SNS } = lib.sns;
  part('Amazon SNS — aws-resources/sns');
  const sns = new SNS(target.config('sns'));
  counter.watch(sns.meta.client);
  try {
    if (target.aws) await readOnly(sns, counter);
    else await publishToQueue(sns, new lib.sqs.SQS(target.config('sqs')), counter);
  } finally {
    sns.meta.client.destroy();
  }
}

async function readOnly(sns, counter) {
  step('Your topics (read only)');
  code('for await (const topic of sns.topics.limit(5))');
  let seen = 0;
  for await (const topic of sns.topics.limit(5)) {
    seen += 1;
    show('', topic.arn);
  }
  if (seen === 0) show('', '(no topics)');
  counter.print();
}

async function publishToQueue(sns, sqs, counter) {
  counter.watch(sqs.meta.client);
  let topic;
  let queue;
  let subscription;
  try {
    step('Create a topic');
    const name = `aws-resources-demo-${randomBytes(3).toString('hex')}`;
    code(`const topic = await sns.createTopic({ Name: '${name}' });`);
    topic = await sns.createTopic({ Name: name });
    show('', topic);
    code("sns.Topic('orders');   // a name, not an ARN: caught before any request");
    try {
      sns.Topic('orders');
    } catch (error) {
      show(`${error.name}:`, error.message);
    }
    counter.print();

    step('Subscribe an SQS queue: the subscription is a resource');
    code(`const queue = await sqs.createQueue({ QueueName: '${name}' });`);
    queue = await sqs.createQueue({ QueueName: name });
    code('const { QueueArn } = await queue.attributes;');
    const { QueueArn } = await queue.attributes;
    code(
      "const subscription = await topic.subscribe({ Protocol: 'sqs', Endpoint: QueueArn, Attributes: { RawMessageDelivery: 'true' } });",
    );
    subscription = await topic.subscribe({
      Protocol: 'sqs',
      Endpoint: QueueArn,
      Attributes: { RawMessageDelivery: 'true' },
    });
    show('', subscription);
    code('(await subscription.attributes).Endpoint;');
    show('', (await subscription.attributes).Endpoint);
    code('(await topic.subscriptions.toArray()).length;');
    show('', (await topic.subscriptions.toArray()).length);
    note('boto3 returns Subscription("pending confirmation") for endpoints not yet confirmed');
    counter.print();

    step('Publish JSON: an object in, JSON text out');
    code("await topic.publish({ Message: { order: 7, status: 'shipped' }, Subject: 'Order 7' });");
    const { MessageId } = await topic.publish({
      Message: { order: 7, status: 'shipped' },
      Subject: 'Order 7',
    });
    show('MessageId', MessageId);
    code('const [message] = await queue.receiveMessages({ WaitTimeSeconds: 2 });');
    const [message] = await queue.receiveMessages({ WaitTimeSeconds: 2 });
    code('await message.body;   // what the queue received');
    show('', await message.body);
    await message.delete();
    code('await topic.publish({ Message: { total: NaN } });   // JSON would send null: refused');
    await topic
      .publish({ Message: { total: NaN } })
      .catch((error) => show(`${error.name}:`, error.message));
    counter.print();
  } finally {
    if (topic || queue) {
      step('Clean up');
      code('await subscription.delete(); await topic.delete(); await queue.delete();');
      await subscription?.delete();
      await topic?.delete();
      await queue?.delete();
      counter.print();
    }
    sqs.meta.client.destroy();
  }
}
