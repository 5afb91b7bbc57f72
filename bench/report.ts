/** The benchmark report: one markdown table, what each row measures, and why a target is missed. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { root } from './support/built.js';
import { table } from './support/measure.js';

export type Area =
  'engine overhead' | 'memory' | 'cold start' | 'bundle size' | 'requests' | 'end to end';

/** One row of the table. */
export interface Row {
  readonly area: Area;
  readonly job: string;
  /** The baseline's measurement, named (`raw v3: 1200 ms`, `boto3: 5`). */
  readonly baseline: string;
  readonly lib: string;
  /** The comparison the target is about (a ratio, a difference, the API minimum). */
  readonly result: string;
  readonly target: string;
  readonly met: boolean;
  /** Tells rows of one area apart for the notes (memory: `peak` or `live`). */
  readonly kind?: string;
}

/** What each area's rows measure. */
const MEASURES: Record<Area, string> = {
  'engine overhead':
    'The same job through the raw v3 client and through the built library (dist/), every request answered in-process from canned responses (bench/support/canned-*.ts: no network, no emulator), so what remains is the SDK’s and the library’s own cost. CPU time of the process, median of alternating raw/library runs after a warm-up; both sides must yield the same result. S3: `for await` over `bucket.objects.all()` (an ObjectSummary per key) against the pages of `paginateListObjectsV2`. DynamoDB: `for await` over `table.query(...)` against lib-dynamodb’s `paginateQuery` pages. Lazy loads: `await s3.Object(b, k).contentLength` (one HeadObject each) against `client.send(new HeadObjectCommand(...))`.',
  memory:
    'A fresh child process per measurement (bench/memory-child.ts) iterates canned keys, each page made on demand so the process holds one page at a time. Peak RSS: `process.resourceUsage().maxRSS` (checked against sampled `memoryUsage().rss`). Live heap: `heapUsed` after a full `gc()` half-way through the iteration, i.e. what the iteration holds on to. Both as the large run minus the small one, for the library and (baseline) the raw paginator.',
  'cold start':
    'Each load in a fresh node process, timed inside it around the load alone: CPU time (`process.cpuUsage()`, user + system) is the comparison, because loading is synchronous, CPU-bound work whose CPU time does not grow when other processes share the machine; wall time (`performance.now()`) is shown beside it. `import` rows: `await import()` of the built ESM entry (dist/esm/resources/<svc>/index.js) against `await import()` of the raw packages (Node resolves the v3 clients to their CommonJS build, which it loads through the ESM loader, for both sides). `require` rows: `require()` of the built CommonJS entry against `require()` of the raw packages. The raw side of DynamoDB loads lib-dynamodb too, as the library does for native values. Median of 11 runs per side (3 in smoke mode), alternating library and raw and which of the two goes first.',
  'bundle size':
    "The same small app per service (bench/bundle-apps.ts), written on aws-resources (importing its built ESM entry) and on the raw client, bundled by esbuild (`--bundle --minify --platform=node --format=esm --main-fields=module,main`) and gzipped with zlib at level 9. S3: list keys by prefix (`bucket.objects.filter({ Prefix })`, key and size) and read one object’s `contentLength` (raw: `paginateListObjectsV2` + `HeadObjectCommand`). DynamoDB: `table.putItem` of a native item and `table.query` with `Key('id').eq(...)` (raw: lib-dynamodb’s document client, `PutCommand` and `paginateQuery`). EC2: `instances.filter({ Filters: [tag:env=dev] }).stop()` (raw: `paginateDescribeInstances` and a `StopInstancesCommand` per page). Lambda: `await fn.runtime`, then `fn.invoke()` with a JSON payload (raw: `GetFunctionConfigurationCommand` and `InvokeCommand`, coding JSON with TextEncoder/TextDecoder).",
  requests:
    'HTTP requests sent for the job (per attempt: retries would count) on the same moto server: a v3 `finalizeRequest` middleware for aws-resources (test/support/request-counter.ts), botocore’s `before-send` event for boto3 resources (bench/boto3_requests.py). The API minimum is the fewest requests the API allows for the job.',
  'end to end':
    'Wall time of the same job on the same moto server (started by the bench on 127.0.0.1) in the same run: boto3 resources in one long-lived python process, aws-resources (built) in this one, both after a warm-up request per service. Median of runs that alternate which side goes first; the deletes run once each, on two buckets holding the same keys. Concurrency is used where the semantics allow, with the same bound on both sides where boto3 has one.',
};

