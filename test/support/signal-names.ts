/**
 * The two names every options object takes its cancellation signal under: the v3 clients'
 * `abortSignal` and `fetch`'s `signal`. Abort tests run over both.
 */
export const SIGNAL_NAMES = ['abortSignal', 'signal'] as const;

export type SignalName = (typeof SIGNAL_NAMES)[number];

/** `{ abortSignal: signal }` or `{ signal }`. */
export function signalOption(
  name: SignalName,
  signal: AbortSignal,
): { abortSignal: AbortSignal } | { signal: AbortSignal } {
  return name === 'signal' ? { signal } : { abortSignal: signal };
}
