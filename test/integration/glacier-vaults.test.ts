/**
 * Glacier on the emulator: vaults, archives, retrieval jobs and their collections, with the
 * requests each call sends counted. moto 5.2.1 ignores `limit`/`marker` on ListVaults and
 * ListJobs (`pageLikeGlacier` pages its real answers as Glacier does) and ignores the
 * `statuscode`/`completed` filters of ListJobs (so the filtered collections are checked by the
 * request they send). A retrieval job completes within about 5 s on moto.
 */
import { ParamValidationError } from '../../src/core/errors.js';
import { Glacier, Job, type Vault } from '../../src/resources/glacier/index.js';
import { account, glacierClient, pageLikeGlacier, vaultName } from '../support/glacier.js';
import { countRequests } from '../support/request-counter.js';

const client = glacierClient();
pageLikeGlacier(client);
const counter = countRequests(client);
const glacier = new Glacier({ client });

afterAll(() => client.destroy());
beforeEach(() => counter.reset());

async function drain<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('vaults', () => {
  it('createVault makes a Vault of the caller\'s account ("-"); attributes load once', async () => {
    const name = vaultName('create');
    const vault = await glacier.createVault({ vaultName: name });
    expect([vault.accountId, vault.name]).toEqual(['-', name]);
    expect(counter.inputs).toEqual([
      { operation: 'CreateVault', input: { accountId: '-', vaultName: name } },
    ]);
    counter.reset();
    expect(await vault.vaultARN).toMatch(new RegExp(`:vaults/${name}$`));
    expect(await vault.numberOfArchives).toBe(0);
    expect(await vault.creationDate).toEqual(expect.any(String));
    expect(counter.byOperation).toEqual({ DescribeVault: 1 });
    expect(await vault.exists()).toBe(true);
  });

  it('Account(id).createVault sends that account ID and makes vaults of it', async () => {
    const name = vaultName('account');
    const vault = await glacier.Account(account()).createVault({ vaultName: name });
    expect([vault.accountId, vault.name]).toEqual([account(), name]);
    expect(counter.requests[0]?.path).toBe(`/${account()}/vaults/${name}`);
    expect(vault.Account().id).toBe(account());
    const listed = await drain(glacier.Account(account()).vaults.all());
    expect(listed.map((v) => v.name)).toContain(name);
    expect(listed.every((v) => v.accountId === account())).toBe(true);
  });

  it('vault.create() creates the vault the resource names', async () => {
    const vault = glacier.Vault('-', vaultName('self'));
    await vault.create();
    expect(counter.inputs[0]).toEqual({
      operation: 'CreateVault',
      input: { accountId: '-', vaultName: vault.name },
    });
    expect(await vault.sizeInBytes).toBe(0);
  });

  it('the vaults collection pages on marker; limit(n) asks for n', async () => {
    const names = [vaultName('list'), vaultName('list'), vaultName('list')];
    for (const vaultName of names) await glacier.createVault({ vaultName });
    counter.reset();
    const all = await drain(glacier.vaults.all());
    const total = all.length;
    expect(all.map((v) => v.name)).toEqual(expect.arrayContaining(names));
    // Data from the listing: no DescribeVault.
    expect(await all[0]?.vaultARN).toEqual(expect.any(String));
    expect(counter.byOperation).toEqual({ ListVaults: Math.ceil(total / 10) });

    counter.reset();
    expect((await drain(glacier.vaults.pageSize(2))).length).toBe(total);
    expect(counter.count('ListVaults')).toBe(Math.ceil(total / 2));
    expect(counter.inputs[1]?.input).toEqual({ accountId: '-', limit: 2, marker: '2' });

    counter.reset();
    expect((await drain(glacier.vaults.limit(1))).length).toBe(1);
    expect(counter.inputs).toEqual([
      { operation: 'ListVaults', input: { accountId: '-', limit: 1 } },
    ]);
  });

  it('delete removes the vault', async () => {
    const vault = await glacier.createVault({ vaultName: vaultName('delete') });
    await vault.delete();
    const names = (await drain(glacier.vaults.all())).map((v) => v.name);
    expect(names).not.toContain(vault.name);
  });

  it('refuses a missing or empty vault name and a param the vault fills, before any request', async () => {
    await expect(glacier.createVault({ vaultName: '' })).rejects.toThrow(
      /params\.vaultName must not be empty/,
    );
    await expect(glacier.Account(account()).createVault({ vaultName: '' })).rejects.toThrow(
      /params\.vaultName must not be empty/,
    );
    await expect(
      glacier.createVault({} as unknown as Parameters<Glacier['createVault']>[0]),
    ).rejects.toThrow(ParamValidationError);
    const vault = glacier.Vault('-', vaultName('fills'));
    await expect(
      vault.uploadArchive({ vaultName: 'other', body: 'x' } as unknown as Parameters<
        Vault['uploadArchive']
      >[0]),
    ).rejects.toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });
});

