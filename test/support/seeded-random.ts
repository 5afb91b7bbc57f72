/**
 * A seeded pseudo-random stream (mulberry32): the same seed gives the same numbers, so a
 * run that injected faults can be replayed with its seed.
 */

/** Numbers in [0, 1), the same sequence for the same 32-bit seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seed for a test file: `FAULT_SEED` from the environment when set (to replay a run),
 * else `fallback`, so the suite's figures are reproducible by default.
 */
export function faultSeed(fallback: number): number {
  const fromEnv = process.env.FAULT_SEED;
  if (fromEnv === undefined || fromEnv === '') return fallback >>> 0;
  const seed = Number(fromEnv);
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new Error(`FAULT_SEED must be a non-negative integer, got ${JSON.stringify(fromEnv)}`);
  }
  return seed >>> 0;
}
