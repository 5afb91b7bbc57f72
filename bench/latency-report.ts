/**
 * The latency-mode section of docs/benchmarks.md: its own table (rows L1, L2, ...), the setup,
 * and why a target is missed. Delimited by markers, so that `--only latency --write` can
 * replace this section alone and a full `--write` writes the same section.
 */
import { cpus } from 'node:os';
import { DEFAULT_ROUND_TRIP_MS, type LatencyKind, type LatencyRun } from './latency.js';
import { table } from './support/measure.js';

export const LATENCY_START = '<!-- latency mode: written by bench/run.ts -->';
export const LATENCY_END = '<!-- end of latency mode -->';

/** A latency row meets its target at this speed-up, with no more requests than boto3. */
export const LATENCY_TARGET = 2;

const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
const pages = (n: number) => `${n} page${n === 1 ? '' : 's'}`;

type Job = LatencyRun['jobs'][number];

/** The share of boto3's time that moto spent answering it. */
const motoShare = (job: Job) => `${Math.round((100 * job.motoMs) / job.boto3Ms)}%`;

/** What bounds every row: moto's own, serial time (shown only for a missed row). */
function floor(job: Job): string {
  return `moto answered boto3’s requests in ${ms(job.motoMs)} of boto3’s ${ms(job.boto3Ms)} (answer times summed at the proxy; boto3 sends one request at a time), and it answers one request at a time, so a client sending the same requests can only save the rest: at most about ${(job.boto3Ms / job.motoMs).toFixed(2)}× as fast as boto3. The answer times include handing each answer to boto3, slower in Python than in Node for large answers, so the library can beat that estimate a little; it took ${ms(job.libMs)}.`;
}

/** Why a latency row misses its target, per job (only shown for a missed row). */
const WHY_MISSED: Record<LatencyKind, (job: Job, run: LatencyRun) => string> = {
  delete: (job) =>
    `${floor(job)} A DeleteObjects of 1,000 keys and a ListObjectsV2 page of 1,000 each keep moto busy far longer than the round trip. The library lists the next page while the previous DeleteObjects runs, which overlaps the round trips and its own work with moto’s, but cannot shorten moto’s work; where the library’s time above moto’s goes was not profiled (its XML building and parsing and moto share the same cores).`,
  write: (job) =>
    `${floor(job)} With several BatchWriteItem requests in flight their round trips overlap, but moto writes the batches one after another.`,
  scan: (job, run) =>
    `${floor(job)} moto sorts the whole table and copies each returned item for every Scan request, so its time per page is long. The parallel segments overlap the ${pages(run.scanPages)}’ round trips and the library’s parsing with moto’s work; what is left to gain over boto3 is its round trips and its deserialisation of every item in Python, page after page. Against DynamoDB, which serves segments in parallel, the gain would grow with the number of segments. At smoke sizes the whole table is one page: each segment is one request, so the library sends more requests than boto3.`,
  download: (job) =>
    `${floor(job)} The library keeps several downloads in flight, so their round trips overlap, and sends one GetObject a file where boto3 sends a HeadObject and a GetObject.`,
};

/** Whether a latency job met its target. */
export function latencyMet(job: Job): boolean {
  return job.boto3Ms / job.libMs >= LATENCY_TARGET && job.libRequests <= job.boto3Requests;
}

/** The section, markers included. */
export function latencyMarkdown(run: LatencyRun, env: readonly string[]): string {
  const requests = (n: number) => `${n.toLocaleString('en')} request${n === 1 ? '' : 's'}`;
  const body = run.jobs.map((job, i) => [
    `L${i + 1}`,
    job.job,
    job.boto3How,
    job.libHow,
    `boto3: ${ms(job.boto3Ms)}, ${requests(job.boto3Requests)}`,
    `${ms(job.libMs)}, ${requests(job.libRequests)}`,
    `${(job.boto3Ms / job.libMs).toFixed(2)}× as fast (moto busy ${motoShare(job)} of boto3’s time)`,
    `≥ ${LATENCY_TARGET}× as fast, requests ≤ boto3`,
    latencyMet(job) ? 'yes' : '**no**',
  ]);
  const missed = run.jobs
    .map((job, i) => ({ job, row: `L${i + 1}` }))
    .filter(({ job }) => !latencyMet(job));
  return [
    LATENCY_START,
    '## Latency mode',
    '',
    `Produced by \`npm run build && npm run bench -- --only latency --write\` (this section alone; a full \`--write\` run writes it too), round trip set with \`--latency <ms>\` (default ${DEFAULT_ROUND_TRIP_MS}).`,
    '',
    `Every request of both sides goes through a local HTTP proxy (bench/support/latency-proxy.ts, on 127.0.0.1) that holds it for a fixed round trip of **${run.roundTripMs} ms** (${DEFAULT_ROUND_TRIP_MS} ms by default, about a same-region AWS call), then forwards it to moto. The proxy passes requests concurrently (a connection each, no limit); moto itself works through them one at a time (its Python server holds the GIL), so the server’s own time per request is still paid in series, while the round trips of concurrent requests overlap. The proxy counts both sides’ requests. Both sides work on the same data, made directly on moto before the runs; boto3 resources run in one long-lived python process, aws-resources (built dist/) in the bench’s, each after a warm-up request per service. Wall time is the median of runs that alternate which side goes first; each delete runs once, on its own bucket of the same keys. The scan’s items are about 760 bytes, so that moto (which, like DynamoDB, ends a page at 1 MB) returns boto3’s sequential scan in ${pages(run.scanPages)}. The proxy also sums moto’s answer times (from forwarding a request to the end of its answer): in boto3’s runs, whose requests go one at a time, that is about how long moto itself was busy, which no client sending the same requests can avoid; the table shows it as a share of boto3’s time. The machine’s 1-minute load average (other processes share its ${cpus().length} cores) was ${run.loadAverage[0].toFixed(1)} before the runs and ${run.loadAverage[1].toFixed(1)} after: moto’s time per request, and with it every row, grows with it.`,
    '',
    ...env,
    '',
    table(
      [
        '#',
        'job',
        'boto3 runs it as',
        'aws-resources runs it as',
        'baseline',
        'aws-resources',
        'comparison',
        'target',
        'met',
      ],
      body,
    ),
    '',
    '### Latency targets missed, and why',
    '',
    ...(missed.length === 0
      ? ['Every target is met.']
      : missed.map(
          ({ job, row }) => `- **${job.job}** (row ${row}): ${WHY_MISSED[job.kind](job, run)}`,
        )),
    '',
    LATENCY_END,
    '',
  ].join('\n');
}

/** `doc` with its latency section replaced by `section` (appended when it has none). */
export function withLatencySection(doc: string, section: string): string {
  const start = doc.indexOf(LATENCY_START);
  const end = doc.indexOf(LATENCY_END);
  if (start < 0 || end < start) return `${doc.trimEnd()}\n\n${section}`;
  return doc.slice(0, start) + section + doc.slice(end + LATENCY_END.length).replace(/^\n+/, '');
}
