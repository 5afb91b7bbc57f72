/**
 * SQS on the emulator: queues from the service, attributes, messages as resources, the
 * long-polling iterator, batch calls in groups of 10 with typed per-entry failures, FIFO
 * queues, and the requests each of them costs.
 */
import type { SQSClient } from '@aws-sdk/client-sqs';
import {
  AbortError,
  BatchActionError,
  IdentifierError,
  ParamValidationError,
} from '../../src/index.js';
import {
  DeleteMessageBatchError,
  Message,
  Queue,
  QueueDoesNotExist,
  SendMessageBatchError,
  SQSBatchError,
  SQS,
} from '../../src/resources/sqs/index.js';
import { countRequests } from '../support/request-counter.js';
import { queueName, sqsClient } from '../support/sqs.js';
import { SIGNAL_NAMES, signalOption } from '../support/signal-names.js';

let client: SQSClient;
let sqs: SQS;

beforeAll(() => {
  client = sqsClient();
  sqs = new SQS({ client });
});

function entries(count: number, prefix = 'm') {
  return Array.from({ length: count }, (_, i) => ({
    Id: `${prefix}${i}`,
    MessageBody: `body ${i}`,
  }));
}

async function drain(queue: Queue): Promise<Message[]> {
  const all: Message[] = [];
  for await (const message of queue.messages(
    { MaxNumberOfMessages: 10, WaitTimeSeconds: 0 },
    { stopWhenEmpty: true },
  )) {
    all.push(message);
  }
  return all;
}

describe('queues', () => {
  it('createQueue, getQueueByName, Queue(url) and the queues collection name one queue', async () => {
    const name = queueName('create');
    const created = await sqs.createQueue({ QueueName: name });
    expect(created).toBeInstanceOf(Queue);
    expect(created.url).toMatch(new RegExp(`/${name}$`));
    const found = await sqs.getQueueByName({ QueueName: name });
    expect(found.url).toBe(created.url);
    const listed = await sqs.queues.filter({ QueueNamePrefix: name }).toArray();
    expect(listed.map((q) => q.url)).toEqual([created.url]);
    expect(sqs.Queue(created.url).url).toBe(created.url);
  });

  it('attributes load with one GetQueueAttributes (All) and are cached', async () => {
    const queue = await sqs.createQueue({
      QueueName: queueName('attrs'),
      Attributes: { VisibilityTimeout: '45' },
    });
    const counter = countRequests(client);
    try {
      const attributes = await queue.attributes;
      expect(attributes?.VisibilityTimeout).toBe('45');
      expect((await queue.attributes)?.QueueArn).toMatch(/^arn:aws:sqs:/);
      expect(counter.byOperation).toEqual({ GetQueueAttributes: 1 });
      expect(counter.inputs[0]?.input).toMatchObject({ AttributeNames: ['All'] });
      await queue.setAttributes({ Attributes: { VisibilityTimeout: '60' } });
      expect((await queue.attributes)?.VisibilityTimeout).toBe('60');
      expect(counter.byOperation).toEqual({ GetQueueAttributes: 2, SetQueueAttributes: 1 });
    } finally {
      counter.remove();
    }
  });

  it('a deleted queue does not exist', async () => {
    const queue = await sqs.createQueue({ QueueName: queueName('gone') });
    expect(await queue.exists()).toBe(true);
    await queue.delete();
    expect(await queue.exists()).toBe(false);
    await expect(queue.load()).rejects.toBeInstanceOf(QueueDoesNotExist);
  });

  it('deadLetterSourceQueues lists the queues that send to a dead-letter queue', async () => {
    const dlq = await sqs.createQueue({ QueueName: queueName('dlq') });
    const arn = (await dlq.attributes)?.QueueArn;
    const source = await sqs.createQueue({
      QueueName: queueName('src'),
      Attributes: {
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: 3 }),
      },
    });
    const sources = await dlq.deadLetterSourceQueues.all().toArray();
    expect(sources.map((q) => q.url)).toEqual([source.url]);
  });

  it('collections: one ListQueues per page; limit(n) asks for n (moto ignores MaxResults)', async () => {
    const prefix = queueName('list');
    for (const suffix of ['a', 'b', 'c'])
      await sqs.createQueue({ QueueName: `${prefix}-${suffix}` });
    const counter = countRequests(client);
    try {
      const all = await sqs.queues.filter({ QueueNamePrefix: prefix }).toArray();
      expect(all.length).toBe(3);
      expect(counter.byOperation).toEqual({ ListQueues: 1 });
      counter.reset();
      const first = await sqs.queues.filter({ QueueNamePrefix: prefix }).limit(2).toArray();
      expect(first.length).toBe(2);
      expect(counter.byOperation).toEqual({ ListQueues: 1 });
      expect(counter.inputs[0]?.input).toMatchObject({ QueueNamePrefix: prefix, MaxResults: 2 });
      counter.reset();
      const dlq = sqs.Queue(all[0]?.url ?? '');
      expect(await dlq.deadLetterSourceQueues.all().toArray()).toEqual([]);
      expect(counter.byOperation).toEqual({ ListDeadLetterSourceQueues: 1 });
      expect(counter.inputs[0]?.input).toMatchObject({ QueueUrl: dlq.url });
    } finally {
      counter.remove();
    }
  });

  it('Queue(url), Message(handle) and message.Queue() send no request', () => {
    const counter = countRequests(client);
    try {
      const queue = sqs.Queue('https://example.invalid/1/q');
      expect(queue.Message('h').Queue().url).toBe(queue.url);
      expect(counter.total).toBe(0);
    } finally {
      counter.remove();
    }
  });

  it('addPermission, removePermission and purge act on the queue', async () => {
    const queue = await sqs.createQueue({ QueueName: queueName('perm') });
    await queue.addPermission({
      Label: 'send',
      AWSAccountIds: ['111122223333'],
      Actions: ['SendMessage'],
    });
    expect((await queue.attributes)?.Policy).toMatch(/"Sid":\s*"send"/);
    await queue.removePermission({ Label: 'send' });
    expect((await queue.attributes)?.Policy ?? '').not.toMatch(/"Sid":\s*"send"/);
    await queue.sendMessage({ MessageBody: 'x' });
    await queue.purge();
    expect(await queue.receiveMessages({ WaitTimeSeconds: 0 })).toEqual([]);
  });

  it('refuses empty identifiers before any request', () => {
    expect(() => sqs.Queue('')).toThrow(IdentifierError);
    const queue = sqs.Queue('https://example.invalid/1/q');
    expect(() => queue.Message('')).toThrow(IdentifierError);
  });
});

