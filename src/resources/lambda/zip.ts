import { readFile } from 'node:fs/promises';
import { ParamValidationError } from '../../core/index.js';
import { writeZip, type PackageFiles } from './zip-files.js';

/**
 * A deployment package: its bytes, or the path of a `.zip` file to read them from (read
 * before any request is sent).
 *
 * @public
 */
export type ZipSource = Uint8Array | string;

/** The members that name where a package comes from, beside `files`. */
type SourceMembers = 'ZipFile' | 'S3Bucket' | 'S3Key' | 'S3ObjectVersion' | 'ImageUri';

/**
 * A v3 code input (`FunctionCode`, the UpdateFunctionCode input, a layer's content) whose
 * package is either `ZipFile` (bytes, or the path of a `.zip` file) and the other v3 members,
 * or `files` to zip (as `zipFiles` does) and none of the other sources.
 *
 * @example
 * ```ts
 * const code: PackageInput<FunctionCode> = { files: { 'index.mjs': 'export const handler = async (e) => e;' } };
 * ```
 *
 * @public
 */
export type PackageInput<T extends object> =
  | (Omit<T, 'ZipFile'> & {
      /** The package: its bytes, or the path of a `.zip` file. */
      readonly ZipFile?: ZipSource;
      readonly files?: undefined;
    })
  | (Omit<T, SourceMembers> & {
      /** The files of the package (path → text or bytes), zipped before any request. */
      readonly files: PackageFiles;
    } & { readonly [K in SourceMembers & keyof T]?: undefined });

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

/** Members that name another source of code, which `files` cannot be combined with. */
const OTHER_SOURCES = ['ZipFile', 'S3Bucket', 'S3Key', 'S3ObjectVersion', 'ImageUri'];

/**
 * A copy of `params` whose `ZipFile` member at `container` (the params themselves, or their
 * `Code` / `Content` member) holds bytes: read from a path, or zipped from `files` (which the
 * copy leaves out); unchanged when there is neither.
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
  if (typeof holder !== 'object' || holder === null) return params;
  let replaced: Record<string, unknown>;
  if (holder.files !== undefined) {
    const where = container ? `${container}.files` : 'files';
    const other = OTHER_SOURCES.find((name) => holder[name] !== undefined);
    if (other) {
      throw new ParamValidationError(
        `${label}: give either ${where} or ${container ? `${container}.` : ''}${other}, not both`,
      );
    }
    const { files, ...rest } = holder;
    replaced = { ...rest, ZipFile: writeZip(files, `${label}: ${where}`) };
  } else {
    if (holder.ZipFile === undefined) return params;
    const ZipFile = await readZip(holder.ZipFile, label);
    if (holder.ZipFile === ZipFile) return params;
    replaced = { ...holder, ZipFile };
  }
  return (container ? { ...params, [container]: replaced } : replaced) as P;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'an empty string';
  return Array.isArray(value) ? 'an array' : typeof value;
}
