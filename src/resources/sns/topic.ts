import type { PublishCommandOutput } from '@aws-sdk/client-sns';
import { runAction, type RequestOptions } from '../../core/index.js';
import { Topic$publish, TopicBase } from './generated/topic.js';
import { encodePublishParams, type PublishParams } from './publish.js';

/**
 * An SNS topic: identifier `arn`, its `attributes` (GetTopicAttributes, loaded once, on first
 * read), a JSON `publish`, `subscribe` that returns a {@link Subscription} resource, and its
 * `subscriptions` collection.
 *
 * @example
 * ```ts
 * const topic = await new SNS().createTopic({ Name: 'orders' });
 * await topic.publish({ Message: { order: 7, status: 'shipped' } });
 * ```
 *
 * @public
 */
export class Topic extends TopicBase {
  /**
   * Sends `Publish` to the topic. A `Message` that is not a string is sent JSON-encoded; with
   * `MessageStructure: 'json'`, `Message` is an object of per-protocol messages with a
   * `default` string, each JSON-encoded when it is not a string. What JSON cannot carry (NaN,
   * a `Date`, a cycle) is refused before any request.
   *
   * @param params - the Publish input without `TopicArn`; `Message` is a string or a JSON value
   * @param options - `abortSignal` cancels the request
   * @returns the Publish output (`MessageId`)
   * @example
   * ```ts
   * const { MessageId } = await topic.publish({ Message: { order: 7 } });
   * await topic.publish({ MessageStructure: 'json', Message: { default: 'Order 7', sqs: { order: 7 } } });
   * ```
   */
  async publish(params: PublishParams, options?: RequestOptions): Promise<PublishCommandOutput> {
    const input = encodePublishParams(params, 'TopicArn', 'Topic.publish');
    return runAction(this, Topic$publish, input, options);
  }
}
