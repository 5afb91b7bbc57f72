import { deflateRawSync } from 'node:zlib';
import { ParamValidationError } from '../../core/index.js';

/**
 * The files of a deployment package: path inside the package (`index.mjs`, `lib/util.mjs`)
 * → contents, as text (written as UTF-8) or bytes.
 *
 * @public
 */
export type PackageFiles = Readonly<Record<string, string | Uint8Array>>;

/**
 * A zip archive of `files`, as Lambda takes it for `ZipFile`: each entry deflated (or
 * stored, when deflating does not make it smaller), readable by everyone (mode 0644), and
 * dated 1980-01-01, so the same files always give the same bytes and the same `CodeSha256`.
 *
 * @param files - path inside the package → contents (text or bytes)
 * @returns the bytes of the archive
 * @throws ParamValidationError when `files` is empty, a name is absolute, has a `..`, `.` or
 * empty segment or a backslash, or a content is neither text nor bytes
 * @example
 * ```ts
 * import { zipFiles } from 'aws-resources/lambda';
 *
 * const zip = zipFiles({
 *   'index.mjs': `import { greet } from './lib/greet.mjs';\nexport const handler = async (e) => greet(e.name);\n`,
 *   'lib/greet.mjs': 'export const greet = (name) => `hello ${name}`;\n',
 * });
 * await writeFile('fn.zip', zip);
 * ```
 *
 * @public
 */
export function zipFiles(files: PackageFiles): Uint8Array {
  return writeZip(files, 'zipFiles');
}

/** Lambda takes at most 50 MB directly; without ZIP64, sizes and offsets must fit 32 bits. */
const MAX_32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;
/** 1980-01-01 00:00 in MS-DOS form: the earliest date a zip entry can carry. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Made by Unix (3), zip 2.0: so the external attributes below are read as a Unix mode. */
const MADE_BY = (3 << 8) | 20;
/** A regular file, rw-r--r--: Lambda's runtime user must be able to read every file. */
const FILE_MODE = (0o100644 << 16) >>> 0;
/** General purpose flag 11: the names are UTF-8. */
const UTF8_NAMES = 0x0800;

/**
 * The zip of `files`, with `label` (`Lambda.createFunction: Code.files`) starting every
 * error message.
 *
 * @internal
 */
export function writeZip(files: unknown, label: string): Uint8Array {
  const entries = checkFiles(files, label);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const deflated = deflateRawSync(data);
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed to extract
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8); // method: stored or deflated
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(FILE_MODE, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
    if (offset > MAX_32) {
      throw new ParamValidationError(`${label}: the package is larger than 4 GiB`);
    }
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** The entries of `files`, each name and content checked. */
function checkFiles(files: unknown, label: string): [string, string | Uint8Array][] {
  if (typeof files !== 'object' || files === null || Array.isArray(files)) {
    throw new ParamValidationError(
      `${label} must be an object of file name → contents, got ${files === null ? 'null' : Array.isArray(files) ? 'an array' : typeof files}`,
    );
  }
  const entries = Object.entries(files as Record<string, unknown>);
  if (entries.length === 0) throw new ParamValidationError(`${label} must name at least one file`);
  if (entries.length > MAX_ENTRIES) {
    throw new ParamValidationError(`${label}: at most ${MAX_ENTRIES} files, got ${entries.length}`);
  }
  return entries.map(([name, content]) => {
    const problem = nameProblem(name);
    if (problem) throw new ParamValidationError(`${label}: file name '${name}' ${problem}`);
    if (typeof content !== 'string' && !(content instanceof Uint8Array)) {
      throw new ParamValidationError(
        `${label}: the contents of '${name}' must be a string or a Uint8Array, got ${content === null ? 'null' : typeof content}`,
      );
    }
    return [name, content];
  });
}

/** Why `name` cannot name a file in the package, or undefined when it can. */
function nameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.includes('\\')) return "has a backslash: separate folders with '/'";
  if (name.includes('\0')) return 'has a NUL character';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is absolute: give a relative path';
  const segments = name.split('/');
  if (segments.includes('..')) return "has a '..' segment: every file must stay inside the package";
  if (segments.includes('.')) return "has a '.' segment";
  if (segments.includes('')) return 'has an empty segment (a doubled or trailing /)';
  return undefined;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/**
 * The CRC-32 (ISO-HDLC, as zip uses it) of `data`.
 *
 * @internal
 */
export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) {
    crc = (CRC_TABLE[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}
