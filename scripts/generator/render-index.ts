import { collectedTypes, declaredCollections } from './render-collections.js';
import { collectionClassOf } from './render-members.js';
import { HEADER } from './render-resource.js';
import type { GenContext } from './context.js';

/**
 * The generated barrel: the service class, every resource class and collection class, and the
 * named types of every collection property.
 */
export function renderIndex(ctx: GenContext): string {
  const types = Object.keys(ctx.definition.resources);
  const lines = [
    HEADER(ctx.sourceFile),
    ...(ctx.definition.service.customized
      ? [
          `export { ${ctx.definition.service.className} } from '../service.js';`,
          `export { ${ctx.definition.service.className}Base } from './service.js';`,
        ]
      : [`export { ${ctx.definition.service.className} } from './service.js';`]),
    ...types.map((type) => {
      const base = ctx.definition.resources[type]?.customized
        ? `, ${ctx.generatedClassOf(type)}`
        : '';
      const own = ctx.definition.resources[type]?.customized
        ? [
            `export { ${ctx.classOf(type)} } from '${ctx.moduleOf(type)}';`,
            `export { ${ctx.generatedClassOf(type)} } from './${ctx.moduleOf(type).split('/').pop()}';`,
          ]
        : [`export { ${ctx.classOf(type)}${base} } from '${ctx.moduleOf(type)}';`];
      return own.join('\n');
    }),
    `export { ${collectedTypes(ctx)
      .map((type) => collectionClassOf(ctx, type))
      .join(', ')} } from './collections.js';`,
    `export type { ${declaredCollections(ctx)
      .flatMap(({ types }) => [types.manager, types.collection, types.params])
      .join(', ')} } from './collections.js';`,
    '',
  ];
  return lines.join('\n');
}