describe('messages', () => {
  it('receiveMessages returns Message resources whose data costs no further request', async () => {
    const queue = await sqs.createQueue({ QueueName: queueName('recv') });
    await queue.sendMessage({
      MessageBody: 'hello',
      MessageAttributes: { kind: { DataType: 'String', StringValue: 'greeting' } },
    });
    const counter = countRequests(client);
    try {
      const [message, ...rest] = await queue.receiveMessages({
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
        WaitTimeSeconds: 1,
      });
      expect(rest).toEqual([]);
      expect(message).toBeInstanceOf(Message);
      expect(message?.queueUrl).toBe(queue.url);
      expect(await message?.body).toBe('hello');
      expect(await message?.messageId).toMatch(/\S/);
      expect((await message?.messageAttributes)?.kind?.StringValue).toBe('greeting');
      expect((await message?.attributes)?.ApproximateReceiveCount).toBe('1');
      expect(message?.Queue().url).toBe(queue.url);
      expect(counter.byOperation).toEqual({ ReceiveMessage: 1 });
      await message?.changeVisibility({ VisibilityTimeout: 0 });
      const [again] = await queue.receiveMessages({ WaitTimeSeconds: 1 });
      await again?.delete();
      expect(await queue.receiveMessages({ WaitTimeSeconds: 0 })).toEqual([]);
    } finally {
      counter.remove();
    }
  });

  it('messages() long-polls until the queue is empty with stopWhenEmpty', async () => {
    const queue = await sqs.createQueue({ QueueName: queueName('iter') });
    await queue.sendMessages({ Entries: entries(23) });
    const counter = countRequests(client);
    try {
      const received = await drain(queue);
      expect(received.length).toBe(23);
      const bodies = await Promise.all(received.map((m) => m.body));
      expect(new Set(bodies).size).toBe(23);
      // Three receives bring the 23 (10 at most each), a fourth finds none.
      expect(counter.count('ReceiveMessage')).toBeGreaterThanOrEqual(4);
      expect(counter.inputs[0]?.input).toMatchObject({
        WaitTimeSeconds: 0,
        MaxNumberOfMessages: 10,
      });
    } finally {
      counter.remove();
    }
  });

  it('messages() defaults to long polling (WaitTimeSeconds 20)', async () => {
    const queue = await sqs.createQueue({ QueueName: queueName('long') });
    await queue.sendMessage({ MessageBody: 'x' });
    const counter = countRequests(client);
    try {
      const stop = new AbortController();
      for await (const message of queue.messages({}, { abortSignal: stop.signal })) {
        expect(await message.body).toBe('x');
        break;
      }
      expect(counter.inputs[0]?.input).toMatchObject({ WaitTimeSeconds: 20 });
    } finally {
      counter.remove();
    }
  });

  it('an abort stops messages() at the next item and deletes nothing', async () => {
    const queue = await sqs.createQueue({
      QueueName: queueName('abort'),
      Attributes: { VisibilityTimeout: '1' },
    });
    await queue.sendMessages({ Entries: entries(5) });
    const stop = new AbortController();
    const seen: Message[] = [];
    const iterate = async () => {
      for await (const message of queue.messages(
        { MaxNumberOfMessages: 10, WaitTimeSeconds: 0 },
        { abortSignal: stop.signal },
      )) {
        seen.push(message);
        stop.abort();
      }
    };
    await expect(iterate()).rejects.toBeInstanceOf(AbortError);
    expect(seen.length).toBe(1);
    // The messages received but not yielded were not deleted: once visible again, all 5 are there.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await drain(queue)).length).toBe(5);
  });

  it.each(SIGNAL_NAMES)(
    'an abort during a long poll cancels the request in flight (as %s)',
    async (name) => {
      const queue = await sqs.createQueue({ QueueName: queueName('poll-abort') });
      const stop = new AbortController();
      const started = Date.now();
      setTimeout(() => stop.abort(), 300);
      const iterate = async () => {
        for await (const message of queue.messages(
          { WaitTimeSeconds: 20 },
          { ...signalOption(name, stop.signal) },
        )) {
          void message;
        }
      };
      await expect(iterate()).rejects.toBeInstanceOf(AbortError);
      expect(Date.now() - started).toBeLessThan(5000);
    },
  );

  it('messages() refuses bad options before any request', () => {
    const queue = sqs.Queue('https://example.invalid/1/q');
    const badOptions = { stopWhenEmpty: 'yes' } as unknown as { stopWhenEmpty: boolean };
    expect(() => queue.messages({}, badOptions)).toThrow(ParamValidationError);
    const badSignal = { abortSignal: 'now' } as unknown as { abortSignal: AbortSignal };
    expect(() => queue.messages({}, badSignal)).toThrow(ParamValidationError);
  });
});

