/**
 * Sets an own, enumerable, writable property whatever the key: `__proto__` stays plain data.
 *
 * @example
 * ```ts
 * const item = {};
 * define(item, '__proto__', 'x'); // Object.keys(item) → ['__proto__'], prototype unchanged
 * ```
 */
export function define(target: object, key: string, value: unknown): void {
  // Only `__proto__` is special when assigned; defineProperty is slower, so only for it.
  if (key !== '__proto__') (target as Record<string, unknown>)[key] = value;
  else
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}
