/**
 * The S3 Control service object a batch job hand-off sends CreateJob with when the caller
 * gives none: made from the bucket's S3 client configuration, with `aws-resources/s3control`
 * (and so `@aws-sdk/client-s3-control`) loaded only then. Importing `aws-resources/s3` never
 * loads it, and a bundler never follows it: the specifier is a runtime value.
 *
 * @packageDocumentation
 */
import { ParamValidationError } from '../../core/index.js';
import type { S3Control } from '../s3control/index.js';

type S3ControlModule = typeof import('../s3control/index.js');

/*
 * This file sits in src/resources/s3, and its code in the s3 bundle (dist/{esm,cjs}/resources/
 * s3/index.js), so the s3control entry is `../s3control/index.js` from both. In CommonJS (the
 * cjs build, and Jest) `require` loads it; in ES modules the dynamic `import()` does. The
 * alias keeps esbuild's ESM output from flagging a `require()` it cannot convert.
 */
const commonJsRequire: NodeJS.Require | undefined =
  typeof module === 'object' && typeof require === 'function' ? require : undefined;
const S3CONTROL_ENTRY = ['..', 's3control', 'index.js'].join('/');

/** The S3 Control service objects made per S3 client: one each. */
const made = new WeakMap<object, S3Control>();

/**
 * The client config an S3 Control client shares with an S3 client: region, credentials,
 * request handler, retries, logger, FIPS and dual-stack, and the endpoint only when the S3
 * client was given one (S3's default endpoint is no use to S3 Control).
 *
 * @example
 * ```ts
 * const config = s3ControlConfigOf(s3.meta.client.config);
 * ```
 */
export function s3ControlConfigOf(config: Readonly<Record<string, unknown>>): object {
  const shared = [
    'region',
    'credentials',
    'requestHandler',
    'maxAttempts',
    'retryMode',
    'logger',
    'useFipsEndpoint',
    'useDualstackEndpoint',
  ];
  const picked: Record<string, unknown> = {};
  for (const key of shared) if (config[key] !== undefined) picked[key] = config[key];
  if (config.isCustomEndpoint === true && config.endpoint !== undefined)
    picked.endpoint = config.endpoint;
  return picked;
}

/**
 * An `S3Control` made from `s3Client`'s configuration (the same one for every call with that
 * client), loading `aws-resources/s3control` on first use.
 *
 * @example
 * ```ts
 * const s3control = await s3ControlFor(bucket.meta.client, 'Bucket.objects.toBatchJob');
 * ```
 */
export async function s3ControlFor(s3Client: object, label: string): Promise<S3Control> {
  const known = made.get(s3Client);
  if (known) return known;
  let loaded: S3ControlModule;
  try {
    loaded = commonJsRequire
      ? (commonJsRequire(S3CONTROL_ENTRY) as S3ControlModule)
      : ((await import(S3CONTROL_ENTRY)) as S3ControlModule);
  } catch (error) {
    throw new ParamValidationError(
      `${label}: could not load aws-resources/s3control and @aws-sdk/client-s3-control to send ` +
        'CreateJob (a bundled app leaves them out): pass options.s3control, ' +
        "new S3Control() from 'aws-resources/s3control'",
      { cause: error },
    );
  }
  const config = (s3Client as { config?: Readonly<Record<string, unknown>> }).config ?? {};
  const s3control = new loaded.S3Control(s3ControlConfigOf(config));
  made.set(s3Client, s3control);
  return s3control;
}
