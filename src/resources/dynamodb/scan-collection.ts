import { ParamValidationError, parallelItems, type ParallelOptions } from '../../core/index.js';
import { ItemCollection } from './item-collection.js';

/**
 * The lazy result of `table.scan(...)`: an {@link ItemCollection} that also splits into
 * DynamoDB's parallel-scan segments (`Segment` / `TotalSegments`), to hand to other workers
 * (`segments`) or to iterate at once in this process (`parallel`).
 *
 * @typeParam T - the items it yields (native JavaScript values)
 * @typeParam P - the Scan params `filter` takes (conditions allowed)
 * @example
 * ```ts
 * const [first, second] = table.scan({ FilterExpression: Attr('age').gte(18) }).segments(2);
 * for await (const item of table.scan().parallel(4, { concurrency: 2 })) console.log(item);
 * ```
 *
 * @public
 */
export class ScanCollection<T extends object, P extends object> extends ItemCollection<T, P> {
  /**
   * The scan split into `count` segments: `count` independent collections
   * (`Segment: 0..count-1`, `TotalSegments: count`), each chainable, checkpointable and
   * serializable with `toJSON()`; together they yield every item once. No request is sent.
   *
   * @param count - the number of segments (1 to 1,000,000, as DynamoDB allows)
   * @example
   * ```ts
   * const jobs = table.scan().segments(8).map((segment) => JSON.stringify(segment));
   * ```
   */
  segments(count: number): this[] {
    const label = 'Table.scan.segments';
    if (
      typeof count !== 'number' ||
      !Number.isSafeInteger(count) ||
      count < 1 ||
      count > 1_000_000
    ) {
      throw new ParamValidationError(
        `${label}: expected an integer from 1 to 1000000, got ${String(count)}`,
      );
    }
    const { params, position } = this.toJSON();
    if (params.Segment !== undefined || params.TotalSegments !== undefined) {
      throw new ParamValidationError(`${label}: the scan is a segment already`);
    }
    if (position !== undefined) {
      throw new ParamValidationError(`${label}: the scan was restored part-way; split it before`);
    }
    return Array.from({ length: count }, (_, segment) =>
      this.filter({ Segment: segment, TotalSegments: count } as P),
    );
  }

  /**
   * Every item of the scan, read as `count` segments at once in this process, in the order
   * pages arrive. At most `concurrency` requests are in flight (default `count`); pages not
   * yet handed out count against it, so memory stays flat however large the table. An
   * `abortSignal`, an error in one segment, or leaving the loop aborts the requests in flight
   * of all segments, and waits for them, before the loop ends (the error is thrown).
   *
   * @param count - the number of segments
   * @param options - `concurrency`, `abortSignal`
   * @example
   * ```ts
   * let count = 0;
   * for await (const item of table.scan().parallel(4, { concurrency: 2 })) count++;
   * ```
   */
  parallel(count: number, options?: ParallelOptions): AsyncGenerator<T, void, undefined> {
    return parallelItems<T>(this.segments(count), options, 'Table.scan.parallel');
  }
}