/** Why a target is missed, per area (and kind); shown only for areas with a missed row. */
const WHY_MISSED: Record<string, string> = {
  'engine overhead':
    'What the library does per item that the raw loop does not: it builds a resource object per key (identifiers checked, frozen) and hands items out one at a time through an async iterator (a resolved promise per item), where the raw loop walks each page’s array. Profiled with `node --cpu-prof`, that is a few tenths of a microsecond per key against the SDK’s several microseconds of XML parsing and deserialisation; the hot spots found (an object spread per item, a JMESPath projection over each page that was then discarded, a name built per identifier check, canonical number forms and error paths built per DynamoDB value) are fixed. The remainder is the cost of yielding resources, and the ratios move by a few hundredths between runs on this shared 2-core machine.',
  'memory/peak':
    'V8’s heap sizing, not the iteration: the raw paginator’s peak grows by a similar amount (the row’s baseline; both move by ±15 MB between runs). Under sustained allocation V8 grows its young generation to the maximum (16 MB semi-spaces) and lets old space fill with garbage before a full collection; a 10,000-key run is too short for either. The live-heap row shows what the iteration keeps: it stays flat from 10,000 to 1,000,000 keys.',
  'memory/live': 'The iteration retains items: a collection must stream page by page.',
  'cold start/import':
    'Node’s ESM loader costs more per module than `require`: the library’s two ES modules (the engine bundle dist/esm/core and the service bundle with its generated classes and their descriptors) each go through the loader’s resolve, load, link and evaluate steps, and every CommonJS package they name is scanned for its exports before it can be linked; the DynamoDB entry therefore takes `NumberValue` from lib-dynamodb, which it loads anyway, not from util-dynamodb. The raw side pays the ESM loader for the client alone. A load’s CPU time moves by ±10–15% between runs on this shared machine.',
  'cold start/require':
    'The library’s own code loads on top of the client: the engine bundle (dist/cjs/core) and the service bundle (its generated classes, each member’s descriptor, and the hand-written customisations), both minified of white space. No model is interpreted or registered at load. The ratio is closest to 1 for EC2, whose client is the heaviest. A load’s CPU time moves by ±10–15% between runs on this shared machine, so ratios near 1.10× land on either side of the target from run to run.',
  'bundle size':
    'What an app on the library carries that one on the raw client does not. A bundler keeps every class the app can reach, and a service class reaches every resource class through its factories (`s3.Bucket`, `s3.Object`, `s3.BucketAcl`, ...), as boto3’s service resource does; each class reaches the commands its descriptors name. So the S3 app carries all 18 S3 resource classes and the 47 commands they send: the commands alone add about 5 KB gz over the raw app’s two, and lib-storage with s3-request-presigner (inlined by a single-file bundle although the library loads them on first use) about 4.5 KB gz more, before any code of the library. The rest is the engine (about 5 KB gz) and the generated classes. Nothing is registered at import and no model is embedded, so unused services and the JMESPath library are gone; going under +10 KB for S3 or EC2 would take an API whose resources do not all hang off one service object.',
  requests: 'A job sent more requests than the API needs or than boto3: a bug to fix.',
  'end to end':
    'moto serialises requests (about 100–170 per second on this machine, and concurrency does not raise that), so on jobs of many requests the server’s time dominates both sides and the ratio tends to 1: concurrency can only overlap the client’s work with the server’s. aws-resources leads where the client’s own cost shows (listing and deleting pages of keys, lazy reads) and where it sends less (`limit(10)` asks for 10 keys; boto3 asks for a page of 1,000 and drops the rest). Batch writes: both sides send the same requests, which moto answers one at a time. Uploads: lib-storage (which the library uses, as the design asks) re-chunks the file stream into part buffers and is slower than boto3’s s3transfer reading file ranges; raw lib-storage measures the same. Against real AWS, where requests run in parallel and each takes a network round trip, concurrency widens the lead: the latency mode (its own section below) puts a fixed round trip in front of moto to show it.',
};

function packageVersion(name: string): string {
  const file = join(root, 'node_modules', ...name.split('/'), 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Machine, Node, package and tool versions, as lines of the report. */
export function environment(smoke: boolean, boto3Version: string): string[] {
  const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const sdk = [
    '@aws-sdk/client-s3',
    '@aws-sdk/client-dynamodb',
    '@aws-sdk/lib-dynamodb',
    '@aws-sdk/client-ec2',
    '@aws-sdk/client-lambda',
    '@aws-sdk/lib-storage',
  ].map((name) => `${name} ${packageVersion(name)}`);
  let python = 'python3';
  try {
    python = execFileSync('python3', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // only shown in the report
  }
  return [
    `- Machine (every number below was measured on it): ${cpus().length} cores, ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}${smoke ? ' — **smoke sizes**' : ''}`,
    `- Node ${process.version}; aws-resources ${own.version} (built dist/); esbuild ${packageVersion('esbuild')}`,
    `- ${sdk.join(', ')}`,
    `- ${python}, boto3 ${boto3Version}, moto ${motoVersion()} (server mode on 127.0.0.1)`,
  ];
}

function motoVersion(): string {
  try {
    return execFileSync('python3', ['-c', 'import moto; print(moto.__version__)'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return 'unknown';
  }
}

/** The whole report: environment, the table, what each row measures, missed targets. */
export function reportMarkdown(rows: readonly Row[], env: readonly string[]): string {
  const body = rows.map((row, i) => [
    String(i + 1),
    row.area,
    row.job,
    row.baseline,
    row.lib,
    row.result,
    row.target,
    row.met ? 'yes' : '**no**',
  ]);
  const areas = [...new Set(rows.map((row) => row.area))];
  const missed = [
    ...new Set(
      rows
        .filter((row) => !row.met)
        .map((row) =>
          WHY_MISSED[`${row.area}/${row.kind}`] ? `${row.area}/${row.kind}` : row.area,
        ),
    ),
  ];
  const rowsOf = (key: string) =>
    rows
      .map((row, i) => ({ row, n: i + 1 }))
      .filter(({ row }) => !row.met && (row.area === key || `${row.area}/${row.kind}` === key))
      .map(({ n }) => n)
      .join(', ');
  return [
    '# Benchmarks',
    '',
    'aws-resources against the raw AWS SDK for JavaScript v3 and against boto3 resources; every comparison is measured in the same run. Produced by `npm run build && npm run bench -- --write` (bench/run.ts); `npm run bench -- --smoke` runs small sizes, as CI does.',
    '',
    ...env,
    '',
    table(['#', 'area', 'job', 'baseline', 'aws-resources', 'comparison', 'target', 'met'], body),
    '',
    '## What the rows measure',
    '',
    ...areas.map((area) => `- **${area}**: ${MEASURES[area]}`),
    '',
    '## Targets missed, and why',
    '',
    ...(missed.length === 0
      ? ['Every target is met.']
      : missed.map((key) => `- **${key}** (rows ${rowsOf(key)}): ${WHY_MISSED[key] ?? ''}`)),
    '',
  ].join('\n');
}
