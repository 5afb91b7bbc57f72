/**
 * A fault-injecting HTTP proxy on 127.0.0.1, in front of moto. A seeded random stream decides,
 * request by request, to pass it on or to inject a fault at a set rate:
 *
 * - `internalError`: HTTP 500 in the service's error format (S3 `InternalError`, DynamoDB
 *   `InternalServerError`, EC2 `InternalError`, Lambda `ServiceException`);
 * - `throttle`: S3 503 `SlowDown`, DynamoDB 400 `ThrottlingException`, EC2 503
 *   `RequestLimitExceeded`, Lambda 429 `TooManyRequestsException`;
 * - `reset`: the connection is destroyed without an answer;
 * - `slow`: the answer comes `slowMs` late;
 * - `truncate`: the status, headers and half the body, then the connection is destroyed.
 *
 * Errors and resets happen either before the request reaches moto or after moto applied it
 * (`appliedShare` of them), so clients also see failures of requests that did take effect,
 * as on a real network. Faults stop after `maxFaults` or `faultWindowMs`, and the proxy closes
 * itself after `lifetimeMs`. `stats` counts everything it did.
 */
import {
  Agent,
  createServer,
  request as upstreamRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { testEndpoint } from './emulator.js';
import { seededRandom } from './seeded-random.js';

export const FAULT_KINDS = ['internalError', 'throttle', 'reset', 'slow', 'truncate'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type FaultRates = Partial<Record<FaultKind, number>>;

/** 10% of requests faulted, 2% of each kind. */
export const TEN_PERCENT: FaultRates = {
  internalError: 0.02,
  throttle: 0.02,
  reset: 0.02,
  slow: 0.02,
  truncate: 0.02,
};

/** How a request speaks, which decides the format of an injected error. */
export type Protocol = 'rest-xml' | 'json' | 'query' | 'rest-json';

export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
  readonly protocol: Protocol;
  /** `BatchWriteItem`, `DescribeInstances`, or `METHOD /path?query-keys` for REST calls. */
  readonly operation: string;
}

export interface FaultProxyOptions {
  /** Seed of the random stream (print it: the same seed replays the same decisions). */
  readonly seed: number;
  readonly rates: FaultRates;
  /** The emulator to forward to (default: the shared moto of the jest global setup). */
  readonly target?: string;
  /** No more faults after this many (default 500). */
  readonly maxFaults?: number;
  /** No more faults this long after the start, in ms (default 90 s). */
  readonly faultWindowMs?: number;
  /** The proxy closes itself this long after the start, in ms (default 180 s). */
  readonly lifetimeMs?: number;
  /** The delay of a slow answer, in ms (default 150). */
  readonly slowMs?: number;
  /** Share of errors and resets injected after moto applied the request (default 0.5). */
  readonly appliedShare?: number;
  /** Which requests may be faulted (default: all). */
  readonly eligible?: (request: ProxiedRequest) => boolean;
}

export interface InjectedFault {
  /** The request's number, from 1. */
  readonly n: number;
  readonly operation: string;
  readonly kind: FaultKind;
  /** Whether moto received (and applied) the request. */
  readonly applied: boolean;
}

export interface FaultStats {
  /** Requests received. */
  readonly requests: number;
  /** Requests answered unchanged. */
  readonly passed: number;
  readonly faults: Readonly<Record<FaultKind, number>>;
  readonly totalFaults: number;
  /** Faults injected after moto applied the request. */
  readonly applied: number;
  readonly log: readonly InjectedFault[];
}

export interface FaultProxy {
  /** `http://127.0.0.1:PORT`: point clients here (S3 with `forcePathStyle: true`). */
  readonly endpoint: string;
  readonly seed: number;
  readonly stats: FaultStats;
  /** One line for a test's output: seed, requests and faults by kind. */
  summary(): string;
  /**
   * What happened after request number `mark` (a `stats.requests` taken earlier): requests,
   * faults, and a line with the faults by kind.
   */
  since(mark: number): {
    readonly requests: number;
    readonly faults: number;
    readonly text: string;
  };
  /** Stops faulting; every later request passes. */
  calm(): void;
  /** Closes the proxy and every connection; resolves once closed. Safe to call twice. */
  stop(): Promise<void>;
}

interface Upstream {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Starts a proxy on 127.0.0.1 (a free port) in front of `options.target`. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target ?? testEndpoint());
  const {
    seed,
    rates,
    maxFaults = 500,
    faultWindowMs = 90_000,
    lifetimeMs = 180_000,
    slowMs = 150,
    appliedShare = 0.5,
    eligible = () => true,
  } = options;
  for (const kind of Object.keys(rates)) {
    if (!(FAULT_KINDS as readonly string[]).includes(kind)) throw new Error(`no fault '${kind}'`);
  }
  const random = seededRandom(seed);
  const started = Date.now();
  const faults = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  const log: InjectedFault[] = [];
  let requests = 0;
  let passed = 0;
  let applied = 0;
  let calm = false;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });

  const decide = (request: ProxiedRequest): { kind?: FaultKind; applied: boolean } => {
    // Two draws per request whatever the outcome, so the stream stays aligned with requests.
    const pick = random();
    const after = random() < appliedShare;
    if (calm || log.length >= maxFaults || Date.now() - started > faultWindowMs) {
      return { applied: false };
    }
    if (!eligible(request)) return { applied: false };
    let edge = 0;
    for (const kind of FAULT_KINDS) {
      edge += rates[kind] ?? 0;
      if (pick < edge) return { kind, applied: after };
    }
    return { applied: false };
  };

  const record = (n: number, request: ProxiedRequest, kind: FaultKind, wasApplied: boolean) => {
    faults[kind] += 1;
    if (wasApplied) applied += 1;
    log.push({ n, operation: request.operation, kind, applied: wasApplied });
  };

  const forward = (req: IncomingMessage, body: Buffer): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const headers: OutgoingHttpHeaders = { ...req.headers };
      delete headers.connection;
      const out = upstreamRequest(
        {
          agent,
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 502,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    requests += 1;
    const n = requests;
    const request = describeRequest(req, body);
    const decision = decide(request);
    const { kind } = decision;
    if (kind === undefined) {
      passed += 1;
      return reply(req, res, await forward(req, body));
    }
    if (kind === 'slow') {
      const answer = await forward(req, body);
      record(n, request, kind, true);
      await new Promise((resolve) => setTimeout(resolve, slowMs));
      return reply(req, res, answer);
    }
    if (kind === 'truncate') {
      const answer = await forward(req, body);
      if (answer.body.length < 2 || req.method === 'HEAD') {
        // Nothing to cut: the closest a client can see is a reset after the request applied.
        record(n, request, 'reset', true);
        req.socket.destroy();
        return;
      }
      record(n, request, kind, true);
      res.writeHead(answer.status, responseHeaders(answer.headers, answer.body.length));
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () =>
        req.socket.destroy(),
      );
      return;
    }
    if (decision.applied) await forward(req, body);
    record(n, request, kind, decision.applied);
    if (kind === 'reset') {
      req.socket.destroy();
      return;
    }
    const error = errorResponse(request, kind);
    res.writeHead(error.status, error.headers);
    res.end(req.method === 'HEAD' ? undefined : error.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // moto itself failed to answer: tell the client plainly (a 502 it may retry).
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`fault proxy: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      clearTimeout(lifetime);
      server.close(() => resolve());
      server.closeAllConnections();
      agent.destroy();
    });
    return stopping;
  };
  const lifetime = setTimeout(() => void stop(), lifetimeMs);
  lifetime.unref();

  const stats: FaultStats = {
    get requests() {
      return requests;
    },
    get passed() {
      return passed;
    },
    faults,
    get totalFaults() {
      return log.length;
    },
    get applied() {
      return applied;
    },
    log,
  };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    seed,
    stats,
    summary: () =>
      `seed ${seed}: ${requests} requests, ${log.length} faults (` +
      FAULT_KINDS.map((k) => `${k} ${faults[k]}`).join(', ') +
      `; ${applied} after moto applied the request)`,
    since: (mark) => {
      const window = log.filter((fault) => fault.n > mark);
      const kinds = FAULT_KINDS.map((k) => [k, window.filter((f) => f.kind === k).length] as const)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n}`);
      const faulted = window.length;
      return {
        requests: requests - mark,
        faults: faulted,
        text: `${faulted} faults in ${requests - mark} requests (${kinds.join(', ') || 'none'})`,
      };
    },
    calm: () => {
      calm = true;
    },
    stop,
  };
}

