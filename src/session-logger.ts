/**
 * The logger a session gives its clients: the caller's, with credential members masked.
 *
 * Why: a v3 client logs each command's output, hiding only members its model marks
 * sensitive, and the SDK's own STS client (the one that assumes roles for the credential
 * chain) logs through its caller's logger — STS `AssumeRole` output shows the new
 * `SessionToken` in the clear. Masking by member name covers STS, SSO and any other
 * credential-carrying output, whichever client logs it.
 *
 * @packageDocumentation
 */
import type { Logger } from '@smithy/types';

const SECRET_MEMBERS = new Set([
  'secretaccesskey',
  'sessiontoken',
  'accesstoken',
  'refreshtoken',
  'clientsecret',
  'token',
]);
export const MASK = '***SensitiveInformation***';
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;

/** `logger` with every argument's credential members masked (a copy; the original is kept). */
export function redactingLogger(logger: Logger): Logger {
  const out: Partial<Record<(typeof LEVELS)[number], (...args: unknown[]) => void>> = {};
  for (const level of LEVELS) {
    const log = (logger as unknown as Partial<Record<string, (...args: unknown[]) => void>>)[level];
    if (typeof log === 'function') {
      out[level] = (...args) =>
        log.apply(
          logger,
          args.map((arg) => redact(arg, 0)),
        );
    }
  }
  return out as Logger;
}

/** Masks credential members of plain objects and arrays (up to a depth: logs are shallow). */
function redact(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > 12) return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    copy[key] =
      SECRET_MEMBERS.has(key.toLowerCase()) && member !== undefined && member !== null
        ? MASK
        : redact(member, depth + 1);
  }
  return copy;
}
