import type { AwsCredentialIdentity, Logger } from '@smithy/types';
import { ParamValidationError, type ClientSource } from './core/index.js';
import { checkCredentials, standardChain, type SessionCredentials } from './session-credentials.js';
import { redactingLogger } from './session-logger.js';

/**
 * v3 client config that every client of a session gets (`logger`, `maxAttempts`,
 * `requestHandler`, `forcePathStyle` for S3 emulators, ...). Each client uses the members it
 * knows. `region`, `profile`, `endpoint` and `credentials` are Session options instead.
 *
 * @public
 */
export interface SessionClientConfig {
  readonly logger?: Logger;
  readonly maxAttempts?: number;
  readonly retryMode?: string;
  /** S3 only: `bucket` in the path, not the host name (emulators such as moto need it). */
  readonly forcePathStyle?: boolean;
  readonly [member: string]: unknown;
}

/**
 * What `new Session(options)` takes; everything is optional.
 *
 * @public
 */
export interface SessionOptions {
  /** The region; default: `AWS_REGION`, then the profile's `region` in the config file. */
  readonly region?: string;
  /** The shared config/credentials profile; default: `AWS_PROFILE`, then `default`. */
  readonly profile?: string;
  /** Static credentials or a v3 credential provider; default: the SDK's standard chain. */
  readonly credentials?: SessionCredentials;
  /** The URL every client sends to; default: `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`. */
  readonly endpoint?: string;
  /** Other v3 client config, for every client of the session. */
  readonly clientConfig?: SessionClientConfig;
}

/**
 * What a session prints and serializes: never its credentials.
 *
 * @public
 */
export interface SessionJSON {
  readonly region?: string;
  readonly profile?: string;
  readonly endpoint?: string;
}

const OWN_OPTIONS = ['region', 'profile', 'endpoint', 'credentials'] as const;
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * Region, profile, credentials and endpoint, resolved as the AWS SDK does, and one v3 client
 * per service shared by every service object and resource made with `{ session }`.
 * What boto3's `Session` is to `boto3.resource(...)`.
 *
 * @example
 * ```ts
 * const session = new Session({ profile: 'dev' }); // region and credentials from that profile
 * const s3 = new S3({ session });
 * const dynamodb = new DynamoDB({ session }); // same credentials, resolved once
 * ```
 *
 * @public
 */
export class Session implements ClientSource {
  /** The region given to the constructor (undefined: each client resolves it the SDK's way). */
  readonly region: string | undefined;
  /** The profile given to the constructor. */
  readonly profile: string | undefined;
  /** The endpoint given to the constructor. */
  readonly endpoint: string | undefined;
  readonly #credentials: SessionCredentials;
  readonly #clientConfig: Readonly<Record<string, unknown>>;
  readonly #clients = new Map<object, object>();

  constructor(options: SessionOptions = {}) {
    if (typeof options !== 'object' || options === null) {
      throw new ParamValidationError('Session: options must be an object');
    }
    this.region = optionalString(options.region, 'region');
    this.profile = optionalString(options.profile, 'profile');
    this.endpoint = checkEndpoint(options.endpoint);
    const clientConfig = options.clientConfig ?? {};
    if (typeof clientConfig !== 'object' || clientConfig === null) {
      throw new ParamValidationError('Session: clientConfig must be an object');
    }
    const misplaced = OWN_OPTIONS.filter((name) => Object.hasOwn(clientConfig, name));
    if (misplaced.length > 0) {
      throw new ParamValidationError(
        `Session: give '${misplaced.join("', '")}' as a Session option, not in clientConfig`,
      );
    }
    // Every client (and the SDK's STS client, which logs through its caller's logger) gets
    // the caller's logger with credential members masked.
    const logger = clientConfig.logger && redactingLogger(clientConfig.logger);
    this.#clientConfig = { ...clientConfig, ...(logger && { logger }) };
    this.#credentials =
      options.credentials === undefined
        ? standardChain({
            profile: this.profile,
            region: this.region,
            endpoint: this.endpoint,
            logger,
          })
        : checkCredentials(options.credentials);
  }

  /**
   * The session's client of `clientClass`, made on first use and shared from then on. Service
   * constructors call it for `{ session }`; it is public for plain v3 calls on the same client.
   *
   * @example
   * ```ts
   * const client = session.clientFor(S3Client); // the client new S3({ session }) uses
   * ```
   */
  clientFor<TClient extends object>(clientClass: new (config: never) => TClient): TClient {
    let client = this.#clients.get(clientClass);
    if (!client) {
      const config = {
        ...this.#clientConfig,
        ...(this.region !== undefined && { region: this.region }),
        ...(this.profile !== undefined && { profile: this.profile }),
        ...(this.endpoint !== undefined && { endpoint: this.endpoint }),
        credentials: this.#credentials,
      };
      client = new clientClass(config as never);
      this.#clients.set(clientClass, client);
    }
    return client as TClient;
  }

  /**
   * Resolves the session's credentials (the standard chain runs once and is shared with the
   * clients; temporary credentials are refreshed before they expire).
   *
   * @example
   * ```ts
   * const { accessKeyId, expiration } = await session.getCredentials();
   * ```
   */
  async getCredentials(): Promise<AwsCredentialIdentity> {
    const credentials = this.#credentials;
    return typeof credentials === 'function' ? await credentials() : { ...credentials };
  }

  /**
   * Destroys the clients the session made (closing their connections); later calls make new
   * ones.
   *
   * @example
   * ```ts
   * session.destroy();
   * ```
   */
  destroy(): void {
    for (const client of this.#clients.values()) (client as { destroy?(): void }).destroy?.();
    this.#clients.clear();
  }

  /**
   * Region, profile and endpoint as given; never credentials.
   *
   * @example
   * ```ts
   * JSON.stringify(new Session({ region: 'eu-west-1' })); // {"region":"eu-west-1"}
   * ```
   */
  toJSON(): SessionJSON {
    return {
      ...(this.region !== undefined && { region: this.region }),
      ...(this.profile !== undefined && { profile: this.profile }),
      ...(this.endpoint !== undefined && { endpoint: withoutUserInfo(this.endpoint) }),
    };
  }

  /** `Session { region: 'eu-west-1' }` in `console.log` and `util.inspect`. */
  [inspectSymbol](
    _depth: number,
    options: unknown,
    inspect: (value: unknown, options: unknown) => string,
  ): string {
    return `Session ${inspect(this.toJSON(), options)}`;
  }
}

function optionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') {
    throw new ParamValidationError(`Session: ${name} must be a non-empty string`);
  }
  return value;
}

function checkEndpoint(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  // The value is not echoed: a URL may carry a user and password.
  let protocol = '';
  try {
    protocol = typeof value === 'string' ? new URL(value).protocol : '';
  } catch {
    // not a URL
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new ParamValidationError('Session: endpoint must be an http(s) URL (http://host:port)');
  }
  return value as string;
}

/** The endpoint without a `user:password@` part, for printing. */
function withoutUserInfo(endpoint: string): string {
  const url = new URL(endpoint);
  if (url.username === '' && url.password === '') return endpoint;
  url.username = '';
  url.password = '';
  return url.toString();
}
