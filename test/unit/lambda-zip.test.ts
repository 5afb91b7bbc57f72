/**
 * The deployment-package writer: archives that Python's zipfile (an independent reader) opens
 * with every CRC checked, that unpack into a package Node runs, the same bytes for the same
 * files, and file names checked before anything is written.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ParamValidationError } from '../../src/index.js';
import { zipFiles, type PackageFiles } from '../../src/resources/lambda/index.js';
import { crc32 } from '../../src/resources/lambda/zip-files.js';

/** What Python's zipfile reads from `zip`: each entry's name, method, mode and text. */
interface ReadEntry {
  name: string;
  method: number;
  mode: number;
  date: number[];
  data: string;
}

const READER = `
import base64, json, sys, zipfile, io
z = zipfile.ZipFile(io.BytesIO(base64.b64decode(sys.stdin.read())))
bad = z.testzip()
print(json.dumps({"bad": bad, "entries": [
  {"name": i.filename, "method": i.compress_type, "mode": i.external_attr >> 16,
   "date": list(i.date_time), "data": base64.b64encode(z.read(i)).decode()}
  for i in z.infolist()]}))
`;

function readWithPython(zip: Uint8Array): { bad: string | null; entries: ReadEntry[] } {
  const out = execFileSync('python3', ['-c', READER], {
    input: Buffer.from(zip).toString('base64'),
  });
  return JSON.parse(out.toString()) as { bad: string | null; entries: ReadEntry[] };
}

const text = (entry: ReadEntry | undefined) => Buffer.from(entry?.data ?? '', 'base64');

describe('zipFiles', () => {
  it('writes an archive Python reads, CRCs checked, text and bytes intact', () => {
    const binary = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    const repetitive = 'export const rows = [];\n'.repeat(500);
    const files: PackageFiles = {
      'index.mjs': 'export const handler = async (event) => event;\n',
      'lib/rows.mjs': repetitive,
      'lib/data.bin': binary,
      'docs/naïve café.txt': 'ünïcödé ✓\n',
      'empty.txt': '',
    };
    const { bad, entries } = readWithPython(zipFiles(files));
    expect(bad).toBeNull();
    expect(entries.map((e) => e.name)).toEqual(Object.keys(files));
    const byName = new Map(entries.map((e) => [e.name, e]));
    expect(text(byName.get('index.mjs')).toString()).toBe(files['index.mjs']);
    expect(text(byName.get('lib/rows.mjs')).toString()).toBe(repetitive);
    expect(text(byName.get('lib/data.bin')).equals(Buffer.from(binary))).toBe(true);
    expect(text(byName.get('docs/naïve café.txt')).toString()).toBe('ünïcödé ✓\n');
    expect(text(byName.get('empty.txt')).length).toBe(0);
    // Deflated when that is smaller, stored otherwise; every file readable (0644); 1980-01-01.
    expect(byName.get('lib/rows.mjs')?.method).toBe(8);
    expect(byName.get('empty.txt')?.method).toBe(0);
    for (const entry of entries) {
      expect(entry.mode).toBe(0o100644);
      expect(entry.date).toEqual([1980, 1, 1, 0, 0, 0]);
    }
  });

  it('gives the same bytes for the same files, and a much smaller archive for text', () => {
    const files = { 'index.js': 'exports.handler = async () => 1;\n'.repeat(200) };
    const a = zipFiles(files);
    expect(Buffer.from(zipFiles({ ...files })).equals(Buffer.from(a))).toBe(true);
    expect(a.length).toBeLessThan(files['index.js'].length / 10);
  });

  it('unpacks into a package whose handler Node runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zip-run-'));
    try {
      const zip = zipFiles({
        'index.mjs':
          "import { greet } from './lib/greet.mjs';\nexport const handler = async (event) => ({ message: greet(event.name) });\n",
        'lib/greet.mjs': 'export const greet = (name) => `hello ${name}`;\n',
      });
      execFileSync(
        'python3',
        [
          '-c',
          'import sys, zipfile, io; zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())).extractall(sys.argv[1])',
          dir,
        ],
        { input: Buffer.from(zip) },
      );
      const run = `import(${JSON.stringify(join(dir, 'index.mjs'))}).then((m) => m.handler({ name: 'ada' })).then((r) => console.log(JSON.stringify(r)))`;
      const out = execFileSync(process.execPath, ['-e', run]).toString().trim();
      expect(JSON.parse(out)).toEqual({ message: 'hello ada' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('computes the CRC-32 zip uses', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(Buffer.from('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });

  it.each([
    ['', "file name '' is empty"],
    ['/etc/passwd', "file name '/etc/passwd' is absolute: give a relative path"],
    ['C:/x.js', "file name 'C:/x.js' is absolute: give a relative path"],
    ['../x.js', "file name '../x.js' has a '..' segment: every file must stay inside the package"],
    ['lib/../../x.js', "file name 'lib/../../x.js' has a '..' segment"],
    ['./index.js', "file name './index.js' has a '.' segment"],
    ['lib//x.js', "file name 'lib//x.js' has an empty segment (a doubled or trailing /)"],
    ['lib/', "file name 'lib/' has an empty segment"],
    ['lib\\x.js', "file name 'lib\\x.js' has a backslash: separate folders with '/'"],
  ])('rejects the file name %j with a ParamValidationError', (name, message) => {
    const call = () => zipFiles({ 'index.js': '', [name]: 'x' });
    expect(call).toThrow(ParamValidationError);
    expect(call).toThrow(`zipFiles: ${message}`);
  });

  it('rejects no files, a non-object and contents that are neither text nor bytes', () => {
    expect(() => zipFiles({})).toThrow('zipFiles must name at least one file');
    expect(() => zipFiles(null as never)).toThrow(
      'zipFiles must be an object of file name → contents, got null',
    );
    expect(() => zipFiles(['index.js'] as never)).toThrow('got an array');
    expect(() => zipFiles({ 'index.js': 42 } as never)).toThrow(
      "zipFiles: the contents of 'index.js' must be a string or a Uint8Array, got number",
    );
    expect(() => zipFiles({ 'index.js': null } as never)).toThrow(ParamValidationError);
  });
});
