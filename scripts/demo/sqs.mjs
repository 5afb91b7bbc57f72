/**
 * The SQS part of the demo. On the emulator: a queue, a 25-message batch, messages received
 * as resources, a long-polling iterator stopped with an AbortController, a batch delete. On
 * AWS it only reads (lists a few queues).
 */
import { randomBytes } from 'node:crypto';
import { code, note, part, show, step } from './print.mjs';

export async function tourSQS({ lib, target, counter }) {
  const { SQS } = lib.sqs;
  part('Amazon SQS — aws-resources/sqs');
  const sqs = new SQS(target.config('sqs'));
  counter.watch(sqs.meta.client);
  try {
    if (target.aws) await readOnly(sqs, counter);
    else await sendAndReceive(sqs, counter, lib);
  } finally {
    sqs.meta.client.destroy();
  }
}

async function readOnly(sqs, counter) {
  step('Your queues (read only)');
  code('for await (const queue of sqs.queues.limit(5))');
  let seen = 0;
  for await (const queue of sqs.queues.limit(5)) {
    seen += 1;
    show('', queue.url);
  }
  if (seen === 0) show('', '(no queues)');
  counter.print();
}

async function sendAndReceive(sqs, counter, lib) {
  const { AbortError } = lib.core;
  const { Message } = lib.sqs;
  let queue;
  try {
    step('Create a queue');
    const name = `aws-resources-demo-${randomBytes(3).toString('hex')}`;
    code(`const queue = await sqs.createQueue({ QueueName: '${name}' });`);
    queue = await sqs.createQueue({ QueueName: name, Attributes: { VisibilityTimeout: '30' } });
    show('', queue);
    code('(await queue.attributes).VisibilityTimeout;   // one GetQueueAttributes (All)');
    show('', (await queue.attributes).VisibilityTimeout);
    counter.print();

    step('Send 25 messages: batches of any size, 10 to a request');
    code(
      'await queue.sendMessages({ Entries: Array.from({ length: 25 }, (_, i) => ({ Id: `m${i}`, MessageBody: `job ${i}` })) });',
    );
    const sent = await queue.sendMessages({
      Entries: Array.from({ length: 25 }, (_, i) => ({ Id: `m${i}`, MessageBody: `job ${i}` })),
    });
    show('Successful:', `${sent.Successful.length} entries`);
    note('boto3 passes Entries through: an 11th entry fails the whole request');
    counter.print();

    step('Receive messages as resources: their bodies cost no further request');
    code('const received = await queue.receiveMessages({ MaxNumberOfMessages: 10 });');
    const received = await queue.receiveMessages({ MaxNumberOfMessages: 10 });
    code('[received.length, received.every((m) => m instanceof Message)];');
    show('', [received.length, received.every((message) => message instanceof Message)]);
    code('await Promise.all(received.map((m) => m.body));   // from the ReceiveMessage response');
    show('', await Promise.all(received.map((message) => message.body)));
    counter.print();

    step('A long-polling worker, stopped with an AbortController');
    code('const stop = new AbortController();');
    code(
      'for await (const m of queue.messages({ MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }, { abortSignal: stop.signal }))',
    );
    code('  { handled.push(m); if (handled.length === 8) stop.abort(); }   // e.g. on SIGTERM');
    const stop = new AbortController();
    const handled = [];
    try {
      for await (const message of queue.messages(
        { MaxNumberOfMessages: 10, WaitTimeSeconds: 1 },
        { abortSignal: stop.signal },
      )) {
        handled.push(message);
        if (handled.length === 8) stop.abort();
      }
    } catch (error) {
      if (!(error instanceof AbortError)) throw error;
      show(`${error.name}:`, error.message);
    }
    show('handled', `${handled.length} messages, then stopped`);
    note('received but not yet handled: left on the queue, visible again after the timeout');
    counter.print();

    step('Batch delete: give the Message resources');
    const done = [...received, ...handled];
    code('await queue.deleteMessages([...received, ...handled]);   // 18 messages');
    const deleted = await queue.deleteMessages(done);
    show('Successful:', `${deleted.Successful.length} deleted`);
    counter.print();
  } finally {
    if (queue) {
      step('Clean up');
      code('await queue.delete();');
      await queue.delete();
      counter.print();
    }
  }
}