function reply(req: IncomingMessage, res: ServerResponse, answer: Upstream): void {
  const length = req.method === 'HEAD' ? undefined : answer.body.length;
  res.writeHead(answer.status, responseHeaders(answer.headers, length));
  res.end(req.method === 'HEAD' ? undefined : answer.body);
}

/** moto's headers, with the length of the (whole) body and without hop-by-hop headers. */
function responseHeaders(headers: IncomingHttpHeaders, length: number | undefined) {
  const out: OutgoingHttpHeaders = { ...headers };
  delete out.connection;
  delete out['keep-alive'];
  delete out['transfer-encoding'];
  if (length !== undefined) out['content-length'] = length;
  return out;
}

function describeRequest(req: IncomingMessage, body: Buffer): ProxiedRequest {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://proxy');
  const amzTarget = req.headers['x-amz-target'];
  const contentType = req.headers['content-type'] ?? '';
  let protocol: Protocol = 'rest-xml';
  let operation = `${method} ${url.pathname}${[...url.searchParams.keys()].map((k, i) => `${i ? '&' : '?'}${k}`).join('')}`;
  if (typeof amzTarget === 'string') {
    protocol = 'json';
    operation = amzTarget.split('.').pop() ?? amzTarget;
  } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
    protocol = 'query';
    operation = new URLSearchParams(body.toString('utf8')).get('Action') ?? operation;
  } else if (/^\/20\d\d-\d\d-\d\d\//.test(url.pathname)) {
    protocol = 'rest-json';
  }
  return { method, path: url.pathname, protocol, operation };
}

