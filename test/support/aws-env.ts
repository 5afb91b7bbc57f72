/**
 * Temporary AWS environments for session tests: shared config/credentials files in a fresh
 * directory, and `process.env` set for the length of one callback, then restored.
 *
 * The SDK reads `process.env` itself, so there is no way to pass it an environment. Jest runs
 * the tests of a file one after another in one worker process (files never share a process
 * at the same time), so setting variables inside a test and restoring them before it ends
 * affects nothing else. Every call resolves its config and credentials inside the callback.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The variables a test starts without, so nothing of the jest setup leaks in. */
const CLEARED = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_DEFAULT_PROFILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_AUTHORIZATION_TOKEN',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
];

/** A directory with `config` and `credentials` files, and the variables pointing at them. */
export interface AwsFiles {
  readonly dir: string;
  readonly env: Record<string, string>;
  remove(): Promise<void>;
}

/** Writes the given ini texts to a fresh directory (the SDK caches files by path). */
export async function awsFiles(texts: {
  config?: string;
  credentials?: string;
}): Promise<AwsFiles> {
  const dir = await mkdtemp(join(tmpdir(), 'aws-resources-session-'));
  const config = join(dir, 'config');
  const credentials = join(dir, 'credentials');
  await writeFile(config, texts.config ?? '');
  await writeFile(credentials, texts.credentials ?? '');
  return {
    dir,
    env: { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * Runs `fn` with the AWS variables of the jest setup cleared (also `AWS_ENDPOINT_URL*`) and
 * `vars` set, then puts `process.env` back as it was, whatever happens.
 */
export async function withAwsEnv<T>(
  vars: Record<string, string>,
  fn: () => Promise<T>,
): Promise<T> {
  const env = process.env;
  const touched = new Set([
    ...CLEARED,
    ...Object.keys(env).filter((name) => name.startsWith('AWS_ENDPOINT_URL')),
    ...Object.keys(vars),
  ]);
  const saved = new Map([...touched].map((name) => [name, env[name]]));
  try {
    for (const name of touched) delete env[name];
    Object.assign(env, vars);
    return await fn();
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete env[name];
      else env[name] = value;
    }
  }
}
