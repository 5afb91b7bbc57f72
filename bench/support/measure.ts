/** The median of some numbers (0 for none). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * CPU time (user + system) this process spends in `job`, in milliseconds. In-process jobs
 * use one core, so this is their wall time on an idle machine, and unlike wall time it does
 * not grow when other processes share the machine.
 */
export async function cpuMs(job: () => Promise<unknown>): Promise<number> {
  const started = process.cpuUsage();
  await job();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** Wall time of `job`, in milliseconds. */
export async function wallMs(job: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await job();
  return performance.now() - started;
}

/** A markdown table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
