/**
 * Generates the typed classes of every service from its definition:
 * `resource-definitions/<service>.json` → `src/resources/<service>/generated/*.ts`.
 *
 *   npm run generate            writes the files
 *   npm run generate -- --check exits 1 when the committed files differ from the definitions
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as prettier from 'prettier';
import { loadDefinition } from '../src/core/definition-loader.js';
import { GenContext } from './generator/context.js';
import { renderCollections } from './generator/render-collections.js';
import { renderIndex } from './generator/render-index.js';
import { renderResource, resourceFile } from './generator/render-resource.js';
import { renderService, renderServiceSpec } from './generator/render-service.js';
import { SdkTypes } from './generator/sdk-types.js';

const root = resolve(__dirname, '..');
const definitionsDir = join(root, 'resource-definitions');

/** Every generated file of one definition, by path, formatted. */
export async function generateService(definitionFile: string): Promise<Map<string, string>> {
  const definition = loadDefinition(definitionFile);
  const sdk = new SdkTypes(definition.service.package, root);
  const ctx = new GenContext(definition, sdk, relative(root, definitionFile), root);
  const dir = join(root, 'src', 'resources', definition.service.name, 'generated');
  const files = new Map<string, string>();
  for (const type of Object.keys(definition.resources))
    files.set(join(dir, resourceFile(type)), renderResource(ctx, type));
  files.set(join(dir, 'collections.ts'), renderCollections(ctx));
  files.set(join(dir, 'service.ts'), renderService(ctx));
  files.set(join(dir, 'spec.ts'), renderServiceSpec(ctx));
  files.set(join(dir, 'index.ts'), renderIndex(ctx));
  const options = (await prettier.resolveConfig(join(dir, 'index.ts'))) ?? {};
  for (const [file, text] of files)
    files.set(file, await prettier.format(text, { ...options, filepath: file }));
  return files;
}

function definitionFiles(): string[] {
  return readdirSync(definitionsDir)
    .filter((name) => name.endsWith('.json') && name !== 'schema.json')
    .sort()
    .map((name) => join(definitionsDir, name));
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const drift: string[] = [];
  for (const definitionFile of definitionFiles()) {
    const files = await generateService(definitionFile);
    const dir = join([...files.keys()][0] ?? '', '..');
    const present = existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
    for (const stale of present.filter((file) => !files.has(file))) {
      if (check) drift.push(`${relative(root, stale)} (not generated from any definition)`);
      else rmSync(stale);
    }
    for (const [file, text] of files) {
      const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
      if (current === text) continue;
      if (check) drift.push(relative(root, file));
      else {
        mkdirSync(join(file, '..'), { recursive: true });
        writeFileSync(file, text);
      }
    }
    if (!check) console.log(`generated ${files.size} files from ${relative(root, definitionFile)}`);
  }
  if (drift.length > 0) {
    console.error(
      `Generated files differ from the definitions; run \`npm run generate\`:\n  ${drift.join('\n  ')}`,
    );
    process.exit(1);
  }
  if (check) console.log('generated files match the definitions');
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
