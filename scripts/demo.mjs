#!/usr/bin/env node
/**
 * `npm run demo`: a short tour of aws-resources' S3 resources on the local emulator.
 * Installs dependencies when node_modules is missing, builds dist/ when it is missing or
 * older than the sources, starts moto on 127.0.0.1, runs the tour with the built library
 * (dist/esm) and counts the requests each step sends, then stops moto.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { startEmulator } from './emulator.mjs';

const HELP = `npm run demo  (node scripts/demo.mjs [--help])

A tour of aws-resources' S3 resources against a local AWS emulator (moto), using the
built library from dist/:

  1. create a bucket                 6. a presigned URL, fetched with fetch()
  2. put an object, read it back     7. batch delete: one DeleteObjects per page
  3. lazy attributes: 3 reads cost   8. versioning and object versions
     1 request                       9. waiters
  4. list with filter, limit, pages 10. errors
  5. upload a 12 MiB file in parts  11. clean up
     with a progress bar

Each step prints the code it runs, what came back and the requests it sent (counted by a
middleware on the v3 client). Before the tour it runs \`npm ci\` when node_modules is
missing and \`npm run build\` when dist/ is missing or older than src/. It needs Node 20+
and Python 3 with moto >= 5.2; without one, .venv is created with moto in it. Nothing
touches AWS: the emulator runs on 127.0.0.1 and stops at the end.`;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const MiB = 1024 * 1024;
const tty = process.stdout.isTTY === true;
const style = (code) => (text) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = style('1');
const dim = style('2');
const cyan = style('36');
const green = style('32');

// ---------------------------------------------------------------------------------------------
// Preparation: dependencies and dist/

function run(label, args) {
  console.log(dim(`[demo] ${label}: ${npm} ${args.join(' ')}`));
  const result = spawnSync(npm, args, {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.error || result.status !== 0) {
    throw new Error(`${npm} ${args.join(' ')} failed (${result.error?.message ?? result.status})`);
  }
}

/** The newest modification time of any file under `path`. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function prepare() {
  if (!existsSync(join(root, 'node_modules'))) {
    const lock = existsSync(join(root, 'package-lock.json'));
    run('installing dependencies', lock ? ['ci'] : ['install']);
  }
  const built = join(root, 'dist', 'esm', 'resources', 's3', 'index.js');
  const sources = Math.max(
    newest(join(root, 'src')),
    newest(join(root, 'resource-definitions')),
    newest(join(root, 'scripts', 'build.mjs')),
  );
  if (!existsSync(built) || statSync(built).mtimeMs < sources) {
    run(existsSync(built) ? 'dist/ is older than src/' : 'dist/ is missing', ['run', 'build']);
  }
}

// ---------------------------------------------------------------------------------------------
// Printing

let stepNumber = 0;

function step(title) {
  stepNumber += 1;
  const heading = `${stepNumber}. ${title} `;
  console.log(`\n${bold(cyan(`── ${heading}${'─'.repeat(Math.max(3, 68 - heading.length))}`))}`);
}

/** Prints a line of the code a step runs. */
function code(text) {
  console.log(dim(`  ${text}`));
}

function show(label, value) {
  const text = typeof value === 'string' ? value : inspect(value, { colors: tty, depth: 2 });
  console.log(`  ${green('→')} ${label}${label ? ' ' : ''}${text}`);
}

/** Counts the HTTP requests the client sends, by operation, in order. */
function countRequests(client) {
  const sent = [];
  client.middlewareStack.add(
    (next, context) => (args) => {
      const operation = String(context.commandName).replace(/Command$/, '');
      const max = args.input?.MaxKeys;
      sent.push(max === undefined ? operation : `${operation}(MaxKeys=${max})`);
      return next(args);
    },
    { step: 'finalizeRequest', priority: 'low', name: 'demoRequestCounter' },
  );
  return {
    /** The requests since the last call, e.g. "4 requests: UploadPart ×3, ...". */
    take() {
      const taken = sent.splice(0);
      const counts = new Map();
      for (const name of taken) counts.set(name, (counts.get(name) ?? 0) + 1);
      const list = [...counts].map(([name, n]) => (n > 1 ? `${name} ×${n}` : name)).join(', ');
      return `${taken.length} request${taken.length === 1 ? '' : 's'}${list ? `: ${list}` : ''}`;
    },
  };
}

function requests(counter) {
  console.log(dim(`  [${counter.take()}]`));
}

