import type { HasManySpec } from '../core/descriptors.js';
import type { Owner } from '../core/owner.js';
import type { ParamContext } from '../core/params.js';
import type { RequestOptions } from '../core/request.js';

/**
 * What a collection lists from: its owner (a resource or service object) and the
 * collection's descriptor. Extension API: made by `collectionOf`.
 */
export interface CollectionSource {
  readonly owner: Owner;
  readonly spec: HasManySpec;
  /** `Bucket.objects`, for errors. */
  readonly label: string;
  /** The owner's `toJSON()` (`{ service, type, identifiers }`), for the collection's JSON. */
  readonly json?: () => { readonly service: string };
  /** The owner's identifiers and data (loaded first when the request needs data). */
  context(options: RequestOptions): Promise<ParamContext>;
}
