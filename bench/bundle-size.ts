/**
 * Bundle size: a small app per service (bench/bundle-apps.ts), on aws-resources and on the raw
 * v3 client, bundled by esbuild (`--bundle --minify --platform=node --format=esm
 * --main-fields=module,main`) and gzipped at level 9.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { BUNDLE_APPS } from './bundle-apps.js';
import { assertBuilt, builtEntry, root, SERVICES, type Service } from './support/built.js';

async function gzippedBytes(contents: string): Promise<number> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js', sourcefile: 'app.mjs' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output');
  return gzipSync(output.contents, { level: 9 }).length;
}

/** One service's app, bundled both ways (bytes, gzipped). */
export interface BundleSize {
  readonly service: Service;
  readonly job: string;
  readonly rawBytes: number;
  readonly libBytes: number;
}

/** The minified + gzipped bundle of each service's app, library and raw. */
export async function bundleSizes(): Promise<BundleSize[]> {
  assertBuilt();
  const sizes: BundleSize[] = [];
  for (const service of SERVICES) {
    const app = BUNDLE_APPS[service];
    sizes.push({
      service,
      job: app.job,
      rawBytes: await gzippedBytes(app.raw),
      libBytes: await gzippedBytes(app.lib(JSON.stringify(builtEntry(service, 'esm')))),
    });
  }
  return sizes;
}
