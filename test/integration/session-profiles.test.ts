/**
 * Session: region, credentials and endpoint resolved as the AWS SDK does, from temporary
 * shared config/credentials files, AWS_PROFILE, an assume-role profile (against moto's STS),
 * credential_process, container credentials and AWS_ENDPOINT_URL.
 */
import { S3Client } from '@aws-sdk/client-s3';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { Session } from '../../src/index.js';
import { DynamoDB } from '../../src/resources/dynamodb/index.js';
import { S3 } from '../../src/resources/s3/index.js';
import { awsFiles, withAwsEnv, type AwsFiles } from '../support/aws-env.js';
import { s3Client, testEndpoint, uniqueName } from '../support/emulator.js';

const PLANTED_KEY = 'AKIAPLANTEDKEY0000001';
const PLANTED_SECRET = 'plantedSecretDev0000000000000000000000001';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/planted-role';

const CONFIG = `
[default]
region = eu-west-2

[profile dev]
region = ap-southeast-2

[profile role]
role_arn = ${ROLE_ARN}
source_profile = dev
role_session_name = planted-session
region = eu-central-1
`;

const CREDENTIALS = `
[default]
aws_access_key_id = AKIADEFAULTKEY000001
aws_secret_access_key = defaultSecret000000000000000000000000001

[dev]
aws_access_key_id = ${PLANTED_KEY}
aws_secret_access_key = ${PLANTED_SECRET}
`;

let files: AwsFiles;

beforeEach(async () => {
  files = await awsFiles({ config: CONFIG, credentials: CREDENTIALS });
});

afterEach(async () => {
  await files.remove();
});

/** The region a service's client of `session` resolved. */
async function s3Region(session: Session): Promise<string> {
  return new S3({ session }).meta.client.config.region();
}

/** Records the access key id each signed request of `client` carries. */
function signingKeys(client: S3Client): string[] {
  const keys: string[] = [];
  const capture: FinalizeRequestMiddleware<object, object> = (next) => async (args) => {
    const headers = (args.request as { headers: Record<string, string> }).headers;
    const match = /Credential=([^/]+)\//.exec(headers.authorization ?? '');
    if (match?.[1]) keys.push(match[1]);
    return next(args);
  };
  // After signing (low priority in finalizeRequest), like test/support/request-counter.ts.
  client.middlewareStack.add(capture as never, { step: 'finalizeRequest', priority: 'low' });
  return keys;
}

/**
 * Who moto's STS says owns an access key. moto identifies the caller by the key id in the
 * Authorization header (it checks no signatures), so this asks as that key's owner.
 */
async function callerArn(accessKeyId: string): Promise<string> {
  const res = await fetch(testEndpoint(), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization:
        `AWS4-HMAC-SHA256 Credential=${accessKeyId}/20260101/us-east-1/sts/aws4_request, ` +
        'SignedHeaders=host, Signature=0',
    },
    body: 'Action=GetCallerIdentity&Version=2011-06-15',
  });
  const text = await res.text();
  expect(res.status).toBe(200);
  return /<Arn>([^<]+)<\/Arn>/.exec(text)?.[1] ?? text;
}

describe('Session profiles from shared config and credentials files', () => {
  it('uses the default profile without a profile or AWS_PROFILE', async () => {
    await withAwsEnv(files.env, async () => {
      const session = new Session();
      expect(await s3Region(session)).toBe('eu-west-2');
      expect((await session.getCredentials()).accessKeyId).toBe('AKIADEFAULTKEY000001');
    });
  });

  it('takes region and static keys from a named profile', async () => {
    await withAwsEnv(files.env, async () => {
      const session = new Session({ profile: 'dev' });
      expect(await s3Region(session)).toBe('ap-southeast-2');
      expect(await new DynamoDB({ session }).meta.client.config.region()).toBe('ap-southeast-2');
      const credentials = await session.getCredentials();
      expect(credentials.accessKeyId).toBe(PLANTED_KEY);
      expect(credentials.secretAccessKey).toBe(PLANTED_SECRET);
    });
  });

  it('follows AWS_PROFILE, and an explicit profile or region wins over it', async () => {
    await withAwsEnv({ ...files.env, AWS_PROFILE: 'dev' }, async () => {
      const fromEnv = new Session();
      expect(await s3Region(fromEnv)).toBe('ap-southeast-2');
      expect((await fromEnv.getCredentials()).accessKeyId).toBe(PLANTED_KEY);

      const explicit = new Session({ profile: 'default' });
      expect(await s3Region(explicit)).toBe('eu-west-2');
      expect((await explicit.getCredentials()).accessKeyId).toBe('AKIADEFAULTKEY000001');

      expect(await s3Region(new Session({ region: 'sa-east-1' }))).toBe('sa-east-1');
    });
  });

  it('AWS_REGION wins over the profile region, as in the SDK', async () => {
    await withAwsEnv({ ...files.env, AWS_REGION: 'ca-central-1' }, async () => {
      expect(await s3Region(new Session({ profile: 'dev' }))).toBe('ca-central-1');
    });
  });

  it("fails on first use with the SDK's error when the profile does not exist", async () => {
    await withAwsEnv(files.env, async () => {
      const session = new Session({ profile: 'nobody', region: 'us-east-1' }); // no I/O yet
      await expect(session.getCredentials()).rejects.toMatchObject({
        name: 'CredentialsProviderError',
      });
      await expect(new S3({ session }).buckets.all().toArray()).rejects.toMatchObject({
        name: 'CredentialsProviderError',
      });
    });
  });
});

