/**
 * Compile-time tests of the SQS surface, checked by `npm run typecheck` (and by
 * test/unit/type-tests.test.ts). Nothing here runs: the functions are never called.
 * Each `@ts-expect-error` line must stay an error; the rest must compile.
 */
import type {
  BatchResultErrorEntry,
  ChangeMessageVisibilityBatchResultEntry,
  ChangeMessageVisibilityCommandOutput,
  DeleteMessageBatchCommandOutput,
  DeleteMessageBatchResultEntry,
  SendMessageBatchResultEntry,
  SendMessageCommandOutput,
} from '@aws-sdk/client-sqs';
import {
  ChangeMessageVisibilityBatchError,
  DeleteMessageBatchError,
  Message,
  SendMessageBatchError,
  SQS,
  SQSBatchError,
  type DeleteMessagesResult,
  type Queue,
  type SendMessagesResult,
} from '../../src/resources/sqs/index.js';

export async function wrongCallsDoNotCompile(sqs: SQS, queue: Queue, message: Message) {
  // @ts-expect-error the queue fills QueueUrl
  await queue.sendMessage({ QueueUrl: 'other', MessageBody: 'x' });
  // @ts-expect-error MessageBody is required
  await queue.sendMessage({});
  // @ts-expect-error each entry needs an Id
  await queue.sendMessages({ Entries: [{ MessageBody: 'x' }] });
  // @ts-expect-error the queue fills QueueUrl
  await queue.deleteMessages({ QueueUrl: 'other', Entries: [] });
  // @ts-expect-error deleteMessages takes Message resources, not receipt handles
  await queue.deleteMessages(['handle']);
  // @ts-expect-error the message fills its ReceiptHandle
  await message.changeVisibility({ ReceiptHandle: 'h', VisibilityTimeout: 0 });
  // @ts-expect-error messages() options take no wait time: it is a ReceiveMessage param
  queue.messages({}, { WaitTimeSeconds: 20 });
  // @ts-expect-error identifiers are strings
  sqs.Queue(42);
  // @ts-expect-error a Message is read-only data, not a mutable record
  message.receiptHandle = 'other';
  // @ts-expect-error Message.delete takes messages
  await Message.delete([queue]);
}

export async function rightCallsCompile(sqs: SQS, queue: Queue) {
  const created: Queue = await sqs.createQueue({
    QueueName: 'q',
    Attributes: { FifoQueue: 'true' },
  });
  const sent: SendMessageCommandOutput = await created.sendMessage({
    MessageBody: 'x',
    MessageGroupId: 'g',
  });
  const batch: SendMessagesResult = await queue.sendMessages({
    Entries: [{ Id: '1', MessageBody: 'a' }],
  });
  const entries: SendMessageBatchResultEntry[] = batch.Successful;
  const received: Message[] = await queue.receiveMessages({ MaxNumberOfMessages: 10 });
  const body: string | undefined = await received[0]?.body;
  const changed: ChangeMessageVisibilityCommandOutput | undefined =
    await received[0]?.changeVisibility({
      VisibilityTimeout: 0,
    });
  const deleted: DeleteMessagesResult = await queue.deleteMessages(received);
  await Message.delete(received);
  for await (const message of queue.messages({ WaitTimeSeconds: 5 }, { stopWhenEmpty: true })) {
    const handle: string = message.receiptHandle;
    void handle;
  }
  const url: string = (await sqs.queues.all().first())?.url ?? '';
  try {
    await queue.sendMessages({ Entries: [] });
  } catch (error) {
    if (error instanceof SendMessageBatchError) {
      const failed: readonly BatchResultErrorEntry[] = error.failures;
      const ok: readonly SendMessageBatchResultEntry[] = error.successful;
      void [failed, ok];
    }
    if (error instanceof DeleteMessageBatchError) {
      const ok: readonly DeleteMessageBatchResultEntry[] = error.successful;
      const responses: readonly DeleteMessageBatchCommandOutput[] = error.responses;
      // @ts-expect-error a delete's successful entries are not a send's
      const wrong: readonly SendMessageBatchResultEntry[] = error.successful;
      void [ok, responses, wrong];
    }
    if (error instanceof ChangeMessageVisibilityBatchError) {
      const ok: readonly ChangeMessageVisibilityBatchResultEntry[] = error.successful;
      void ok;
    }
    if (error instanceof SQSBatchError) {
      const failed: readonly BatchResultErrorEntry[] = error.failures;
      const ok: readonly unknown[] = error.successful;
      // @ts-expect-error the shared base does not know which operation's entries it holds
      const typed: readonly SendMessageBatchResultEntry[] = error.successful;
      void [failed, ok, typed];
    }
  }
  return [sent, entries, body, changed, deleted, url];
}