describe('archives and jobs', () => {
  let vault: Vault;

  beforeAll(async () => {
    vault = await glacier.createVault({ vaultName: vaultName('archives') });
  });

  it('uploadArchive makes an Archive of the vault, sent with its tree hash', async () => {
    const archive = await vault.uploadArchive({ body: 'first archive', archiveDescription: 'a' });
    expect(archive.id).toEqual(expect.any(String));
    expect([archive.accountId, archive.vaultName]).toEqual(['-', vault.name]);
    expect(counter.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /-/vaults/${vault.name}/archives`,
    ]);
    expect(archive.Vault().name).toBe(vault.name);
    await archive.delete();
    expect(counter.inputs[1]).toEqual({
      operation: 'DeleteArchive',
      input: { accountId: '-', vaultName: vault.name, archiveId: archive.id },
    });
  });

  it('an archive retrieval job completes; getOutput returns the archive', async () => {
    const archive = await vault.uploadArchive({ body: 'archived bytes' });
    const job = await archive.initiateArchiveRetrieval({ jobParameters: { Tier: 'Expedited' } });
    expect(job).toBeInstanceOf(Job);
    expect([job.accountId, job.vaultName]).toEqual(['-', vault.name]);
    expect(counter.inputs.at(-1)?.input).toEqual({
      accountId: '-',
      vaultName: vault.name,
      jobParameters: { Type: 'archive-retrieval', ArchiveId: archive.id, Tier: 'Expedited' },
    });
    expect(job.Vault().name).toBe(vault.name);
    expect(await job.action).toBe('ArchiveRetrieval');
    expect(await job.archiveId).toBe(archive.id);

    const deadline = Date.now() + 15_000;
    await job.reload();
    while (!(await job.completed)) {
      if (Date.now() > deadline) throw new Error('the retrieval job did not complete in 15 s');
      await new Promise((resolve) => setTimeout(resolve, 500));
      await job.reload();
    }
    expect(await job.statusCode).toBe('Succeeded');
    const output = await job.getOutput();
    expect(await output.body?.transformToString()).toBe('archived bytes');
  }, 30_000);

  it('an inventory retrieval job is a Job of the vault', async () => {
    const job = await vault.initiateInventoryRetrieval();
    expect(counter.inputs[0]?.input).toEqual({
      accountId: '-',
      vaultName: vault.name,
      jobParameters: { Type: 'inventory-retrieval' },
    });
    expect(await job.action).toBe('InventoryRetrieval');
    expect(vault.Job(job.id).id).toBe(job.id);
  });

  it("jobs lists the vault's jobs with their data; pageSize pages on marker", async () => {
    const jobs = await drain(vault.jobs.all());
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    expect(jobs.every((j) => j instanceof Job && j.vaultName === vault.name)).toBe(true);
    expect(await jobs[0]?.vaultARN).toEqual(await vault.vaultARN);
    counter.reset();
    await drain(vault.jobs.pageSize(1));
    expect(counter.count('ListJobs')).toBe(jobs.length);
    expect(counter.count('DescribeJob')).toBe(0);
  });

  it.each([
    ['completedJobs', { completed: 'true' }],
    ['failedJobs', { statuscode: 'Failed' }],
    ['jobsInProgress', { statuscode: 'InProgress' }],
    ['succeededJobs', { statuscode: 'Succeeded' }],
  ] as const)('%s sends its filter', async (name, filter) => {
    const jobs = await drain(vault[name].all());
    expect(counter.inputs).toEqual([
      { operation: 'ListJobs', input: { accountId: '-', vaultName: vault.name, ...filter } },
    ]);
    expect(jobs.every((j) => j instanceof Job)).toBe(true);
  });
});
