import type { CreateTagsCommandInput } from '@aws-sdk/client-ec2';
import { runAction, type RequestOptions } from '../../core/index.js';
import { EC2$createTags, EC2Base } from './generated/service.js';
import type { Tag } from './generated/tag.js';

/**
 * The entry to Amazon EC2: resource factories (`ec2.Instance(id)`, `ec2.Vpc(id)`, ...),
 * creators that return resources (`createInstances`, `createVpc`, ...) and top-level
 * collections (`ec2.instances`, `ec2.images`, ...).
 *
 * @example
 * ```ts
 * const ec2 = new EC2({ region: 'us-east-1' }); // or new EC2({ client })
 * const [instance] = await ec2.createInstances({ ImageId: 'ami-12345678', MinCount: 1, MaxCount: 1 });
 * ```
 *
 * @public
 */
export class EC2 extends EC2Base {
  /**
   * Sends `CreateTags` and returns a Tag resource for every resource × tag pair, as boto3's
   * customisation does. A tag without a `Value` gets the empty value, as EC2 stores it.
   *
   * @param params - the `CreateTags` input: `Resources` and `Tags`
   * @param options - `abortSignal` cancels the request
   * @example
   * ```ts
   * const tags = await ec2.createTags({ Resources: [vpc.id], Tags: [{ Key: 'env', Value: 'dev' }] });
   * ```
   */
  async createTags(params: CreateTagsCommandInput, options?: RequestOptions): Promise<Tag[]> {
    await runAction(this, EC2$createTags, params, options);
    const tags: Tag[] = [];
    for (const resourceId of params.Resources ?? []) {
      for (const { Key, Value } of params.Tags ?? []) {
        if (Key !== undefined) tags.push(this.Tag(resourceId, Key, Value ?? ''));
      }
    }
    return tags;
  }
}
