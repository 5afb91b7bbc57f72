/**
 * What moto 5.2.1 lacks — Glacier multipart uploads, vault notifications, and Glacier's
 * `ResourceNotFoundException` (HTTP 404) for a missing vault — tested through a v3 middleware
 * that answers those operations with the responses documented in the Glacier API reference
 * (`answerAsGlacier` in test/support/glacier.ts), after the client has built and signed the
 * request. The tests check the HTTP requests the library sends and the resources it builds
 * from the answers. Everything else goes to the emulator.
 */
import { ResourceNotFoundException } from '../../src/resources/glacier/index.js';
import { Glacier, MultipartUpload, type Vault } from '../../src/resources/glacier/index.js';
import {
  answerAsGlacier,
  glacierClient,
  vaultName,
  vaultNotFound,
  type DocumentedResponse,
} from '../support/glacier.js';
import { countRequests } from '../support/request-counter.js';

const UPLOAD_ID =
  'OW2fM5iVylEpFEMM9_HpKowRapC3vn5sSL39_396UW9zLFUWVrnRHaPjUJddQ5OxSHVXjYtrN47NBZ-khxOjyEXAMPLE';
const TREE_HASH = 'c06f7cd4baacb087002a99a5f48bf953';
const TOPIC = 'arn:aws:sns:us-east-1:012345678901:mytopic';

function uploadElement(vault: string, id: string) {
  return {
    ArchiveDescription: 'backup of 2026-12-03',
    CreationDate: '2026-12-03T10:00:00.000Z',
    MultipartUploadId: id,
    PartSizeInBytes: 1048576,
    VaultARN: `arn:aws:glacier:us-east-1:012345678901:vaults/${vault}`,
  };
}

/** A client on the emulator whose multipart and notification calls are answered as documented. */
function documented(vault: string) {
  const client = glacierClient();
  const counter = countRequests(client);
  const location = `/012345678901/vaults/${vault}/multipart-uploads/${UPLOAD_ID}`;
  const noContent: DocumentedResponse = { statusCode: 204 };
  const sent = answerAsGlacier(client, {
    InitiateMultipartUpload: () => ({
      statusCode: 201,
      headers: { location, 'x-amz-multipart-upload-id': UPLOAD_ID },
    }),
    UploadMultipartPart: () => ({
      statusCode: 204,
      headers: { 'x-amz-sha256-tree-hash': TREE_HASH },
    }),
    ListParts: () => ({
      statusCode: 200,
      json: {
        ...uploadElement(vault, UPLOAD_ID),
        Marker: null,
        Parts: [{ RangeInBytes: '0-1048575', SHA256TreeHash: TREE_HASH }],
      },
    }),
    CompleteMultipartUpload: () => ({
      statusCode: 201,
      headers: {
        location: `/012345678901/vaults/${vault}/archives/NkbByEejwEggmBz2fTHgJrg0XBoDfjP4q6iu87-EXAMPLEArchiveId`,
        'x-amz-sha256-tree-hash': TREE_HASH,
        'x-amz-archive-id': 'NkbByEejwEggmBz2fTHgJrg0XBoDfjP4q6iu87-EXAMPLEArchiveId',
      },
    }),
    AbortMultipartUpload: () => noContent,
    // Two pages: the first has a marker.
    ListMultipartUploads: (input) =>
      input.marker === undefined
        ? {
            statusCode: 200,
            json: { Marker: 'page-2', UploadsList: [uploadElement(vault, 'up-1')] },
          }
        : { statusCode: 200, json: { Marker: null, UploadsList: [uploadElement(vault, 'up-2')] } },
    SetVaultNotifications: () => noContent,
    GetVaultNotifications: () => ({
      statusCode: 200,
      json: {
        SNSTopic: TOPIC,
        Events: ['ArchiveRetrievalCompleted', 'InventoryRetrievalCompleted'],
      },
    }),
    DeleteVaultNotifications: () => noContent,
  });
  return { client, counter, sent, glacier: new Glacier({ client }) };
}

