import type {
  LayerVersionContentInput,
  PublishLayerVersionCommandInput,
} from '@aws-sdk/client-lambda';
import { runAction, type ActionParams, type RequestOptions } from '../../core/index.js';
import { Layer$publishVersion, LayerBase } from './generated/layer.js';
import type { LayerVersion } from './generated/layer-version.js';
import { withZipBytes, type PackageInput } from './zip.js';

/**
 * A layer's content, with `ZipFile` as bytes or the path of a `.zip` file, or `files` to zip.
 *
 * @public
 */
export type LayerContent = PackageInput<LayerVersionContentInput>;

/**
 * The params of `publishVersion`: the PublishLayerVersion input, `ZipFile` as bytes or a path.
 *
 * @public
 */
export type PublishLayerVersionParams = Omit<
  ActionParams<PublishLayerVersionCommandInput, 'LayerName'>,
  'Content'
> & { readonly Content: LayerContent };

/**
 * A Lambda layer (identifier `name`): its latest version (loaded with one
 * ListLayerVersions), its versions, and `publishVersion`.
 *
 * @example
 * ```ts
 * const layer = new Lambda().Layer('shared-libs');
 * const v = await layer.publishVersion({ Content: { ZipFile: './layer.zip' } });
 * for await (const version of layer.versions.all()) console.log(version.version);
 * ```
 *
 * @public
 */
export class Layer extends LayerBase {
  /**
   * Sends `PublishLayerVersion`; `Content.ZipFile` may be bytes or a path to a `.zip` file,
   * read before any request.
   *
   * @param params - the PublishLayerVersion input without `LayerName`
   * @param options - `abortSignal` cancels the request
   * @returns the new LayerVersion, with the response as its data
   * @example
   * ```ts
   * const v = await layer.publishVersion({ Content: { ZipFile: './layer.zip' }, CompatibleRuntimes: ['nodejs20.x'] });
   * ```
   */
  async publishVersion(
    params: PublishLayerVersionParams,
    options?: RequestOptions,
  ): Promise<LayerVersion> {
    const withBytes = await withZipBytes(params, 'Content', 'Layer.publishVersion');
    return runAction(this, Layer$publishVersion, withBytes, options) as Promise<LayerVersion>;
  }
}
