import { batchErrorsOf, collectedTypes, declaredCollections } from './render-collections.js';
import { collectionClassOf, collectionModuleOf } from './render-members.js';
import { HEADER } from './render-resource.js';
import type { GenContext } from './context.js';

/**
 * The generated barrel: the service class, every resource class and collection class, the
 * named types of every collection property, the batch error classes, and the client's
 * exception classes.
 */
export function renderIndex(ctx: GenContext): string {
  const types = Object.keys(ctx.definition.resources);
  const { package: packageName, client } = ctx.definition.service;
  const exceptions = ctx.sdk.exceptionClasses(`${client.replace(/Client$/, '')}ServiceException`);
  const lines = [
    HEADER(ctx),
    // The generated `<Class>Base` of a customised class is not exported: it is how the class is
    // built, not something to import.
    ctx.definition.service.customized
      ? `export { ${ctx.definition.service.className} } from '../service.js';`
      : `export { ${ctx.definition.service.className} } from './service.js';`,
    ...types.map((type) => `export { ${ctx.classOf(type)} } from '${ctx.moduleOf(type)}';`),
    // A collection class customised by hand is exported from its own module, not its base.
    ...collectedTypes(ctx)
      .filter((type) => ctx.definition.resources[type]?.customizedCollection)
      .map(
        (type) =>
          `export { ${collectionClassOf(ctx, type)} } from '${collectionModuleOf(ctx, type)}';`,
      ),
    `export { ${[
      ...collectedTypes(ctx)
        .filter((type) => !ctx.definition.resources[type]?.customizedCollection)
        .map((type) => collectionClassOf(ctx, type)),
      ...batchErrorsOf(ctx).map((error) => error.className),
    ].join(', ')} } from './collections.js';`,
    `export type { ${declaredCollections(ctx)
      .flatMap(({ types }) => [types.manager, types.collection, types.params])
      .join(', ')} } from './collections.js';`,
    // The same class objects the client throws, so `instanceof` works without importing the
    // client package (an indirect dependency, out of reach under strict layouts such as pnpm's).
    `export { ${exceptions.join(', ')} } from '${packageName}';`,
    '',
  ];
  return lines.join('\n');
}