describe('batches', () => {
  it('sendMessages sends 25 entries in 3 requests of at most 10', async () => {
    const queue = await sqs.createQueue({ QueueName: queueName('send') });
    const counter = countRequests(client);
    try {
      const result = await queue.sendMessages({ Entries: entries(25) });
      expect(result.Successful.map((s) => s.Id).sort()).toEqual(
        entries(25)
          .map((e) => e.Id)
          .sort(),
      );
      expect(result.Failed).toEqual([]);
      expect(result.responses.length).toBe(3);
      expect(counter.byOperation).toEqual({ SendMessageBatch: 3 });
      expect(counter.inputs.map((i) => (i.input as { Entries: unknown[] }).Entries.length)).toEqual(
        [10, 10, 5],
      );
    } finally {
      counter.remove();
    }
  });

  it('sendMessages raises SendMessageBatchError with the failed and the successful entries', async () => {
    const queue = await sqs.createQueue({ QueueName: queueName('send-fail') });
    // SQS refuses a DelaySeconds over 900 for that entry alone (moto too).
    const batch = [...entries(11), { Id: 'late', MessageBody: 'x', DelaySeconds: 1000 }];
    const error = await queue.sendMessages({ Entries: batch }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SendMessageBatchError);
    expect(error).toBeInstanceOf(SQSBatchError);
    expect(error).toBeInstanceOf(BatchActionError);
    expect(error).not.toBeInstanceOf(DeleteMessageBatchError);
    if (!(error instanceof SendMessageBatchError)) return;
    expect(error.name).toBe('SendMessageBatchError');
    expect(error.failures.map((f) => f.Id)).toEqual(['late']);
    expect(error.successful.length).toBe(11);
    expect(error.responses.length).toBe(2);
  });

  it('sendMessages refuses bad entries before any request', async () => {
    const queue = sqs.Queue('https://example.invalid/1/q');
    const counter = countRequests(client);
    try {
      await expect(
        queue.sendMessages({
          Entries: [
            { Id: 'a', MessageBody: 'x' },
            { Id: 'a', MessageBody: 'y' },
          ],
        }),
      ).rejects.toThrow(/Entries\[1\]\.Id "a" repeats/);
      await expect(queue.sendMessages({ Entries: [{ Id: '', MessageBody: 'x' }] })).rejects.toThrow(
        ParamValidationError,
      );
      const noEntries = {} as unknown as { Entries: [] };
      await expect(queue.sendMessages(noEntries)).rejects.toThrow(ParamValidationError);
      const withUrl = { QueueUrl: 'other', Entries: [] } as unknown as { Entries: [] };
      await expect(queue.sendMessages(withUrl)).rejects.toThrow(ParamValidationError);
      expect((await queue.sendMessages({ Entries: [] })).responses).toEqual([]);
      expect(counter.total).toBe(0);
    } finally {
      counter.remove();
    }
  });

  it('an aborted signal stops a batch call before any request', async () => {
    const queue = sqs.Queue('https://example.invalid/1/q');
    const counter = countRequests(client);
    try {
      const stop = new AbortController();
      stop.abort();
      await expect(
        queue.sendMessages({ Entries: entries(12) }, { abortSignal: stop.signal }),
      ).rejects.toBeInstanceOf(AbortError);
      expect(counter.total).toBe(0);
    } finally {
      counter.remove();
    }
  });

  it('deleteMessages deletes received messages in groups of 10', async () => {
    const queue = await sqs.createQueue({ QueueName: queueName('delete') });
    await queue.sendMessages({ Entries: entries(15) });
    const received = await drain(queue);
    expect(received.length).toBe(15);
    const counter = countRequests(client);
    try {
      const result = await queue.deleteMessages(received);
      expect(result.Successful.length).toBe(15);
      expect(counter.byOperation).toEqual({ DeleteMessageBatch: 2 });
      expect(counter.inputs[1]?.input).toMatchObject({ Entries: [{ Id: '10' }, {}, {}, {}, {}] });
    } finally {
      counter.remove();
    }
  });

  it('deleteMessages raises DeleteMessageBatchError for bad receipt handles', async () => {
    const queue = await sqs.createQueue({ QueueName: queueName('delete-fail') });
    await queue.sendMessage({ MessageBody: 'x' });
    const [message] = await queue.receiveMessages({ WaitTimeSeconds: 1 });
    const error = await queue
      .deleteMessages({
        Entries: [
          { Id: 'good', ReceiptHandle: message?.receiptHandle ?? '' },
          { Id: 'bad', ReceiptHandle: 'not-a-handle' },
        ],
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(DeleteMessageBatchError);
    expect(error).toBeInstanceOf(SQSBatchError);
    expect(error).not.toBeInstanceOf(SendMessageBatchError);
    if (!(error instanceof DeleteMessageBatchError)) return;
    expect(error.name).toBe('DeleteMessageBatchError');
    expect(error.failures.map((f) => f.Id)).toEqual(['bad']);
    expect(error.successful.map((s) => s.Id)).toEqual(['good']);
  });

  it('deleteMessages refuses messages of another queue before any request', async () => {
    const queue = sqs.Queue('https://example.invalid/1/a');
    const other = sqs.Queue('https://example.invalid/1/b').Message('h');
    await expect(queue.deleteMessages([other])).rejects.toThrow(/belongs to/);
  });

  it('Message.delete, the model batch action, deletes messages of several queues', async () => {
    const a = await sqs.createQueue({ QueueName: queueName('batch-a') });
    const b = await sqs.createQueue({ QueueName: queueName('batch-b') });
    await a.sendMessages({ Entries: entries(12) });
    await b.sendMessages({ Entries: entries(3) });
    const messages = [...(await drain(a)), ...(await drain(b))];
    const counter = countRequests(client);
    try {
      const result = await Message.delete(messages);
      expect(result.Successful.length).toBe(15);
      expect(counter.byOperation).toEqual({ DeleteMessageBatch: 3 });
      expect(await a.receiveMessages({ WaitTimeSeconds: 0 })).toEqual([]);
    } finally {
      counter.remove();
    }
  });

  it('changeMessageVisibilityBatch goes in groups of 10 too', async () => {
    const queue = await sqs.createQueue({ QueueName: queueName('vis') });
    await queue.sendMessages({ Entries: entries(12) });
    const received = await drain(queue);
    const counter = countRequests(client);
    try {
      const result = await queue.changeMessageVisibilityBatch({
        Entries: received.map((m, i) => ({
          Id: String(i),
          ReceiptHandle: m.receiptHandle,
          VisibilityTimeout: 0,
        })),
      });
      expect(result.Successful.length).toBe(12);
      expect(counter.byOperation).toEqual({ ChangeMessageVisibilityBatch: 2 });
    } finally {
      counter.remove();
    }
  });
});

describe('FIFO queues', () => {
  it('MessageGroupId and MessageDeduplicationId pass through', async () => {
    const queue = await sqs.createQueue({
      QueueName: `${queueName('fifo')}.fifo`,
      Attributes: { FifoQueue: 'true' },
    });
    await queue.sendMessage({
      MessageBody: 'one',
      MessageGroupId: 'g',
      MessageDeduplicationId: 'd1',
    });
    await queue.sendMessage({
      MessageBody: 'one again',
      MessageGroupId: 'g',
      MessageDeduplicationId: 'd1',
    });
    await queue.sendMessages({
      Entries: [
        { Id: 'two', MessageBody: 'two', MessageGroupId: 'g', MessageDeduplicationId: 'd2' },
      ],
    });
    const received = await drain(queue);
    expect(await Promise.all(received.map((m) => m.body))).toEqual(['one', 'two']);
    expect((await received[0]?.attributes)?.MessageGroupId ?? 'g').toBe('g');
  });
});
