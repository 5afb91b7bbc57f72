/**
 * The `#name` and `:value` placeholders of one request, shared by all its expressions so
 * that a KeyConditionExpression and a FilterExpression never reuse a placeholder for two
 * different things, and never take one the caller already uses.
 */
import type { NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import { define } from '../define.js';

/**
 * What the caller already put in ExpressionAttributeNames / ExpressionAttributeValues.
 *
 * @public
 */
export interface TakenPlaceholders {
  readonly names?: Readonly<Record<string, string>> | undefined;
  readonly values?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * A registry of placeholders for one request. Names are shared (the same attribute name always
 * gets the same `#n…`); every value gets its own `:v…`. Placeholders the caller already uses
 * are skipped.
 *
 * @example
 * ```ts
 * const placeholders = new ExpressionPlaceholders({ names: { '#n0': 'mine' } });
 * placeholders.name('id');   // '#n1'
 * placeholders.name('id');   // '#n1' again
 * placeholders.value(42);    // ':v0'
 * ```
 *
 * @public
 */
export class ExpressionPlaceholders {
  /** Every name placeholder made so far, `#n0` → attribute name. */
  readonly names: Record<string, string> = {};
  /** Every value placeholder made so far, `:v0` → native value. */
  readonly values: Record<string, NativeAttributeValue> = {};
  readonly #byName = new Map<string, string>();
  readonly #takenNames: ReadonlySet<string>;
  readonly #takenValues: ReadonlySet<string>;
  #nextName = 0;
  #nextValue = 0;

  /** @param taken - the caller's own placeholders, never reused */
  constructor(taken: TakenPlaceholders = {}) {
    this.#takenNames = new Set(Object.keys(taken.names ?? {}));
    this.#takenValues = new Set(Object.keys(taken.values ?? {}));
  }

  /**
   * The placeholder for an attribute name (one path segment), made on first use.
   *
   * @example
   * ```ts
   * new ExpressionPlaceholders().name('status'); // '#n0'
   * ```
   */
  name(attributeName: string): string {
    let placeholder = this.#byName.get(attributeName);
    if (placeholder === undefined) {
      do placeholder = `#n${this.#nextName++}`;
      while (this.#takenNames.has(placeholder));
      this.#byName.set(attributeName, placeholder);
      define(this.names, placeholder, attributeName);
    }
    return placeholder;
  }

  /**
   * A new placeholder for a value.
   *
   * @example
   * ```ts
   * new ExpressionPlaceholders().value('active'); // ':v0'
   * ```
   */
  value(value: NativeAttributeValue): string {
    let placeholder: string;
    do placeholder = `:v${this.#nextValue++}`;
    while (this.#takenValues.has(placeholder));
    define(this.values, placeholder, value);
    return placeholder;
  }
}
