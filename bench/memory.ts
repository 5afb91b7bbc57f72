/**
 * Memory: what a fresh process needs to iterate many keys minus what it needs for few, for
 * the library and for the raw paginator. Peak RSS is what the process costs the machine;
 * the live heap after a full GC half-way through shows what the iteration holds on to.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './support/built.js';

type Mode = 'lib' | 'raw';
type What = 'peak' | 'live';

/** Bytes at the small and at the large size, per side. */
export interface MemoryGrowth {
  readonly what: What;
  readonly smallKeys: number;
  readonly largeKeys: number;
  /** Large minus small, in bytes. */
  readonly raw: number;
  readonly lib: number;
}

function measure(mode: Mode, keys: number, what: What): number {
  const flags = what === 'live' ? ['--expose-gc'] : [];
  const result = spawnSync(
    process.execPath,
    [...flags, '--import', 'tsx', join(root, 'bench', 'memory-child.ts'), mode, String(keys), what],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    },
  );
  if (result.status !== 0) {
    throw new Error(`memory child (${mode} ${keys} ${what}) failed: ${result.stderr}`);
  }
  const last = result.stdout.trim().split('\n').pop() ?? '{}';
  const { bytes } = JSON.parse(last) as { bytes?: number };
  if (typeof bytes !== 'number') throw new Error(`memory child printed ${last}`);
  return bytes;
}

/** Growth from 10,000 keys to 1,000,000 (smoke: 50,000): peak RSS and live heap. */
export function memoryGrowth(smoke: boolean): MemoryGrowth[] {
  const smallKeys = 10_000;
  const largeKeys = smoke ? 50_000 : 1_000_000;
  const growth = (mode: Mode, what: What) =>
    measure(mode, largeKeys, what) - measure(mode, smallKeys, what);
  return (['peak', 'live'] as const).map((what) => ({
    what,
    smallKeys,
    largeKeys,
    raw: growth('raw', what),
    lib: growth('lib', what),
  }));
}