function errorResponse(
  request: ProxiedRequest,
  kind: 'internalError' | 'throttle',
): { status: number; headers: OutgoingHttpHeaders; body: string } {
  const message = `injected by the fault proxy (${kind})`;
  const throttled = kind === 'throttle';
  switch (request.protocol) {
    case 'json': {
      const type = throttled ? 'ThrottlingException' : 'InternalServerError';
      const body = JSON.stringify({
        __type: `com.amazonaws.dynamodb.v20120810#${type}`,
        message,
      });
      return {
        status: throttled ? 400 : 500,
        headers: { 'content-type': 'application/x-amz-json-1.0' },
        body,
      };
    }
    case 'rest-json': {
      const type = throttled ? 'TooManyRequestsException' : 'ServiceException';
      return {
        status: throttled ? 429 : 500,
        headers: { 'content-type': 'application/json', 'x-amzn-errortype': type },
        body: JSON.stringify({ Type: 'Service', message }),
      };
    }
    case 'query': {
      const code = throttled ? 'RequestLimitExceeded' : 'InternalError';
      return {
        status: throttled ? 503 : 500,
        headers: { 'content-type': 'text/xml' },
        body:
          `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code>` +
          `<Message>${message}</Message></Error></Errors><RequestID>fault-proxy</RequestID></Response>`,
      };
    }
    case 'rest-xml': {
      const code = throttled ? 'SlowDown' : 'InternalError';
      return {
        status: throttled ? 503 : 500,
        headers: { 'content-type': 'application/xml' },
        body:
          `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code>` +
          `<Message>${message}</Message><RequestId>fault-proxy</RequestId></Error>`,
      };
    }
  }
}
