/**
 * A friendlier face for the streaming `Body` of a v3 `GetObject` response: read it as text,
 * bytes, a Node stream, a web stream or line by line — once.
 *
 * @packageDocumentation
 */
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import type { GetObjectCommandOutput } from '@aws-sdk/client-s3';
import { ParamValidationError } from '../../../core/index.js';

/** The ways an {@link ObjectBody} can be read; each consumes it. */
export type BodyReader = 'text' | 'bytes' | 'stream' | 'webStream' | 'lines';

/**
 * The body of an S3 object. It is a single network stream, so exactly one of its readers
 * may be called; a second call throws a `ParamValidationError`, a `TypeError` (as `fetch`'s
 * `Response` throws).
 *
 * @public
 */
export interface ObjectBody {
  /** True once a reader has been called. */
  readonly bodyUsed: boolean;
  /**
   * The whole body decoded as text. `encoding` is a Node buffer encoding (`'utf-8'`,
   * `'latin1'`, `'base64'`, ...) or any `TextDecoder` label (`'utf-16be'`, `'shift_jis'`, ...).
   */
  text(encoding?: string): Promise<string>;
  /** The whole body as bytes. */
  bytes(): Promise<Uint8Array>;
  /** The body as a Node `Readable` of byte chunks. */
  stream(): Readable;
  /** The body as a WHATWG `ReadableStream` of byte chunks. */
  webStream(): ReadableStream<Uint8Array>;
  /**
   * The body's lines, without their `\n` or `\r\n`, streamed in constant memory (only the
   * current line is held). A final line without a newline is yielded; a trailing newline does
   * not add an empty line. Stopping the loop early closes the connection.
   */
  lines(encoding?: string): AsyncIterable<string>;
}

/**
 * A `GetObject` response whose `Body` is an {@link ObjectBody}.
 *
 * @public
 */
export type GetObjectResult = Omit<GetObjectCommandOutput, 'Body'> & { Body: ObjectBody };

type RawBody = NonNullable<GetObjectCommandOutput['Body']>;

/** The v3 body as a Node stream, whatever the runtime gave us. */
function toNodeReadable(body: RawBody | undefined): Readable {
  if (body === undefined) return Readable.from([]);
  if (body instanceof Readable) return body;
  // Non-Node HTTP handlers (fetch) give a web stream or a Blob; both become a web stream.
  return Readable.fromWeb(body.transformToWebStream() as ReadableStream<Uint8Array>);
}

/** Decodes bytes with Node's encodings where they apply (base64, hex, ...), else `TextDecoder`. */
function decode(bytes: Uint8Array, encoding: string): string {
  if (Buffer.isEncoding(encoding)) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding);
  }
  return new TextDecoder(encoding).decode(bytes);
}

async function collect(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

async function* splitLines(
  stream: Readable,
  encoding: string,
): AsyncGenerator<string, void, undefined> {
  // `stream: true` keeps a multi-byte character that straddles two chunks whole.
  const decoder = new TextDecoder(encoding);
  let pending = '';
  for await (const chunk of stream) {
    const text =
      typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    let start = 0;
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      const line = pending + text.slice(start, newline);
      pending = '';
      // A `\r` may have ended the previous chunk, so strip it from the joined line.
      yield line.endsWith('\r') ? line.slice(0, -1) : line;
      start = newline + 1;
      newline = text.indexOf('\n', start);
    }
    pending += text.slice(start);
  }
  pending += decoder.decode();
  if (pending.length > 0) yield pending.endsWith('\r') ? pending.slice(0, -1) : pending;
}

/**
 * Wraps the `Body` of a `GetObject` response in an {@link ObjectBody}.
 *
 * @param output - the response of `client.send(new GetObjectCommand(...))`; a missing
 *   `Body` reads as empty
 * @returns an object with one-shot readers: `text()`, `bytes()`, `stream()`, `webStream()`,
 *   `lines()`
 *
 * @example
 * ```ts
 * const output = await client.send(new GetObjectCommand({ Bucket: 'logs', Key: 'app.log' }));
 * for await (const line of readableBody(output).lines()) {
 *   if (line.includes('ERROR')) console.log(line);
 * }
 * ```
 */
export function readableBody(output: GetObjectCommandOutput): ObjectBody {
  const raw = output.Body;
  let usedBy: BodyReader | undefined;

  // Marks the body used, synchronously at the call, so the second caller fails at once
  // rather than racing the first for chunks.
  const take = (reader: BodyReader): Readable => {
    if (usedBy !== undefined) {
      throw new ParamValidationError(
        `ObjectBody.${reader}(): the body was already consumed by ${usedBy}(); an S3 object ` +
          `body is a single-use stream, so call GetObject again to read it again`,
      );
    }
    usedBy = reader;
    return toNodeReadable(raw);
  };

  return {
    get bodyUsed() {
      return usedBy !== undefined;
    },
    async text(encoding = 'utf-8') {
      const stream = take('text');
      return decode(await collect(stream), encoding);
    },
    async bytes() {
      return collect(take('bytes'));
    },
    stream() {
      return take('stream');
    },
    webStream() {
      return Readable.toWeb(take('webStream')) as ReadableStream<Uint8Array>;
    },
    lines(encoding = 'utf-8') {
      // Validate the label now, not on the first iteration.
      new TextDecoder(encoding);
      return splitLines(take('lines'), encoding);
    },
  };
}

/**
 * Returns the `GetObject` response with its `Body` replaced by an {@link ObjectBody}.
 *
 * @example
 * ```ts
 * const object = withReadableBody(
 *   await client.send(new GetObjectCommand({ Bucket: 'docs', Key: 'readme.md' })),
 * );
 * console.log(object.ContentType, await object.Body.text());
 * ```
 */
export function withReadableBody(output: GetObjectCommandOutput): GetObjectResult {
  return { ...output, Body: readableBody(output) };
}
