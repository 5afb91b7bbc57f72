/**
 * Session without the network: the config each client gets, one client per class, the
 * service constructors' `{ session }` / `{ client }` / config options, option checks,
 * printing, the masking logger, and that importing `aws-resources` loads no client.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { inspect } from 'node:util';
import { ParamValidationError, Session } from '../../src/index.js';
import { DynamoDB } from '../../src/resources/dynamodb/index.js';
import { S3 } from '../../src/resources/s3/index.js';
import { redactingLogger } from '../../src/session-logger.js';

/** A stand-in client class that keeps its config. */
class RecordingClient {
  static made = 0;
  destroyed = 0;
  constructor(readonly config: Record<string, unknown>) {
    RecordingClient.made += 1;
  }
  destroy(): void {
    this.destroyed += 1;
  }
}
class OtherClient extends RecordingClient {}

const STATIC = { accessKeyId: 'AKIAUNIT', secretAccessKey: 'unit-secret' };

describe('Session.clientFor', () => {
  it('makes one client per class, on first use, and reuses it', () => {
    const session = new Session({ region: 'eu-west-1' });
    const before = RecordingClient.made;
    const first = session.clientFor(RecordingClient);
    expect(RecordingClient.made).toBe(before + 1);
    expect(session.clientFor(RecordingClient)).toBe(first);
    expect(RecordingClient.made).toBe(before + 1);
    const other = session.clientFor(OtherClient);
    expect(other).not.toBe(first);
    expect(other).toBeInstanceOf(OtherClient);
  });

  it('gives each client the named options, clientConfig and the shared credentials', () => {
    const session = new Session({
      region: 'eu-west-1',
      profile: 'dev',
      endpoint: 'http://127.0.0.1:4566',
      credentials: STATIC,
      clientConfig: { maxAttempts: 2, forcePathStyle: true },
    });
    const { config } = session.clientFor(RecordingClient);
    expect(config).toEqual({
      region: 'eu-west-1',
      profile: 'dev',
      endpoint: 'http://127.0.0.1:4566',
      credentials: STATIC,
      maxAttempts: 2,
      forcePathStyle: true,
    });
    expect(session.clientFor(OtherClient).config.credentials).toBe(config.credentials);
  });

  it('leaves out what is not given, so each client resolves it the SDK way', () => {
    const session = new Session();
    const a = session.clientFor(RecordingClient).config;
    expect(Object.keys(a)).toEqual(['credentials']);
    // The standard chain, one provider for all clients (resolved once, shared).
    expect(typeof a.credentials).toBe('function');
    expect(session.clientFor(OtherClient).config.credentials).toBe(a.credentials);
  });

  it('destroy() destroys the clients it made and forgets them', () => {
    const session = new Session({ region: 'eu-west-1' });
    const first = session.clientFor(RecordingClient);
    session.destroy();
    expect(first.destroyed).toBe(1);
    expect(session.clientFor(RecordingClient)).not.toBe(first);
  });

  it('getCredentials gives the static credentials, or what the provider resolves', async () => {
    expect(await new Session({ credentials: STATIC }).getCredentials()).toEqual(STATIC);
    let calls = 0;
    const provider = async () => {
      calls += 1;
      return { ...STATIC, sessionToken: 'tok' };
    };
    const session = new Session({ credentials: provider });
    expect(await session.getCredentials()).toEqual({ ...STATIC, sessionToken: 'tok' });
    expect(session.clientFor(RecordingClient).config.credentials).toBe(provider);
    expect(calls).toBe(1);
  });
});

describe('service constructors', () => {
  it('{ session } uses the session client of that service', () => {
    const session = new Session({ region: 'eu-west-1', credentials: STATIC });
    const s3 = new S3({ session });
    expect(s3.meta.client).toBe(session.clientFor(S3Client));
    expect(new S3({ session }).meta.client).toBe(s3.meta.client);
    expect(s3.Bucket('b').Object('k').meta.client).toBe(s3.meta.client);
    expect(new DynamoDB({ session }).meta.client).not.toBe(s3.meta.client);
  });

  it('{ client } and plain config still work', async () => {
    const client = new S3Client({ region: 'eu-west-1', credentials: STATIC });
    expect(new S3({ client }).meta.client).toBe(client);
    const fromConfig = new S3({ region: 'ap-south-1', credentials: STATIC });
    expect(fromConfig.meta.client).toBeInstanceOf(S3Client);
    expect(await fromConfig.meta.client.config.region()).toBe('ap-south-1');
  });

  it('refuses client config beside { session }, which would silently not apply', () => {
    const session = new Session({ region: 'eu-west-1' });
    expect(() => new S3({ session, region: 'us-west-2' } as never)).toThrow(
      new ParamValidationError(
        "S3Client options: 'region' beside { session } would not apply (the session shares " +
          'one client): give client config to new Session({ clientConfig })',
      ),
    );
  });
});

