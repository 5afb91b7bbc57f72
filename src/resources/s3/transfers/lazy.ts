/**
 * On-demand loading of the SDK packages only some transfers need, so importing the S3 module
 * costs nothing for them (cold start matters in Lambda).
 *
 * @packageDocumentation
 */

type LibStorage = typeof import('@aws-sdk/lib-storage');
type RequestPresigner = typeof import('@aws-sdk/s3-request-presigner');

/*
 * In CommonJS (our cjs build, and Jest, whose VM cannot run `import()` without
 * --experimental-vm-modules) `require` is used: it shares the module instance already in
 * `require.cache` and skips the ESM loader. In ES modules `require` does not exist, so the
 * dynamic `import()` runs instead. The alias keeps esbuild's ESM output from flagging a
 * `require()` call it cannot convert (this one never runs there).
 */
const commonJsRequire: NodeJS.Require | undefined =
  // `module` too: a bundled ESM build defines a `require` shim that only throws.
  typeof module === 'object' && typeof require === 'function' ? require : undefined;

/**
 * Loads `@aws-sdk/lib-storage` on first use (later calls get the cached module).
 *
 * @example
 * ```ts
 * const { Upload } = await loadLibStorage();
 * ```
 */
export async function loadLibStorage(): Promise<LibStorage> {
  if (commonJsRequire) return commonJsRequire('@aws-sdk/lib-storage') as LibStorage;
  return await import('@aws-sdk/lib-storage');
}

/**
 * Loads `@aws-sdk/s3-request-presigner` on first use (later calls get the cached module).
 *
 * @example
 * ```ts
 * const { getSignedUrl } = await loadRequestPresigner();
 * ```
 */
export async function loadRequestPresigner(): Promise<RequestPresigner> {
  if (commonJsRequire) return commonJsRequire('@aws-sdk/s3-request-presigner') as RequestPresigner;
  return await import('@aws-sdk/s3-request-presigner');
}
