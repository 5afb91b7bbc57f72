import { join } from 'node:path';
import type { ServiceModelDefinition } from '../../src/core/definition-types.js';
import { GenContext, REPO_TARGET, type GenTarget } from './context.js';
import { renderCollections } from './render-collections.js';
import { renderIndex } from './render-index.js';
import { renderResource, resourceFile } from './render-resource.js';
import { renderService, renderServiceSpec } from './render-service.js';
import { SdkTypes } from './sdk-types.js';

/** Where and how one definition's classes are written. */
export interface ServiceFilesOptions {
  /** The folder the files go in; its `index.ts` exports the service class. */
  readonly outDir: string;
  /** The folder whose node_modules hold the v3 packages the definition names. */
  readonly root: string;
  /** The definition as the files' header names it (a path relative to `root`). */
  readonly sourceFile: string;
  /** How the files import the engine; this repository's layout unless given. */
  readonly target?: GenTarget;
}

/**
 * Every file of an already validated definition, by path, as rendered (not yet formatted):
 * one per resource type, the collections, the service class, its spec and the index.
 */
export function renderServiceFiles(
  definition: ServiceModelDefinition,
  options: ServiceFilesOptions,
): Map<string, string> {
  const sdk = new SdkTypes(definition.service.package, options.root);
  const ctx = new GenContext(
    definition,
    sdk,
    options.sourceFile,
    options.root,
    options.target ?? REPO_TARGET,
  );
  const dir = options.outDir;
  const files = new Map<string, string>();
  for (const type of Object.keys(definition.resources))
    files.set(join(dir, resourceFile(type)), renderResource(ctx, type));
  files.set(join(dir, 'collections.ts'), renderCollections(ctx));
  files.set(join(dir, 'service.ts'), renderService(ctx));
  files.set(join(dir, 'spec.ts'), renderServiceSpec(ctx));
  files.set(join(dir, 'index.ts'), renderIndex(ctx));
  return files;
}
