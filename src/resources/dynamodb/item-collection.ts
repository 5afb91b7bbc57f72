import { NumberValue, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import {
  CODEC,
  Collection,
  responsesOf,
  type RequestOptions,
  type ValueCodec,
} from '../../core/index.js';
import { prepareRequest } from './prepare.js';

/**
 * One raw Query or Scan response, its items in native values.
 *
 * @public
 */
export type ItemPage<T> = Omit<QueryCommandOutput, 'Items'> & { Items: T[] };

type Source = ConstructorParameters<typeof Collection>[0];
type State = { readonly filters: readonly object[] };

/**
 * The lazy result of `table.query(...)` / `table.scan(...)`: iterate it for items across
 * pages, or take one raw page (with `LastEvaluatedKey`) with `page()`. `limit(n)` asks the
 * service for no more than `n` items (DynamoDB's `Limit`), `pageSize(n)` for `n` per request.
 *
 * @typeParam T - the items it yields (native JavaScript values)
 * @typeParam P - the Query or Scan params `filter` takes (conditions allowed)
 * @example
 * ```ts
 * for await (const item of table.query({ KeyConditionExpression: Key('id').eq('u1') })) {}
 * const { Items, LastEvaluatedKey } = await table.scan().limit(10).page();
 * ```
 *
 * @public
 */
export class ItemCollection<T extends object, P extends object> extends Collection<T, P> {
  /** @internal A `NumberValue` in params travels in a checkpoint as `{"$number": "1.5"}`. */
  static readonly [CODEC]: ValueCodec = {
    tag: '$number',
    encode: (value) => (value instanceof NumberValue ? value.value : undefined),
    decode: (json) => NumberValue.from(json),
  };

  readonly #filters: readonly object[];
  /** `Table.query`, for errors. */
  readonly #label: string;

  /** @internal Made by `table.query()` and `table.scan()`. */
  constructor(source: Source, state?: State) {
    super(source, state as ConstructorParameters<typeof Collection>[1]);
    this.#filters = state?.filters ?? [];
    this.#label = source.label;
  }

  /**
   * Adds Query/Scan params; conditions (`Key`, `Attr`) become expressions whose placeholders
   * never clash with those of earlier params.
   *
   * @example
   * ```ts
   * const adults = table.scan().filter({ FilterExpression: Attr('age').gte(18) });
   * ```
   */
  override filter(params: P): this {
    // Placeholders already in use by earlier params are taken.
    const taken = { ExpressionAttributeNames: {}, ExpressionAttributeValues: {} };
    for (const earlier of this.#filters) {
      const { ExpressionAttributeNames, ExpressionAttributeValues } = earlier as typeof taken;
      Object.assign(taken.ExpressionAttributeNames, ExpressionAttributeNames);
      Object.assign(taken.ExpressionAttributeValues, ExpressionAttributeValues);
    }
    const prepared = prepareRequest(params, this.#label, ['ExclusiveStartKey'], taken);
    return super.filter(prepared as P);
  }

  /**
   * One request: the first page, raw (`Items`, `Count`, `ScannedCount`, `LastEvaluatedKey`,
   * `ConsumedCapacity`). Pass `LastEvaluatedKey` back as `ExclusiveStartKey` to go on.
   *
   * @example
   * ```ts
   * const first = await table.query({ KeyConditionExpression: Key('id').eq('u1') }).limit(25).page();
   * const next = await table
   *   .query({ KeyConditionExpression: Key('id').eq('u1'), ExclusiveStartKey: first.LastEvaluatedKey })
   *   .limit(25)
   *   .page();
   * ```
   */
  async page(options?: RequestOptions): Promise<ItemPage<T>> {
    const responses = responsesOf(this, options);
    try {
      const first = await responses.next();
      // Only limit(0) asks for nothing: no request, an empty page.
      if (first.done) return { Items: [], Count: 0, ScannedCount: 0, $metadata: {} };
      return { ...(first.value.response as ItemPage<T>), Items: first.value.items };
    } finally {
      await responses.return();
    }
  }
}
