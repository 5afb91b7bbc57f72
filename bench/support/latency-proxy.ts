/**
 * A local HTTP proxy in front of moto that delays every request by a fixed round trip, as a
 * network between a client and AWS does, and counts the requests it passes. Requests are
 * forwarded concurrently, each on its own connection to moto if need be, so the proxy never
 * serialises them (moto itself may). Listens on 127.0.0.1 only.
 */
import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy. */
export interface LatencyProxy {
  /** `http://127.0.0.1:PORT`: give it to clients in place of moto's endpoint. */
  readonly endpoint: string;
  /** Requests passed since the start or the last `reset()`. */
  readonly requests: number;
  /** Requests passed, by the first word of the `X-Amz-Target` header or the HTTP method. */
  readonly byOperation: Readonly<Record<string, number>>;
  /**
   * The sum of moto's answer times (from forwarding a request to the end of its answer, the
   * round trip excluded). For requests sent one at a time, it is how long moto was busy.
   */
  readonly upstreamMs: number;
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts a proxy to `target` (moto's endpoint) that holds each request for `roundTripMs`
 * before forwarding it.
 *
 * @example
 * ```ts
 * const proxy = await startLatencyProxy(emulator.endpoint, 20);
 * const s3 = new S3Client({ endpoint: proxy.endpoint, forcePathStyle: true });
 * ```
 */
export async function startLatencyProxy(
  target: string,
  roundTripMs: number,
): Promise<LatencyProxy> {
  if (!Number.isFinite(roundTripMs) || roundTripMs < 0)
    throw new Error(`the round trip must be a number of milliseconds ≥ 0, got ${roundTripMs}`);
  const upstream = new URL(target);
  // No socket limit: a request never waits for another to free a connection.
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  let requests = 0;
  let byOperation: Record<string, number> = {};
  let upstreamMs = 0;

  const forward = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const started = performance.now();
    outgoing.once('finish', () => (upstreamMs += performance.now() - started));
    const upstreamRequest = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
        agent,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstreamRequest.on('error', (error) => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end(String(error));
    });
    incoming.pipe(upstreamRequest);
  };

  const server = createServer((incoming, outgoing) => {
    requests++;
    const target = incoming.headers['x-amz-target'];
    const operation =
      typeof target === 'string' ? (target.split('.').pop() ?? target) : (incoming.method ?? '?');
    byOperation[operation] = (byOperation[operation] ?? 0) + 1;
    // Hold the request (its body waits, paused, in the socket) for the round trip.
    incoming.pause();
    setTimeout(() => forward(incoming, outgoing), roundTripMs);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get requests() {
      return requests;
    },
    get byOperation() {
      return { ...byOperation };
    },
    get upstreamMs() {
      return upstreamMs;
    },
    reset() {
      requests = 0;
      byOperation = {};
      upstreamMs = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