function progressBar({ loaded, total = loaded }) {
  const width = 30;
  const done = total === 0 ? width : Math.round((loaded / total) * width);
  const percent = total === 0 ? 100 : Math.round((loaded / total) * 100);
  const mib = (n) => (n / MiB).toFixed(1);
  return `[${'█'.repeat(done)}${'░'.repeat(width - done)}] ${String(percent).padStart(3)}%  ${mib(loaded)}/${mib(total)} MiB`;
}

// ---------------------------------------------------------------------------------------------
// The tour

async function tour(endpoint) {
  const { S3 } = await import(pathToFileURL(join(root, 'dist/esm/resources/s3/index.js')).href);
  const { IdentifierError } = await import(pathToFileURL(join(root, 'dist/esm/index.js')).href);

  const s3 = new S3({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
  });
  const counter = countRequests(s3.meta.client);
  const tmp = await mkdtemp(join(tmpdir(), 'aws-resources-demo-'));
  try {
    step('Create a bucket');
    const name = `demo-${Date.now().toString(36)}`;
    code(`const bucket = await s3.createBucket({ Bucket: '${name}' });`);
    const bucket = await s3.createBucket({ Bucket: name });
    show('', bucket);
    code('await bucket.exists();');
    show('', await bucket.exists());
    requests(counter);

    step('Put an object and read it back');
    code(
      `const obj = await bucket.putObject({ Key: 'hello.txt', Body: 'Hello, S3!', ContentType: 'text/plain' });`,
    );
    const obj = await bucket.putObject({
      Key: 'hello.txt',
      Body: 'Hello, S3!',
      ContentType: 'text/plain',
    });
    show('', obj);
    code('(await obj.get()).Body.text();');
    show('', await (await obj.get()).Body.text());
    requests(counter);

    step('Lazy attributes: three reads, one request');
    const fresh = bucket.Object('hello.txt');
    code(`const fresh = bucket.Object('hello.txt');   // no request`);
    code('fresh.data;');
    show('', fresh.data);
    code('await fresh.contentLength; await fresh.contentType; await fresh.eTag;');
    show('', [await fresh.contentLength, await fresh.contentType, await fresh.eTag]);
    requests(counter);
    code('fresh.data.LastModified;   // loaded data, synchronously');
    show('', fresh.data.LastModified);
    requests(counter);

    step('List with filter, limit and pages');
    code(
      'for (let i = 1; i <= 25; i++) await bucket.putObject({ Key: `logs/day-${i}.log`, ... });',
    );
    for (let i = 1; i <= 25; i++) {
      const day = String(i).padStart(2, '0');
      await bucket.putObject({ Key: `logs/day-${day}.log`, Body: `log of day ${day}\n` });
    }
    requests(counter);
    code("await bucket.objects.filter({ Prefix: 'logs/' }).limit(5).toArray();");
    const five = await bucket.objects.filter({ Prefix: 'logs/' }).limit(5).toArray();
    show('', five.map((o) => o.key).join(', '));
    requests(counter);
    code(
      "for await (const page of bucket.objects.filter({ Prefix: 'logs/' }).pageSize(10).pages())",
    );
    const sizes = [];
    for await (const page of bucket.objects.filter({ Prefix: 'logs/' }).pageSize(10).pages()) {
      sizes.push(page.length);
    }
    show('page sizes', sizes);
    code('summary.data.Size   // from the listing: no HeadObject');
    show('', five[0].data.Size);
    requests(counter);

    step('Upload a 12 MiB file in parts');
    const file = join(tmp, 'big.bin');
    await writeFile(file, randomBytes(12 * MiB));
    code(
      `const big = await bucket.uploadFile(file, 'uploads/big.bin', { onProgress });   // 12 MiB`,
    );
    const started = Date.now();
    let last;
    const big = await bucket.uploadFile(file, 'uploads/big.bin', {
      onProgress: (progress) => {
        last = progress;
        if (tty) process.stdout.write(`\r  ${progressBar(progress)}`);
      },
    });
    if (tty) process.stdout.write('\n');
    else console.log(`  ${progressBar(last)}`);
    show('', `${big.key} uploaded in ${Date.now() - started} ms, in 5 MiB parts`);
    requests(counter);
    code('await big.contentLength;');
    show('', await big.contentLength);
    requests(counter);

    step('A presigned URL, fetched without credentials');
    code('const url = await obj.presignGet({ expiresIn: 60 });   // signed locally');
    const url = await obj.presignGet({ expiresIn: 60 });
    show('', `${url.slice(0, 72)}...`);
    requests(counter);
    code('await (await fetch(url)).text();');
    const response = await fetch(url);
    show(`HTTP ${response.status}`, await response.text());

    step('Batch delete: one DeleteObjects per page');
    code("await bucket.objects.filter({ Prefix: 'logs/' }).pageSize(10).delete();");
    const outputs = await bucket.objects.filter({ Prefix: 'logs/' }).pageSize(10).delete();
    const deleted = outputs.reduce((n, output) => n + (output.Deleted?.length ?? 0), 0);
    show('', `${deleted} objects deleted in ${outputs.length} DeleteObjects requests`);
    requests(counter);
    code('(await bucket.objects.all().toArray()).map((o) => o.key);');
    show(
      '',
      (await bucket.objects.all().toArray()).map((o) => o.key),
    );
    requests(counter);

    step('Versioning');
    code('await bucket.Versioning().enable();');
    await bucket.Versioning().enable();
    code("await bucket.putObject({ Key: 'notes.txt', Body: 'first' });   // and 'second'");
    await bucket.putObject({ Key: 'notes.txt', Body: 'first' });
    await bucket.putObject({ Key: 'notes.txt', Body: 'second' });
    code("await bucket.Object('notes.txt').delete();   // a delete marker");
    await bucket.Object('notes.txt').delete();
    requests(counter);
    code("for await (const v of bucket.objectVersions.filter({ Prefix: 'notes.txt' }))");
    const versions = [];
    for await (const version of bucket.objectVersions.filter({ Prefix: 'notes.txt' })) {
      versions.push(version);
      const kind = version.data.Size === undefined ? 'delete marker' : `${version.data.Size} bytes`;
      show('', `${version.id.slice(0, 8)}…  isLatest: ${await version.isLatest}  ${kind}`);
    }
    const oldest = versions.filter((v) => v.data.Size !== undefined).at(-1);
    code('await (await oldest.get()).Body.text();');
    show('', await (await oldest.get()).Body.text());
    requests(counter);

    step('Waiters');
    const later = bucket.Object('later.txt');
    code("setTimeout(() => later.put({ Body: 'here' }), 1000);");
    code('await later.waitUntilExists({ minDelay: 0.2, maxDelay: 0.4, maxWaitTime: 30 });');
    const waitStarted = Date.now();
    const timer = setTimeout(() => void later.put({ Body: 'here' }), 1000);
    try {
      await later.waitUntilExists({ minDelay: 0.2, maxDelay: 0.4, maxWaitTime: 30 });
    } finally {
      clearTimeout(timer);
    }
    show('', `exists after ${((Date.now() - waitStarted) / 1000).toFixed(1)} s`);
    requests(counter);

    step('Errors');
    code("s3.Bucket('');");
    try {
      s3.Bucket('');
    } catch (error) {
      show(`${error instanceof IdentifierError ? 'IdentifierError' : error.name}:`, error.message);
    }
    code("await bucket.Object('missing.txt').exists();");
    show('', await bucket.Object('missing.txt').exists());
    code("await bucket.Object('missing.txt').get();");
    try {
      await bucket.Object('missing.txt').get();
    } catch (error) {
      show(`${error.name}:`, error.message);
    }
    requests(counter);

    step('Clean up');
    code('await bucket.objectVersions.all().delete();');
    const cleaned = await bucket.objectVersions.all().delete();
    show(
      '',
      `${cleaned.reduce((n, o) => n + (o.Deleted?.length ?? 0), 0)} versions and markers deleted`,
    );
    code('await bucket.delete(); await bucket.waitUntilNotExists();');
    await bucket.delete();
    await bucket.waitUntilNotExists();
    show('', `bucket exists: ${await bucket.exists()}`);
    requests(counter);
  } finally {
    await rm(tmp, { recursive: true, force: true });
    s3.meta.client.destroy();
  }
}

async function main(args) {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return;
  }
  if (args.length > 0) {
    console.error(`[demo] unknown argument: ${args[0]} (try --help)`);
    process.exitCode = 2;
    return;
  }
  // Demo credentials and the emulator only: nothing from the environment reaches AWS.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const started = Date.now();
  prepare();

  console.log(bold('\naws-resources: a tour of S3 on the local emulator'));
  const emulator = await startEmulator();
  console.log(
    dim(
      `[demo] moto at ${emulator.endpoint} (pid ${emulator.pid}), ready in ${emulator.startupMs} ms`,
    ),
  );
  try {
    await tour(emulator.endpoint);
  } finally {
    await emulator.stop();
  }
  console.log(
    `\n${bold('Done')} in ${((Date.now() - started) / 1000).toFixed(1)} s. Next: docs/s3.md`,
  );
}

main(process.argv.slice(2)).catch((error) => {
  console.error(`\n[demo] failed: ${error?.stack ?? error}`);
  process.exitCode = 1;
});
