/**
 * Descriptors for a test service, made from its JSON definition the way the generator makes
 * them (paths compiled by the generator's own compiler), so engine tests can define small
 * services in the definition format without generating files.
 */
import type {
  ActionSpec,
  BatchActionSpec,
  CommandClass,
  HasManySpec,
  HasSpec,
  ResourceClass,
  ResourceTypeSpec,
  ServiceSpec,
  TargetSpec,
  WaiterFunction,
  WaiterSpec,
} from '../../src/core/descriptors.js';
import type {
  CompiledModel,
  ContainerDefinition,
  RequestDefinition,
  ResourceTargetDefinition,
} from '../../src/core/definition-types.js';
import type { Path } from '../../src/core/accessors.js';
import { camelCase } from '../../src/core/naming.js';

export interface SpecSources {
  readonly model: CompiledModel;
  readonly service: ServiceSpec;
  readonly classes: Readonly<Record<string, () => ResourceClass>>;
  readonly commands: Readonly<Record<string, CommandClass<never>>>;
  readonly waiters: Readonly<Record<string, WaiterFunction>>;
}

export class SpecsFrom {
  constructor(private readonly sources: SpecSources) {}

  #container(owner: string): ContainerDefinition<Path> {
    const { model } = this.sources;
    const container = owner === model.service.className ? model.service : model.resources[owner];
    if (!container) throw new Error(`no ${owner} in the definition`);
    return container;
  }

  #request(request: RequestDefinition<Path>) {
    const command = this.sources.commands[request.operation];
    if (!command) throw new Error(`no command ${request.operation}`);
    return {
      command,
      ...(request.package ? { package: request.package } : {}),
      ...(request.params ? { params: request.params } : {}),
    };
  }

  #target(target: ResourceTargetDefinition<Path>): TargetSpec {
    const type = this.sources.classes[target.type];
    if (!type) throw new Error(`no class ${target.type}`);
    return { ...target, type };
  }

  action<R>(owner: string, name: string): ActionSpec<never, R> {
    const action = this.#container(owner).actions?.[name];
    if (!action) throw new Error(`no action ${owner}.${name}`);
    return {
      name: camelCase(name),
      request: this.#request(action.request),
      ...(action.resource ? { resource: this.#target(action.resource) } : {}),
    };
  }

  has<R>(owner: string, name: string): HasSpec<R> {
    const has = this.#container(owner).has?.[name];
    if (!has) throw new Error(`no has ${owner}.${name}`);
    const reference = has.resource.identifiers.some((i) => i.source === 'data');
    return { name: reference ? camelCase(name) : name, resource: this.#target(has.resource) };
  }

  hasMany(owner: string, name: string): HasManySpec {
    const hasMany = this.#container(owner).hasMany?.[name];
    if (!hasMany) throw new Error(`no hasMany ${owner}.${name}`);
    return {
      name: camelCase(name),
      request: this.#request(hasMany.request),
      ...(hasMany.resource ? { resource: this.#target(hasMany.resource) } : {}),
      ...(hasMany.items ? { items: hasMany.items } : {}),
      ...(hasMany.paging ? { paging: hasMany.paging } : {}),
    };
  }

  batch<O>(type: string, name: string): BatchActionSpec<O> {
    const batch = this.sources.model.resources[type]?.batchActions?.[name];
    if (!batch) throw new Error(`no batch action ${type}.${name}`);
    return {
      name: camelCase(name),
      request: this.#request(batch.request),
      ...(batch.errors ? { errors: batch.errors } : {}),
    };
  }

  waiter(type: string, name: string): WaiterSpec {
    const waiter = this.sources.model.resources[type]?.waiters?.[name];
    if (!waiter) throw new Error(`no waiter ${type}.${name}`);
    const fn = this.sources.waiters[waiter.waiterName];
    if (!fn) throw new Error(`no waiter function ${waiter.waiterName}`);
    return {
      name,
      waiterName: waiter.waiterName,
      waiter: fn,
      ...(waiter.params ? { params: waiter.params } : {}),
      ...(waiter.path ? { path: waiter.path } : {}),
    };
  }

  type(name: string, label = name): ResourceTypeSpec {
    const resource = this.sources.model.resources[name];
    if (!resource) throw new Error(`no resource ${name}`);
    return {
      service: this.sources.service,
      name,
      label,
      identifiers: (resource.identifiers ?? []).map((identifier) => ({
        name: identifier.name,
        property: camelCase(identifier.name),
        ...(identifier.type === 'integer' ? { integer: true } : {}),
        ...(identifier.allowEmpty ? { allowEmpty: true } : {}),
        ...(identifier.pattern !== undefined ? { pattern: new RegExp(identifier.pattern) } : {}),
        ...(identifier.format !== undefined ? { format: identifier.format } : {}),
      })),
      ...(resource.load
        ? { load: { request: this.#request(resource.load.request), path: resource.load.path } }
        : {}),
      ...(resource.exists ? { exists: this.#request(resource.exists.request) } : {}),
    };
  }
}