describe('multipart uploads (documented responses)', () => {
  const name = vaultName('multipart');
  const { client, counter, sent, glacier } = documented(name);
  const vault: Vault = glacier.Vault('-', name);

  afterAll(() => client.destroy());
  beforeEach(() => {
    counter.reset();
    sent.length = 0;
  });

  it('initiateMultipartUpload makes a MultipartUpload from x-amz-multipart-upload-id', async () => {
    const upload = await vault.initiateMultipartUpload({
      partSize: '1048576',
      archiveDescription: 'backup of 2026-12-03',
    });
    expect(upload).toBeInstanceOf(MultipartUpload);
    expect([upload.accountId, upload.vaultName, upload.id]).toEqual(['-', name, UPLOAD_ID]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: `/-/vaults/${name}/multipart-uploads`,
      headers: {
        'x-amz-part-size': '1048576',
        'x-amz-archive-description': 'backup of 2026-12-03',
      },
    });
    expect(upload.Vault().name).toBe(name);
  });

  it('uploadPart, parts, complete and abort address the upload', async () => {
    const upload = vault.MultipartUpload(UPLOAD_ID);
    const part = new Uint8Array(1024).fill(7);
    const { checksum } = await upload.uploadPart({ range: 'bytes 0-1023/*', body: part });
    expect(checksum).toBe(TREE_HASH);
    const put = sent[0];
    expect(put).toMatchObject({
      method: 'PUT',
      path: `/-/vaults/${name}/multipart-uploads/${UPLOAD_ID}`,
      headers: { 'content-range': 'bytes 0-1023/*' },
    });
    // The v3 client's Glacier middleware adds the part's tree hash.
    expect(put?.headers['x-amz-sha256-tree-hash']).toMatch(/^[0-9a-f]{64}$/);

    const parts = await upload.parts();
    expect(parts.Parts).toEqual([{ RangeInBytes: '0-1048575', SHA256TreeHash: TREE_HASH }]);
    expect(sent[1]).toMatchObject({ method: 'GET', path: put?.path });

    const done = await upload.complete({ archiveSize: '1024', checksum: TREE_HASH });
    expect(done.archiveId).toBe('NkbByEejwEggmBz2fTHgJrg0XBoDfjP4q6iu87-EXAMPLEArchiveId');
    expect(sent[2]).toMatchObject({
      method: 'POST',
      path: put?.path,
      headers: { 'x-amz-archive-size': '1024', 'x-amz-sha256-tree-hash': TREE_HASH },
    });
    expect(vault.Archive(done.archiveId ?? '').id).toBe(done.archiveId);

    await upload.abort();
    expect(sent[3]).toMatchObject({ method: 'DELETE', path: put?.path });
    expect(counter.total).toBe(4);
  });

  it("multipartUploads pages on marker and carries each upload's data", async () => {
    const uploads: MultipartUpload[] = [];
    for await (const upload of vault.multipartUploads.pageSize(1)) uploads.push(upload);
    expect(uploads.map((u) => u.id)).toEqual(['up-1', 'up-2']);
    expect(counter.inputs).toEqual([
      { operation: 'ListMultipartUploads', input: { accountId: '-', vaultName: name, limit: 1 } },
      {
        operation: 'ListMultipartUploads',
        input: { accountId: '-', vaultName: name, limit: 1, marker: 'page-2' },
      },
    ]);
    expect(sent[1]?.query).toEqual({ limit: '1', marker: 'page-2' });
    // From the listing's data: no request (boto3 has no load for a MultipartUpload either).
    expect(await uploads[0]?.partSizeInBytes).toBe(1048576);
    expect(await uploads[1]?.archiveDescription).toBe('backup of 2026-12-03');
    expect(counter.total).toBe(2);
  });
});

describe('vault notifications (documented responses)', () => {
  const name = vaultName('notify');
  const { client, counter, sent, glacier } = documented(name);

  afterAll(() => client.destroy());

  it("set, load and delete address the vault's notification-configuration", async () => {
    const notification = glacier.Vault('-', name).Notification();
    expect([notification.accountId, notification.vaultName]).toEqual(['-', name]);
    await notification.set({
      vaultNotificationConfig: { SNSTopic: TOPIC, Events: ['ArchiveRetrievalCompleted'] },
    });
    expect(sent[0]).toMatchObject({
      method: 'PUT',
      path: `/-/vaults/${name}/notification-configuration`,
    });
    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({
      SNSTopic: TOPIC,
      Events: ['ArchiveRetrievalCompleted'],
    });

    expect(await notification.snsTopic).toBe(TOPIC);
    expect(await notification.events).toEqual([
      'ArchiveRetrievalCompleted',
      'InventoryRetrievalCompleted',
    ]);
    expect(counter.byOperation).toEqual({ SetVaultNotifications: 1, GetVaultNotifications: 1 });
    expect(sent[1]).toMatchObject({ method: 'GET', path: sent[0]?.path });

    await notification.delete();
    expect(sent[2]).toMatchObject({ method: 'DELETE', path: sent[0]?.path });
    expect(notification.Vault().name).toBe(name);
  });
});

describe('a vault that does not exist (documented 404)', () => {
  it('exists() is false, waitUntilNotExists returns, load() raises the exception class', async () => {
    const client = glacierClient();
    const missing = vaultName('missing');
    const sent = answerAsGlacier(client, {
      DescribeVault: () => vaultNotFound(missing),
    });
    const glacier = new Glacier({ client });
    const vault = glacier.Vault('-', missing);
    expect(await vault.exists()).toBe(false);
    await vault.waitUntilNotExists({ minDelay: 1, maxWaitTime: 5 });
    await expect(vault.load()).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(
      Array(3).fill(`GET /-/vaults/${missing}`),
    );
    client.destroy();
  });
});
