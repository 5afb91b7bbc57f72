import { readFile } from 'node:fs/promises';
import { ParamValidationError } from '../../core/index.js';

/**
 * A deployment package: its bytes, or the path of a `.zip` file to read them from (read
 * before any request is sent).
 *
 * @public
 */
export type ZipSource = Uint8Array | string;

/**
 * The bytes of a deployment package given as bytes or a file path.
 *
 * @param source - the bytes, or a path to a `.zip` file
 * @param label - who asks (`LambdaFunction.updateCode`), for the error message
 * @throws ParamValidationError when the file cannot be read, or the value is neither
 * @internal
 */
export async function readZip(source: unknown, label: string): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  if (typeof source !== 'string' || source.length === 0) {
    throw new ParamValidationError(
      `${label}: ZipFile must be the bytes of a .zip file or a path to one, got ${describe(source)}`,
    );
  }
  try {
    return await readFile(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ParamValidationError(`${label}: cannot read the ZipFile '${source}': ${why}`, {
      cause: error,
    });
  }
}

/**
 * A copy of `params` whose `ZipFile` member at `container` (the params themselves, or their
 * `Code` / `Content` member) holds bytes; unchanged when there is no ZipFile.
 *
 * @internal
 */
export async function withZipBytes<P extends object>(
  params: P | undefined,
  container: string | undefined,
  label: string,
): Promise<P | undefined> {
  if (params === undefined || params === null || typeof params !== 'object') return params;
  const holder = (container ? (params as Record<string, unknown>)[container] : params) as
    Record<string, unknown> | undefined;
  if (typeof holder !== 'object' || holder === null || holder.ZipFile === undefined) return params;
  const ZipFile = await readZip(holder.ZipFile, label);
  if (holder.ZipFile === ZipFile) return params;
  return (
    container ? { ...params, [container]: { ...holder, ZipFile } } : { ...params, ZipFile }
  ) as P;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'an empty string';
  return Array.isArray(value) ? 'an array' : typeof value;
}
