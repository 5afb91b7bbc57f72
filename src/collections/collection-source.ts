import type { Path } from '../core/accessors.js';
import type { HasManyDefinition } from '../core/definition-types.js';
import type { ParamContext } from '../core/params.js';
import type { RequestOptions } from '../core/request.js';
import type { ServiceModel } from '../core/service-model.js';

/**
 * What a collection lists from: the owner's model, client and identifiers, and the
 * collection's definition. Engine API (public declarations name it, so not marked internal).
 */
export interface CollectionSource {
  readonly model: ServiceModel;
  readonly client: object;
  readonly definition: HasManyDefinition<Path>;
  /** `Bucket.Objects`, for errors. */
  readonly label: string;
  /** The owner's identifiers and data (loaded first when the request needs data). */
  context(options: RequestOptions): Promise<ParamContext>;
}
