/**
 * Credentials never show up in what the library prints, serializes, throws or logs: planted
 * key strings are searched for in `inspect` and `JSON.stringify` of sessions, services and
 * resources, in every error of failing calls (message, stack, all properties, hidden ones
 * too), and in everything a debug logger in the client config receives.
 */
import { inspect } from 'node:util';
import { ParamValidationError, Session } from '../../src/index.js';
import { DynamoDB } from '../../src/resources/dynamodb/index.js';
import { S3 } from '../../src/resources/s3/index.js';
import { awsFiles, withAwsEnv } from '../support/aws-env.js';
import { testEndpoint, uniqueName } from '../support/emulator.js';

const KEY = 'AKIAPLANTEDKEY0000001';
const SECRET = 'plantedSecretQ7x9Zk2mW4pL8vN3bR6tY1uE5oA0s';
const TOKEN = 'plantedTokenF3gH8jK1lM6nP9qR2sT5vW7xZ0aB4cD';
const PLANTED = [KEY, SECRET, TOKEN, 'plantedSecret', 'plantedToken'];

/** Everything printing shows of a value: full-depth inspect (getters too), stack, JSON. */
function everything(value: unknown): string {
  const parts = [inspect(value, { depth: Infinity, getters: true })];
  if (value instanceof Error) parts.push(String(value.stack), String(value.message));
  try {
    parts.push(JSON.stringify(value) ?? '');
  } catch {
    // circular: inspect above has it all
  }
  return parts.join('\n');
}

function expectNoSecrets(text: string): void {
  for (const planted of PLANTED) expect(text).not.toContain(planted);
}

/** A logger that records every call at every level. */
function recordingLogger() {
  const lines: unknown[] = [];
  const record =
    (level: string) =>
    (...args: unknown[]) => {
      lines.push([level, ...args]);
    };
  return {
    lines,
    logger: {
      trace: record('trace'),
      debug: record('debug'),
      info: record('info'),
      warn: record('warn'),
      error: record('error'),
    },
  };
}

async function caught(promise: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('credentials never leak', () => {
  it('from static credentials: not in inspect, JSON, errors or logs', async () => {
    const { lines, logger } = recordingLogger();
    const session = new Session({
      region: 'us-east-1',
      endpoint: testEndpoint(),
      credentials: { accessKeyId: KEY, secretAccessKey: SECRET, sessionToken: TOKEN },
      clientConfig: { forcePathStyle: true, logger },
    });
    // The credentials really are the planted ones (so their absence below means something).
    expect(await session.getCredentials()).toMatchObject({ accessKeyId: KEY, sessionToken: TOKEN });

    const s3 = new S3({ session });
    const dynamodb = new DynamoDB({ session });
    const bucket = await s3.createBucket({ Bucket: uniqueName('session-secrets') });
    const obj = await bucket.putObject({ Key: 'a.txt', Body: 'hello' });
    await obj.load();
    const listed = await bucket.objects.all().toArray();

    const errors = [
      await caught(bucket.Object('missing').load()), // v3 NotFound (HEAD)
      await caught(bucket.Object('missing').get()), // v3 NoSuchKey
      await caught(s3.Bucket(uniqueName('session-no-bucket')).load()), // ResourceNotFoundError
      await caught(dynamodb.Table(uniqueName('session-no-table')).load()), // v3 ResourceNotFound
      await caught(() => s3.Bucket('')), // IdentifierError
      await caught(bucket.putObject({ Key: 'k', Bucket: 'other' } as never)), // ParamValidationError
      await caught(() => new S3({ session, region: 'eu-west-1' } as never)),
      await caught(() => s3.restore({ service: 's3', type: 'Object', identifiers: { key: KEY } })),
    ];
    expect(errors).toHaveLength(8);
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error);
      expectNoSecrets(everything(error));
      // Even the hidden members (v3's raw `$response`, whose socket keeps the signed request
      // headers: the key id and session token) never hold the secret key.
      expect(inspect(error, { depth: Infinity, showHidden: true })).not.toContain(SECRET);
    }

    for (const value of [session, s3, dynamodb, bucket, obj, listed, obj.meta.identifiers]) {
      expectNoSecrets(everything(value));
    }
    expect(inspect(session)).toBe(`Session { region: 'us-east-1', endpoint: '${testEndpoint()}' }`);
    expect(JSON.parse(JSON.stringify({ session }))).toEqual({
      session: { region: 'us-east-1', endpoint: testEndpoint() },
    });
    expect(JSON.parse(JSON.stringify(obj))).toEqual({
      service: 's3',
      type: 'Object',
      identifiers: { bucketName: bucket.name, key: 'a.txt' },
    });

    // The logger saw the calls (so it was really in use) and no secret.
    expect(lines.length).toBeGreaterThan(5);
    expectNoSecrets(everything(lines));

    await obj.delete();
    await bucket.delete();
    session.destroy();
  });

  it('from a profile and an assumed role: not in logs or output either', async () => {
    const files = await awsFiles({
      config:
        '[profile src]\nregion = us-east-1\n\n[profile role]\nregion = us-east-1\n' +
        'role_arn = arn:aws:iam::123456789012:role/secret-test\nsource_profile = src\n',
      credentials: `[src]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`,
    });
    try {
      await withAwsEnv(files.env, async () => {
        const { lines, logger } = recordingLogger();
        const session = new Session({
          profile: 'role',
          endpoint: testEndpoint(),
          clientConfig: { forcePathStyle: true, logger },
        });
        const s3 = new S3({ session });
        const bucket = await s3.createBucket({ Bucket: uniqueName('session-secrets-role') });
        const error = await caught(bucket.Object('missing').get());
        const assumed = await session.getCredentials();
        const secrets = [assumed.secretAccessKey, assumed.sessionToken ?? 'no token'];
        // The assumed credentials are new ones, from STS.
        expect(assumed.accessKeyId).not.toBe(KEY);

        const output = [everything(session), everything(bucket), everything(error)].join('\n');
        const logs = everything(lines);
        // STS AssumeRole was logged, its credentials masked.
        expect(logs).toContain('AssumeRoleCommand');
        expect(logs).toContain('***SensitiveInformation***');
        for (const text of [output, logs]) {
          expectNoSecrets(text);
          for (const secret of secrets) expect(text).not.toContain(secret);
        }
        await bucket.delete();
        session.destroy();
      });
    } finally {
      await files.remove();
    }
  });

  it('Session option errors never echo credentials or endpoints', () => {
    const bad = [
      { credentials: { accessKeyId: KEY, secretAccessKey: 42 } },
      { credentials: { accessKeyId: KEY } },
      { credentials: { accessKeyId: KEY, secretAccessKey: SECRET, sessionToken: 7 } },
      { endpoint: `not a url ${SECRET}` },
      { clientConfig: { credentials: { accessKeyId: KEY, secretAccessKey: SECRET } } },
    ];
    for (const options of bad) {
      const error = (() => {
        try {
          new Session(options as never);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ParamValidationError);
      expectNoSecrets(everything(error));
    }
  });

  it('an endpoint with a user and password prints without them', () => {
    const session = new Session({ endpoint: `http://user:${SECRET}@127.0.0.1:4566` });
    expect(inspect(session)).toBe("Session { endpoint: 'http://127.0.0.1:4566/' }");
    expectNoSecrets(JSON.stringify(session));
  });
});
