/** The S3 part of the demo: buckets, lazy attributes, listing, a large upload, and more. */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { code, part, progressBar, show, step, tty } from './print.mjs';

const MiB = 1024 * 1024;

export async function tourS3({ lib, target, counter, tmp }) {
  const { S3 } = lib.s3;
  const { IdentifierError } = lib.core;
  part('Amazon S3 — aws-resources/s3');
  code(
    `const s3 = new S3(${target.aws ? '' : '{ region, endpoint, forcePathStyle: true, credentials }'});`,
  );
  const s3 = new S3(target.config('s3'));
  counter.watch(s3.meta.client);
  let bucket;
  try {
    step('Create a bucket');
    const name = `aws-resources-demo-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    code(`const bucket = await s3.createBucket({ Bucket: '${name}' });`);
    bucket = await s3.createBucket({ Bucket: name });
    show('', bucket);
    code('await bucket.exists();');
    show('', await bucket.exists());
    counter.print();

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
    code('await (await obj.get()).Body.text();');
    show('', await (await obj.get()).Body.text());
    counter.print();

    step('Lazy attributes: three reads, one request');
    code(`const fresh = bucket.Object('hello.txt');   // no request`);
    const fresh = bucket.Object('hello.txt');
    code('fresh.data;');
    show('', fresh.data);
    code('[await fresh.contentLength, await fresh.contentType, await fresh.eTag];');
    show('', [await fresh.contentLength, await fresh.contentType, await fresh.eTag]);
    counter.print();

    step('List with filter, limit and pages');
    code(
      'await Promise.all(days.map((day) => bucket.putObject({ Key: `logs/day-${day}.log`, ... })));   // 25 days',
    );
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => {
        const day = String(i + 1).padStart(2, '0');
        return bucket.putObject({ Key: `logs/day-${day}.log`, Body: `log of day ${day}\n` });
      }),
    );
    counter.print();
    code("await bucket.objects.filter({ Prefix: 'logs/' }).limit(5).toArray();");
    const five = await bucket.objects.filter({ Prefix: 'logs/' }).limit(5).toArray();
    show('', five.map((o) => o.key).join(', '));
    counter.print();
    code(
      "for await (const page of bucket.objects.filter({ Prefix: 'logs/' }).pageSize(10).pages())",
    );
    const sizes = [];
    for await (const page of bucket.objects.filter({ Prefix: 'logs/' }).pageSize(10).pages()) {
      sizes.push(page.length);
    }
    show('page sizes', sizes);
    code('await five[0].size;   // from the listing: no HeadObject');
    show('', await five[0].size);
    counter.print();

    step('Upload a 12 MiB file in parts, with a progress bar');
    const file = join(tmp, 'big.bin');
    await writeFile(file, randomBytes(12 * MiB));
    code(`const big = await bucket.uploadFile(file, 'uploads/big.bin', { onProgress });`);
    const started = Date.now();
    let last = { loaded: 0, total: 12 * MiB };
    const big = await bucket.uploadFile(file, 'uploads/big.bin', {
      onProgress: (progress) => {
        last = progress;
        if (tty) process.stdout.write(`\r  ${progressBar(progress)}`);
      },
    });
    if (tty) process.stdout.write('\n');
    else console.log(`  ${progressBar(last)}`);
    show('', `${big.key} uploaded in ${Date.now() - started} ms, in 5 MiB parts`);
    counter.print();

    step('A presigned URL, fetched without credentials');
    code('const url = await obj.presignGet({ expiresIn: 60 });   // signed locally: no request');
    const url = await obj.presignGet({ expiresIn: 60 });
    show('', `${url.slice(0, 72)}...`);
    code('await (await fetch(url)).text();');
    const response = await fetch(url);
    show(`HTTP ${response.status}`, await response.text());
    counter.print();

    step('Batch delete: one DeleteObjects per page');
    code("await bucket.objects.filter({ Prefix: 'logs/' }).pageSize(10).delete();");
    const outputs = await bucket.objects.filter({ Prefix: 'logs/' }).pageSize(10).delete();
    const deleted = outputs.reduce((n, output) => n + (output.Deleted?.length ?? 0), 0);
    show('', `${deleted} objects deleted in ${outputs.length} DeleteObjects requests`);
    counter.print();

    step('Versions');
    code('await bucket.Versioning().enable();');
    await bucket.Versioning().enable();
    code("await bucket.putObject({ Key: 'notes.txt', Body: 'first' });   // then 'second'");
    await bucket.putObject({ Key: 'notes.txt', Body: 'first' });
    await bucket.putObject({ Key: 'notes.txt', Body: 'second' });
    code("for await (const v of bucket.objectVersions.filter({ Prefix: 'notes.txt' }))");
    for await (const version of bucket.objectVersions.filter({ Prefix: 'notes.txt' })) {
      show(
        '',
        `${version.id.slice(0, 12)}…  isLatest: ${await version.isLatest}  ${await version.size} bytes`,
      );
    }
    counter.print();

    step('Waiters and errors');
    const later = bucket.Object('later.txt');
    code("setTimeout(() => later.put({ Body: 'here' }), 500);");
    code('await later.waitUntilExists({ minDelay: 0.2, maxDelay: 0.4, maxWaitTime: 30 });');
    const waitStarted = Date.now();
    const timer = setTimeout(() => void later.put({ Body: 'here' }), 500);
    try {
      await later.waitUntilExists({ minDelay: 0.2, maxDelay: 0.4, maxWaitTime: 30 });
    } finally {
      clearTimeout(timer);
    }
    show('', `exists after ${((Date.now() - waitStarted) / 1000).toFixed(1)} s`);
    code("s3.Bucket('');   // caught before any request");
    try {
      s3.Bucket('');
    } catch (error) {
      show(`${error instanceof IdentifierError ? 'IdentifierError' : error.name}:`, error.message);
    }
    code("await bucket.Object('missing.txt').get();   // the v3 client's own error");
    await bucket
      .Object('missing.txt')
      .get()
      .catch((error) => show(`${error.name}:`, error.message));
    counter.print();
  } finally {
    if (bucket) {
      step('Clean up');
      code('await bucket.objectVersions.all().delete(); await bucket.delete();');
      await bucket.objectVersions.all().delete();
      await bucket.delete();
      show('', `bucket exists: ${await bucket.exists()}`);
      counter.print();
    }
    s3.meta.client.destroy();
  }
}
