/**
 * The Glacier (vaults) part of the demo. On the emulator: a vault, an archive uploaded and
 * read back through a retrieval job, and a small multipart upload. On AWS it only reads (the
 * vault service takes no new customers).
 */
import { createHash, randomBytes } from 'node:crypto';
import { code, note, part, show, step } from './print.mjs';

const MiB = 1024 * 1024;

export async function tourGlacier({ lib, target, counter }) {
  const { Glacier } = lib.glacier;
  part('Amazon Glacier (vaults) — aws-resources/glacier');
  note(
    'the vault service has taken no new customers since December 15, 2025; for new archives, use the S3 Glacier storage classes',
  );
  const glacier = new Glacier(target.config('glacier'));
  counter.watch(glacier.meta.client);
  try {
    if (target.aws) await readOnly(glacier, counter);
    else await vaultArchiveJob(glacier, counter);
  } finally {
    glacier.meta.client.destroy();
  }
}

async function readOnly(glacier, counter) {
  step('Your vaults (read only)');
  code('for await (const vault of glacier.vaults.limit(5))');
  let seen = 0;
  for await (const vault of glacier.vaults.limit(5)) {
    seen += 1;
    show('', `${vault.name}  ${await vault.numberOfArchives} archives`);
  }
  if (seen === 0) show('', '(no vaults)');
  counter.print();
}

/** Glacier's SHA-256 tree hash: a hash per MiB, then hashes of pairs up to one, in hex. */
function treeHash(body) {
  const sha256 = (data) => createHash('sha256').update(data).digest();
  let level = [];
  for (let at = 0; at < body.length; at += MiB) level.push(sha256(body.subarray(at, at + MiB)));
  while (level.length > 1) {
    const next = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? sha256(Buffer.concat([level[i], level[i + 1]])) : level[i]);
    }
    level = next;
  }
  return level[0].toString('hex');
}

async function vaultArchiveJob(glacier, counter) {
  let vault;
  let archive;
  try {
    step('A vault');
    const name = `aws-resources-demo-${randomBytes(3).toString('hex')}`;
    code(`const vault = await glacier.createVault({ vaultName: '${name}' });`);
    vault = await glacier.createVault({ vaultName: name });
    show('', vault);
    code('[await vault.numberOfArchives, await vault.vaultARN];   // one DescribeVault');
    show('', [await vault.numberOfArchives, await vault.vaultARN]);
    code("glacier.Vault(name, '-');   // arguments swapped: caught before any request");
    try {
      glacier.Vault(name, '-');
    } catch (error) {
      show(`${error.name}:`, error.message);
    }
    counter.print();

    step('Upload an archive, start a retrieval job');
    code(
      "const archive = await vault.uploadArchive({ body: 'quarterly report', archiveDescription: 'reports/q4.txt' });",
    );
    archive = await vault.uploadArchive({
      body: 'quarterly report',
      archiveDescription: 'reports/q4.txt',
    });
    show('', `${archive.id.slice(0, 24)}…   (the v3 client added the tree hash)`);
    code(
      "const job = await archive.initiateArchiveRetrieval({ jobParameters: { Tier: 'Expedited' } });",
    );
    const job = await archive.initiateArchiveRetrieval({ jobParameters: { Tier: 'Expedited' } });
    code('[await job.action, await job.completed];   // one DescribeJob');
    show('', [await job.action, await job.completed]);
    counter.print();

    step('A multipart upload: 1.5 MiB in parts of 1 MiB');
    const body = randomBytes(1.5 * MiB);
    code('const upload = await vault.initiateMultipartUpload({ partSize: String(1024 * 1024) });');
    code(
      "await upload.uploadPart({ range: 'bytes 0-1048575/*', body: body.subarray(0, MiB) });   // and the rest",
    );
    code('await upload.complete({ archiveSize: String(body.length), checksum: treeHash(body) });');
    try {
      const upload = await vault.initiateMultipartUpload({ partSize: String(MiB) });
      await upload.uploadPart({ range: `bytes 0-${MiB - 1}/*`, body: body.subarray(0, MiB) });
      await upload.uploadPart({
        range: `bytes ${MiB}-${body.length - 1}/*`,
        body: body.subarray(MiB),
      });
      const { archiveId } = await upload.complete({
        archiveSize: String(body.length),
        checksum: treeHash(body),
      });
      show('archive', `${archiveId.slice(0, 24)}…`);
      await vault.Archive(archiveId).delete();
    } catch (error) {
      // moto 5.2.1 has no multipart uploads: it answers InitiateMultipartUpload with an HTML
      // page, which the client cannot parse. Any other error is a real one.
      if (error.name !== 'SyntaxError') throw error;
      show(`${error.name}:`, String(error.message).split('\n')[0].slice(0, 100));
      note(
        "moto has no Glacier multipart uploads: it answered with an HTML page, not Glacier's JSON",
      );
    }
    counter.print();

    step('The job completes (hours on Glacier, seconds here); read the archive back');
    code('while (!(await job.completed)) { await sleep(1000); await job.reload(); }');
    const started = Date.now();
    while (!(await job.completed)) {
      if (Date.now() - started > 30_000) throw new Error('the retrieval job did not complete');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await job.reload();
    }
    show('', `${await job.statusCode} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    code('await (await job.getOutput()).body.transformToString();');
    show('', await (await job.getOutput()).body.transformToString());
    counter.print();
  } finally {
    if (vault) {
      step('Clean up');
      code('await archive.delete(); await vault.delete();');
      await archive?.delete();
      await vault.delete();
      counter.print();
    }
  }
}
