/**
 * ObjectAcl against moto, through the library: both factories, the lazy load of owner and
 * grants, put (canned and full policy), reload, Object() and a missing object.
 */
import { S3ServiceException } from '@aws-sdk/client-s3';
import { ObjectAcl, S3Object } from '../../src/resources/s3/index.js';
import { useS3Fixture } from '../support/s3-fixture.js';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';

const { counter, s3, bucket } = useS3Fixture('object-acl');
const bucketName = bucket.name;
const KEY = 'docs/report.txt';

beforeAll(async () => {
  await bucket.putObject({ Key: KEY, Body: 'quarterly numbers' });
});

/** Each grant as [grantee URI or ID, permission]. */
function permissions(
  grants: Awaited<ObjectAcl['grants']>,
): Array<[string | undefined, string | undefined]> {
  return (grants ?? []).map((g) => [g.Grantee?.URI ?? g.Grantee?.ID, g.Permission]);
}

it('both factories make the same ObjectAcl without a request; Object() leads back', () => {
  const obj = s3.Object(bucketName, KEY);
  const acl = obj.Acl();
  expect(acl).toBeInstanceOf(ObjectAcl);
  expect(acl.bucketName).toBe(bucketName);
  expect(acl.objectKey).toBe(KEY);
  expect(acl.equals(s3.ObjectAcl(bucketName, KEY))).toBe(true);
  expect(acl.toJSON()).toEqual({
    service: 's3',
    type: 'ObjectAcl',
    identifiers: { bucketName, objectKey: KEY },
  });
  const back = acl.Object();
  expect(back).toBeInstanceOf(S3Object);
  expect(back.equals(obj)).toBe(true);
  expect(acl.data).toBeUndefined();
  expect(counter.total).toBe(0);
});

it('loads owner and grants with one GetObjectAcl, puts a canned ACL and grant headers, reloads', async () => {
  const acl = s3.ObjectAcl(bucketName, KEY);
  const [owner, grants] = await Promise.all([acl.owner, acl.grants]);
  expect(counter.inputs).toEqual([
    { operation: 'GetObjectAcl', input: { Bucket: bucketName, Key: KEY } },
  ]);
  expect(owner?.ID).toMatch(/\S/);
  expect(permissions(grants)).toEqual([[owner?.ID, 'FULL_CONTROL']]);

  await acl.put({ ACL: 'public-read' });
  expect(counter.inputs.at(-1)).toMatchObject({
    operation: 'PutObjectAcl',
    input: { Bucket: bucketName, Key: KEY, ACL: 'public-read' },
  });
  expect(acl.data).toBeUndefined(); // put forgot the snapshot: the next read loads
  expect(permissions(await acl.grants)).toEqual([
    [owner?.ID, 'FULL_CONTROL'],
    [ALL_USERS, 'READ'],
  ]);

  // Explicit grants as x-amz-grant-* headers (moto 5.2.1 ignores an AccessControlPolicy body
  // on PutObjectAcl and falls back to the bucket's ACL, so the body form cannot be checked).
  await acl.put({
    GrantFullControl: `id="${owner?.ID}"`,
    GrantReadACP: `uri="${AUTHENTICATED_USERS}"`,
  });
  await acl.reload();
  expect(permissions(await acl.grants)).toEqual([
    [owner?.ID, 'FULL_CONTROL'],
    [AUTHENTICATED_USERS, 'READ_ACP'],
  ]);

  await acl.put({ ACL: 'private' });
  await acl.reload();
  expect(permissions(await acl.grants)).toEqual([[owner?.ID, 'FULL_CONTROL']]);
  expect(counter.byOperation).toEqual({ GetObjectAcl: 4, PutObjectAcl: 3 });
});

it('the ACL of a missing object: NoSuchKey comes through and exists() is false', async () => {
  const acl = s3.Object(bucketName, 'missing.txt').Acl();
  const error = await acl.load().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(S3ServiceException);
  expect((error as S3ServiceException).name).toBe('NoSuchKey');
  expect(await acl.exists()).toBe(false);
  await expect(acl.put({ ACL: 'public-read' })).rejects.toMatchObject({ name: 'NoSuchKey' });
  expect(counter.byOperation).toEqual({ GetObjectAcl: 2, PutObjectAcl: 1 });
});
