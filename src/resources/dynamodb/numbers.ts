/**
 * DynamoDB numbers (decimal strings of up to 38 digits) ↔ JavaScript. Numbers are never
 * silently rounded: a number comes back as a JS `number` only when that number prints as the
 * very same decimal and can be written back unchanged; otherwise as a `NumberValue` holding
 * the exact string. On the way in, JS numbers beyond the exact integer range are refused
 * (they may already have been rounded): use a BigInt or a NumberValue.
 */
// lib-dynamodb re-exports util-dynamodb's class: one module for an ESM import to load.
import { NumberValue } from '@aws-sdk/lib-dynamodb';

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * A canonical form of a decimal string (sign, significant digits, exponent), so that `1.50`,
 * `15e-1` and `1.5` compare equal. `undefined` when `text` is not a decimal number.
 *
 * @example
 * ```ts
 * canonicalDecimal('1.50') === canonicalDecimal('1.5'); // true: '15e-1'
 * ```
 */
export function canonicalDecimal(text: string): string | undefined {
  const match = DECIMAL.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return undefined;
  let digits = (whole + fraction).replace(/^0+/, '');
  if (digits === '') return '0';
  let power = BigInt(exponent) - BigInt(fraction.length);
  const trailing = /0+$/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(0, digits.length - trailing);
  power += BigInt(trailing);
  return `${sign === '-' ? '-' : ''}${digits}e${power}`;
}

/**
 * How a DynamoDB number string comes back: a JS `number` when it is exact (a safe integer, or
 * a decimal that JavaScript prints back identically, like `0.1`), else a `NumberValue` with
 * the exact string (2^53 + 1, 38-digit decimals). Used as lib-dynamodb's `wrapNumbers`.
 *
 * @example
 * ```ts
 * wrapNumber('42');                 // 42
 * wrapNumber('0.1');                // 0.1
 * wrapNumber('9007199254740993');   // NumberValue { value: '9007199254740993' }
 * ```
 */
export function wrapNumber(text: string): number | NumberValue {
  const number = Number(text);
  // String(number) === text is the common case and needs no canonical forms (a hot path).
  const exact =
    Number.isFinite(number) &&
    (!Number.isInteger(number) || Number.isSafeInteger(number)) &&
    (String(number) === text || canonicalDecimal(text) === canonicalDecimal(String(number)));
  // -0 is not a DynamoDB number: '-0' reads as 0.
  return exact ? number + 0 : new NumberValue(text);
}

/**
 * The DynamoDB string of a JS number, bigint or NumberValue, or a problem description when
 * it cannot be sent exactly.
 *
 * @example
 * ```ts
 * numberText(0.1);                        // { text: '0.1' }
 * numberText(2 ** 53 + 2);                // { problem: '... use a BigInt or a NumberValue' }
 * numberText(new NumberValue('1e400'));   // { text: '1e400' }
 * ```
 */
export function numberText(value: number | bigint | NumberValue): {
  text?: string;
  problem?: string;
} {
  if (typeof value === 'bigint') return { text: value.toString() };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { problem: `${value} is not a DynamoDB number` };
    if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      return {
        problem:
          `${value} is beyond JavaScript's exact integer range (±2^53 - 1) and may already be ` +
          `rounded: use a BigInt (${BigInt(value)}n) or a NumberValue ('...') for large numbers`,
      };
    }
    return { text: String(value + 0) };
  }
  const text = String(value.value);
  return canonicalDecimal(text) === undefined
    ? { problem: `NumberValue '${text}' is not a decimal number` }
    : { text };
}
