import type { RequestDefinition, ServiceModelDefinition } from './definition-types.js';

/** Every request a definition declares: actions, collections, loads, checks, batch actions. */
export function requestsOf<P>(definition: ServiceModelDefinition<P>): RequestDefinition<P>[] {
  const requests: RequestDefinition<P>[] = [];
  for (const container of [definition.service, ...Object.values(definition.resources)]) {
    for (const action of Object.values(container.actions ?? {})) requests.push(action.request);
    for (const hasMany of Object.values(container.hasMany ?? {})) requests.push(hasMany.request);
  }
  for (const resource of Object.values(definition.resources)) {
    if (resource.load) requests.push(resource.load.request);
    if (resource.exists) requests.push(resource.exists.request);
    for (const batch of Object.values(resource.batchActions ?? {})) requests.push(batch.request);
  }
  return requests;
}
