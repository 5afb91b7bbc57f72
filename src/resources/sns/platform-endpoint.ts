import type { PublishCommandOutput } from '@aws-sdk/client-sns';
import { runAction, type RequestOptions } from '../../core/index.js';
import { PlatformEndpoint$publish, PlatformEndpointBase } from './generated/platform-endpoint.js';
import { encodePublishParams, type PublishParams } from './publish.js';

/**
 * A mobile push endpoint of a platform application: identifier `arn`, its `attributes`
 * (GetEndpointAttributes), a JSON `publish`, `setAttributes` and `delete`.
 *
 * @example
 * ```ts
 * const endpoint = await application.createPlatformEndpoint({ Token: deviceToken });
 * await endpoint.publish({ MessageStructure: 'json', Message: { default: 'Hi', GCM: { notification: { body: 'Hi' } } } });
 * ```
 *
 * @public
 */
export class PlatformEndpoint extends PlatformEndpointBase {
  /**
   * Sends `Publish` to the endpoint, with `Message` encoded as {@link Topic.publish} does.
   *
   * @param params - the Publish input without `TargetArn`; `Message` is a string or a JSON value
   * @param options - `abortSignal` cancels the request
   * @returns the Publish output (`MessageId`)
   * @example
   * ```ts
   * await endpoint.publish({ Message: 'Your order shipped' });
   * ```
   */
  async publish(params: PublishParams, options?: RequestOptions): Promise<PublishCommandOutput> {
    const input = encodePublishParams(params, 'TargetArn', 'PlatformEndpoint.publish');
    return runAction(this, PlatformEndpoint$publish, input, options);
  }
}