describe('Session with an assume-role profile (moto STS)', () => {
  it('assumes the role once, and every client signs with the assumed credentials', async () => {
    await withAwsEnv(files.env, async () => {
      const logged: unknown[] = [];
      const logger = {
        trace: () => undefined,
        debug: () => undefined,
        info: (entry: unknown) => logged.push(entry),
        warn: () => undefined,
        error: () => undefined,
      };
      const session = new Session({
        profile: 'role',
        endpoint: testEndpoint(),
        clientConfig: { forcePathStyle: true, logger },
      });
      expect(await s3Region(session)).toBe('eu-central-1');
      const keys = signingKeys(session.clientFor(S3Client));

      const s3 = new S3({ session });
      const bucket = await s3.createBucket({ Bucket: uniqueName('session-role') });
      await new DynamoDB({ session }).tables.all().toArray();
      await bucket.delete();

      const credentials = await session.getCredentials();
      expect(credentials.accessKeyId).toMatch(/^ASIA/);
      expect(credentials.accessKeyId).not.toBe(PLANTED_KEY);
      expect(credentials.sessionToken).toEqual(expect.any(String));
      expect(credentials.expiration).toBeInstanceOf(Date);
      // Both S3 requests were signed with the assumed key, which moto's STS issued for the role.
      expect(keys).toEqual([credentials.accessKeyId, credentials.accessKeyId]);
      expect(await callerArn(credentials.accessKeyId)).toBe(
        'arn:aws:sts::123456789012:assumed-role/planted-role/planted-session',
      );
      // One AssumeRole for the whole session (S3 and DynamoDB share the credentials).
      const assumeRoles = logged.filter(
        (entry) => (entry as { commandName?: string }).commandName === 'AssumeRoleCommand',
      );
      expect(assumeRoles).toHaveLength(1);
      expect(assumeRoles[0]).toMatchObject({ input: { RoleArn: ROLE_ARN } });
      session.destroy();
    });
  });
});

describe('Session with other sources of the standard chain', () => {
  it('runs credential_process', async () => {
    const script = join(files.dir, 'creds.js');
    await writeFile(
      script,
      'console.log(JSON.stringify({ Version: 1, AccessKeyId: "AKIAPROCESSKEY000001", ' +
        'SecretAccessKey: "processSecret" }));\n',
    );
    const config = `[profile proc]\nregion = us-west-2\ncredential_process = "${process.execPath}" "${script}"\n`;
    const procFiles = await awsFiles({ config });
    try {
      await withAwsEnv(procFiles.env, async () => {
        const credentials = await new Session({ profile: 'proc' }).getCredentials();
        expect(credentials.accessKeyId).toBe('AKIAPROCESSKEY000001');
      });
    } finally {
      await procFiles.remove();
    }
  });

  it('reads container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI)', async () => {
    let served = 0;
    const server: Server = createServer((_req, res) => {
      served += 1;
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          AccessKeyId: 'ASIACONTAINERKEY0001',
          SecretAccessKey: 'containerSecret',
          Token: 'containerToken',
          Expiration: new Date(Date.now() + 3_600_000).toISOString(),
        }),
      );
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address() as AddressInfo;
    const empty = await awsFiles({});
    try {
      await withAwsEnv(
        { ...empty.env, AWS_CONTAINER_CREDENTIALS_FULL_URI: `http://127.0.0.1:${port}/creds` },
        async () => {
          const session = new Session({ region: 'us-east-1' });
          expect((await session.getCredentials()).accessKeyId).toBe('ASIACONTAINERKEY0001');
          await session.getCredentials(); // memoized: no second fetch
          expect(served).toBe(1);
        },
      );
    } finally {
      server.close();
      await empty.remove();
    }
  });
});

describe('Session endpoints', () => {
  const dead = 'http://127.0.0.1:9'; // the discard port: nothing answers

  it('honours AWS_ENDPOINT_URL when no endpoint is given', async () => {
    await withAwsEnv({ ...files.env, AWS_ENDPOINT_URL: testEndpoint() }, async () => {
      const session = new Session({ profile: 'dev', clientConfig: { forcePathStyle: true } });
      const name = uniqueName('session-env-endpoint');
      await new S3({ session }).createBucket({ Bucket: name });
      // The bucket is on the emulator: a plain test client sees it.
      const seen = new S3({ client: s3Client() });
      expect(await seen.Bucket(name).exists()).toBe(true);
      await seen.Bucket(name).delete();
      session.destroy();
    });
  });

  it('prefers AWS_ENDPOINT_URL_<SERVICE> over AWS_ENDPOINT_URL', async () => {
    await withAwsEnv(
      { ...files.env, AWS_ENDPOINT_URL: dead, AWS_ENDPOINT_URL_S3: testEndpoint() },
      async () => {
        const session = new Session({
          profile: 'dev',
          clientConfig: { forcePathStyle: true, maxAttempts: 1 },
        });
        const bucket = await new S3({ session }).createBucket({
          Bucket: uniqueName('session-s3-endpoint'),
        });
        await bucket.delete();
        // DynamoDB has no service-specific variable: it goes to the dead general one.
        await expect(new DynamoDB({ session }).tables.all().toArray()).rejects.toThrow(
          /ECONNREFUSED|connect/,
        );
        session.destroy();
      },
    );
  });

  it('an explicit endpoint wins over AWS_ENDPOINT_URL', async () => {
    await withAwsEnv({ ...files.env, AWS_ENDPOINT_URL: dead }, async () => {
      const session = new Session({
        profile: 'dev',
        endpoint: testEndpoint(),
        clientConfig: { forcePathStyle: true, maxAttempts: 1 },
      });
      const bucket = await new S3({ session }).createBucket({
        Bucket: uniqueName('session-explicit-endpoint'),
      });
      await bucket.delete();
      session.destroy();
    });
  });
});
