/**
 * The bench's latency proxy: it delays each request by the round trip, passes concurrent
 * requests concurrently (it must not serialise them), forwards bodies and answers intact,
 * counts requests, and sums the upstream's answer times.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLatencyProxy, type LatencyProxy } from '../../bench/support/latency-proxy.js';

/** An upstream that answers each request after `delayMs` with its method, path and body. */
async function slowEcho(delayMs: number): Promise<{ server: Server; endpoint: string }> {
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      setTimeout(() => {
        outgoing.writeHead(201, { 'x-echo': 'yes' });
        outgoing.end(`${incoming.method} ${incoming.url} ${Buffer.concat(chunks).toString()}`);
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function send(
  endpoint: string,
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; echo: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${endpoint}${path}`, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, echo: String(res.headers['x-echo']), body: text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('bench latency proxy', () => {
  let upstream: Awaited<ReturnType<typeof slowEcho>>;
  let proxy: LatencyProxy;

  beforeAll(async () => {
    upstream = await slowEcho(100);
    proxy = await startLatencyProxy(upstream.endpoint, 50);
  });

  afterAll(async () => {
    await proxy.close();
    await new Promise((resolve) => upstream.server.close(resolve));
  });

  it('listens on 127.0.0.1 and forwards requests and answers intact', async () => {
    expect(proxy.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    proxy.reset();
    const answer = await send(proxy.endpoint, '/a/b?x=1', 'hello');
    expect(answer).toEqual({ status: 201, echo: 'yes', body: 'POST /a/b?x=1 hello' });
    expect(proxy.requests).toBe(1);
  });

  it('adds the round trip to each request, and times the upstream answer without it', async () => {
    proxy.reset();
    const started = performance.now();
    await send(proxy.endpoint, '/one', '');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(145);
    expect(proxy.upstreamMs).toBeGreaterThanOrEqual(95);
    expect(proxy.upstreamMs).toBeLessThanOrEqual(elapsed - 49);
  });

  it('passes concurrent requests concurrently and counts them by operation', async () => {
    proxy.reset();
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send(proxy.endpoint, `/${i}`, String(i), { 'x-amz-target': 'DynamoDB_20120810.Scan' }),
      ),
    );
    const elapsed = performance.now() - started;
    expect(answers.map((a) => a.body)).toEqual(
      Array.from({ length: 10 }, (_, i) => `POST /${i} ${i}`),
    );
    // Serialised, ten requests would take 10 × 150 ms; concurrently, about one.
    expect(elapsed).toBeLessThan(900);
    expect(proxy.requests).toBe(10);
    expect(proxy.byOperation).toEqual({ Scan: 10 });
  });

  it('refuses a negative round trip', async () => {
    await expect(startLatencyProxy(upstream.endpoint, -1)).rejects.toThrow(/≥ 0/);
  });
});
