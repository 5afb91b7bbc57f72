/**
 * A session's credentials: the caller's, or the AWS SDK's standard chain loaded on first use
 * (so importing `aws-resources` costs nothing for sessions that never resolve credentials).
 *
 * @packageDocumentation
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Logger } from '@smithy/types';
import { ParamValidationError } from './core/index.js';

type CredentialProviders = typeof import('@aws-sdk/credential-providers');

/**
 * Static credentials, or a function that resolves them (any v3 credential provider).
 *
 * @public
 */
export type SessionCredentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

/** What the standard chain needs from the session. */
export interface ChainOptions {
  readonly profile?: string;
  readonly region?: string;
  readonly endpoint?: string;
  readonly logger?: Logger;
}

// As in src/resources/s3/transfers/lazy.ts: `require` in CommonJS (and Jest), `import()` in ESM.
const commonJsRequire: NodeJS.Require | undefined =
  typeof module === 'object' && typeof require === 'function' ? require : undefined;

async function loadCredentialProviders(): Promise<CredentialProviders> {
  if (commonJsRequire)
    return commonJsRequire('@aws-sdk/credential-providers') as CredentialProviders;
  return await import('@aws-sdk/credential-providers');
}

/**
 * The SDK's standard chain (`fromNodeProviderChain`): environment, SSO, web identity, shared
 * config and credentials files (profiles, `AWS_PROFILE`, assume-role, `credential_process`),
 * container and instance metadata. One memoized chain: every client of the session shares
 * what it resolves (a role is assumed once, refreshed before it expires).
 * The STS client that assumes roles uses the session's region, endpoint and logger.
 */
export function standardChain(options: ChainOptions): AwsCredentialIdentityProvider {
  let chain: Promise<AwsCredentialIdentityProvider> | undefined;
  return async (properties) => {
    chain ??= loadCredentialProviders().then(({ fromNodeProviderChain }) =>
      fromNodeProviderChain({
        ...(options.profile !== undefined && { profile: options.profile }),
        ...(options.logger !== undefined && { logger: options.logger }),
        clientConfig: {
          ...(options.region !== undefined && { region: options.region }),
          ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
          ...(options.logger !== undefined && { logger: options.logger }),
        },
      }),
    );
    return (await chain)(properties);
  };
}

/** Checks the caller's credentials without ever echoing their values. */
export function checkCredentials(credentials: unknown): SessionCredentials {
  if (typeof credentials === 'function') return credentials as AwsCredentialIdentityProvider;
  const given = credentials as Partial<Record<string, unknown>> | null;
  if (
    typeof given !== 'object' ||
    given === null ||
    typeof given.accessKeyId !== 'string' ||
    given.accessKeyId === '' ||
    typeof given.secretAccessKey !== 'string' ||
    given.secretAccessKey === '' ||
    (given.sessionToken !== undefined && typeof given.sessionToken !== 'string')
  ) {
    throw new ParamValidationError(
      'Session: credentials must be a provider function or { accessKeyId, secretAccessKey, ' +
        'sessionToken? } of non-empty strings',
    );
  }
  return credentials as AwsCredentialIdentity;
}