describe('Session options', () => {
  it.each([
    ['region', { region: '' }, /region must be a non-empty string/],
    ['profile', { profile: 3 }, /profile must be a non-empty string/],
    ['endpoint', { endpoint: 'localhost:4566' }, /endpoint must be an http\(s\) URL/],
    ['endpoint', { endpoint: 'not a url' }, /endpoint must be an http\(s\) URL/],
    ['credentials', { credentials: { accessKeyId: 'a' } }, /credentials must be a provider/],
    ['credentials', { credentials: 'AKIA' }, /credentials must be a provider/],
    ['clientConfig', { clientConfig: 'x' }, /clientConfig must be an object/],
    [
      'clientConfig.region',
      { clientConfig: { region: 'x', endpoint: 'y' } },
      /give 'region', 'endpoint' as a Session option, not in clientConfig/,
    ],
  ])('refuses a bad %s', (_name, options, message) => {
    expect(() => new Session(options as never)).toThrow(ParamValidationError);
    expect(() => new Session(options as never)).toThrow(message);
  });

  it('keeps what it was given, and prints and serializes only region, profile, endpoint', () => {
    const session = new Session({
      region: 'eu-west-1',
      profile: 'dev',
      endpoint: 'http://127.0.0.1:4566',
      credentials: STATIC,
    });
    expect([session.region, session.profile, session.endpoint]).toEqual([
      'eu-west-1',
      'dev',
      'http://127.0.0.1:4566',
    ]);
    expect(inspect(session, { breakLength: Infinity })).toBe(
      "Session { region: 'eu-west-1', profile: 'dev', endpoint: 'http://127.0.0.1:4566' }",
    );
    expect(JSON.stringify(session)).toBe(
      '{"region":"eu-west-1","profile":"dev","endpoint":"http://127.0.0.1:4566"}',
    );
    expect(inspect(new Session())).toBe('Session {}');
    expect(inspect({ s: session }, { depth: Infinity })).not.toContain('unit-secret');
  });
});

describe('the masking logger', () => {
  it('masks credential members at any depth, in a copy, and passes the rest', () => {
    const seen: unknown[][] = [];
    const logger = redactingLogger({
      debug: (...args: unknown[]) => seen.push(args),
      info: (...args: unknown[]) => seen.push(args),
      warn: () => undefined,
      error: () => undefined,
    });
    const entry = {
      commandName: 'AssumeRoleCommand',
      output: {
        Credentials: { AccessKeyId: 'ASIA1', SecretAccessKey: 's', SessionToken: 't' },
        list: [{ sessionToken: 't2', keep: 1 }],
      },
      when: new Date(0),
    };
    logger.info(entry);
    logger.debug('plain', 2);
    expect(seen).toEqual([
      [
        {
          commandName: 'AssumeRoleCommand',
          output: {
            Credentials: {
              AccessKeyId: 'ASIA1',
              SecretAccessKey: '***SensitiveInformation***',
              SessionToken: '***SensitiveInformation***',
            },
            list: [{ sessionToken: '***SensitiveInformation***', keep: 1 }],
          },
          when: new Date(0),
        },
      ],
      ['plain', 2],
    ]);
    expect(entry.output.Credentials.SessionToken).toBe('t');
  });

  it('the session wraps its clients’ logger with it', () => {
    const lines: unknown[] = [];
    const logger = {
      debug: () => undefined,
      info: (x: unknown) => lines.push(x),
      warn: () => undefined,
      error: () => undefined,
    };
    const session = new Session({ clientConfig: { logger } });
    const given = session.clientFor(RecordingClient).config.logger as typeof logger;
    expect(given).not.toBe(logger);
    given.info({ sessionToken: 'x' });
    expect(lines).toEqual([{ sessionToken: '***SensitiveInformation***' }]);
  });
});

describe('import cost', () => {
  it('importing aws-resources and making a Session loads no client and no credential provider', () => {
    const root = resolve(__dirname, '..', '..');
    const script = [
      "const { Session } = require('./src/index.ts');",
      "new Session({ profile: 'x' });",
      'const loaded = Object.keys(require.cache).filter((f) => /node_modules\\/@aws-sdk\\//.test(f));',
      'console.log(JSON.stringify(loaded));',
    ].join('\n');
    const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
