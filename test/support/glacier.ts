/**
 * Helpers for the Glacier tests.
 *
 * Isolation: each test file works in its own moto account (`x-moto-account-id`), so vault
 * listings count only the vaults the file made, although all files share one moto server.
 *
 * moto 5.2.1 gaps these helpers cover:
 * - ListVaults and ListJobs ignore `limit` and `marker`: `pageLikeGlacier` pages the real
 *   responses as Glacier does, so the requests a listing needs can be counted.
 * - Multipart uploads and vault notifications are not implemented, and a missing vault is
 *   answered `VaultNotFound` (HTTP 400) instead of Glacier's `ResourceNotFoundException`
 *   (HTTP 404): `answerAsGlacier` answers chosen operations with the responses documented in
 *   the Glacier API reference instead of sending them, and records the HTTP requests.
 */
import { GlacierClient } from '@aws-sdk/client-glacier';
import type { HttpRequest, HttpResponse } from '@smithy/types';
import { randomInt } from 'node:crypto';
import { Readable } from 'node:stream';
import { clientConfig, uniqueName } from './emulator.js';

/** A v3 client's middleware stack, as these helpers use it. */
interface StackClient {
  middlewareStack: { add(middleware: unknown, options: object): void };
}

let fileAccount: string | undefined;

/** This test file's own moto account: 12 random digits, made once per file. */
export function account(): string {
  fileAccount ??= String(randomInt(100_000_000_000, 999_999_999_999));
  return fileAccount;
}

/** Sends every request of `client` to this file's moto account. */
function inAccount<C extends StackClient>(client: C, accountId: string): C {
  client.middlewareStack.add(
    (next: (args: { request: { headers: Record<string, string> } }) => unknown) =>
      (args: { request: { headers: Record<string, string> } }) => {
        args.request.headers['x-moto-account-id'] = accountId;
        return next(args);
      },
    { step: 'build', name: 'motoAccount' },
  );
  return client;
}

/** A GlacierClient for the emulator, in this file's moto account. */
export function glacierClient(): GlacierClient {
  return inAccount(new GlacierClient(clientConfig()), account());
}

/** A vault name unique across test files and runs. */
export function vaultName(prefix = 'vault'): string {
  return uniqueName(prefix);
}

/** The list member of each Glacier listing that moto answers in one unpaged response. */
const LISTED: Record<string, string> = { ListVaults: 'VaultList', ListJobs: 'JobList' };

/**
 * Pages each real ListVaults / ListJobs response as Glacier does: `limit` items (default
 * 50 for jobs, 10 for vaults) from the `marker` position, `Marker` while more follow.
 */
export function pageLikeGlacier(client: StackClient): void {
  client.middlewareStack.add(
    (
      next: (args: { input: Record<string, unknown> }) => Promise<{ output: object }>,
      context: { commandName?: string },
    ) =>
      async (args: { input: Record<string, unknown> }) => {
        const operation = (context.commandName ?? '').replace(/Command$/, '');
        const member = LISTED[operation];
        const result = await next(args);
        if (!member) return result;
        const all = ((result.output as Record<string, unknown>)[member] ?? []) as unknown[];
        const start = typeof args.input.marker === 'string' ? Number(args.input.marker) : 0;
        const fallback = operation === 'ListVaults' ? 10 : 50;
        const size = typeof args.input.limit === 'number' ? args.input.limit : fallback;
        const end = start + size;
        result.output = {
          ...result.output,
          [member]: all.slice(start, end),
          Marker: end < all.length ? String(end) : undefined,
        };
        return result;
      },
    { step: 'initialize', name: 'pageLikeGlacier' },
  );
}

/** A response as the Glacier API reference documents it. */
export interface DocumentedResponse {
  statusCode: number;
  headers?: Record<string, string>;
  /** A JSON body (serialized here), or none. */
  json?: unknown;
}

/** An HTTP request the client would have sent, as the v3 client built and signed it. */
export interface SentRequest {
  operation: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  query: Record<string, unknown>;
  body: string;
}

/** Answers an operation's request (its input and the built request) with a response. */
export type Answer = (input: Record<string, unknown>, request: SentRequest) => DocumentedResponse;

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return '[stream]';
}

/**
 * Answers the operations in `answers` with documented responses instead of sending them:
 * the innermost middleware (`deserialize` step, low priority), after retries and signing,
 * does not call the HTTP handler, and the v3 deserializer parses the answer as it would parse
 * Glacier's. Other operations go to the emulator.
 * Returns the requests answered, in order.
 */
export function answerAsGlacier(
  client: StackClient,
  answers: Partial<Record<string, Answer>>,
): SentRequest[] {
  const sent: SentRequest[] = [];
  client.middlewareStack.add(
    (
      next: (args: { input: object; request: HttpRequest }) => Promise<unknown>,
      context: { commandName?: string },
    ) =>
      async (args: { input: Record<string, unknown>; request: HttpRequest }) => {
        const operation = (context.commandName ?? '').replace(/Command$/, '');
        const answer = answers[operation];
        if (!answer) return next(args);
        const request: SentRequest = {
          operation,
          method: args.request.method,
          path: args.request.path,
          headers: { ...args.request.headers },
          query: { ...args.request.query },
          body: bodyText(args.request.body),
        };
        sent.push(request);
        const { statusCode, headers = {}, json } = answer(args.input, request);
        const text = json === undefined ? '' : JSON.stringify(json);
        const responseHeaders: Record<string, string> = {
          'x-amzn-requestid': `documented-${sent.length}`,
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        };
        const response: HttpResponse = {
          statusCode,
          headers: responseHeaders,
          body: Readable.from([Buffer.from(text)]),
        };
        return { response, output: undefined };
      },
    { step: 'deserialize', priority: 'low', name: 'answerAsGlacier' },
  );
  return sent;
}

/** Glacier's documented answer for a vault that does not exist (HTTP 404). */
export function vaultNotFound(vault: string): DocumentedResponse {
  return {
    statusCode: 404,
    json: {
      code: 'ResourceNotFoundException',
      message: `Vault not found for ARN: arn:aws:glacier:us-east-1:${account()}:vaults/${vault}`,
      type: 'Client',
    },
  };
}
