import type { CompiledModel, ResourceDefinition } from './definition-types.js';
import type { Path } from './accessors.js';
import { DefinitionError } from './errors.js';
import { requestsOf } from './requests-of.js';

/** A v3 command class, as the engine sees it. */
export type CommandClass = abstract new (input: never) => object;

/** A v3 waiter function (`waitUntilBucketExists`), as the engine sees it. */
export type WaiterFunction = (params: never, input: never) => Promise<object>;

/** The v3 pieces a service's definition names, looked up by name at run time. */
export interface OperationRegistry {
  readonly commands: Readonly<Record<string, CommandClass>>;
  readonly waiters: Readonly<Record<string, WaiterFunction>>;
}

/** Gives the client that sends operations of another package (see `clientAdapter`). */
export type ClientAdapter = (client: never, packageName: string) => object;

/**
 * A constructor of a resource class, as the engine calls it. Resource classes are made by
 * the engine only (through factories, actions and collections), never with `new` by users.
 */
export type ResourceClass = new (
  model: ServiceModel,
  client: never,
  identifiers: Readonly<Record<string, unknown>>,
  data?: object,
) => object;

/**
 * A service's definition with the v3 pieces and resource classes it names: what the engine
 * interprets at run time. Engine API for generated classes, not for application code (not
 * marked internal: public declarations name it, and stripping it would break them).
 */
export class ServiceModel {
  readonly #packages = new Map<string, string>();
  readonly #adapted = new WeakMap<object, Map<string, object>>();

  constructor(
    readonly definition: CompiledModel,
    readonly registry: OperationRegistry,
    readonly classes: Readonly<Record<string, ResourceClass>>,
    readonly clientAdapter?: ClientAdapter,
  ) {
    for (const request of requestsOf(definition)) {
      if (request.package) this.#packages.set(request.operation, request.package);
    }
  }

  /**
   * The client that sends `operation`: the service's own, or for an operation of another
   * package what the adapter makes of it (once per client).
   */
  clientFor(client: object, operation: string): object {
    const packageName = this.#packages.get(operation);
    if (!packageName || !this.clientAdapter) return client;
    let adapted = this.#adapted.get(client);
    if (!adapted) this.#adapted.set(client, (adapted = new Map()));
    let sending = adapted.get(packageName);
    if (!sending) {
      sending = (this.clientAdapter as (c: object, p: string) => object)(client, packageName);
      adapted.set(packageName, sending);
    }
    return sending;
  }

  /** The service's import name (`s3`). */
  get serviceName(): string {
    return this.definition.service.name;
  }

  /** The definition of one resource type. */
  resource(name: string): ResourceDefinition<Path> {
    const definition = this.definition.resources[name];
    if (!definition) throw this.#missing(`$.resources.${name}`, `no resource '${name}'`);
    return definition;
  }

  /** Builds a resource of a registered type. */
  create(
    type: string,
    client: object,
    identifiers: Readonly<Record<string, unknown>>,
    data?: object,
  ): object {
    const cls = this.classes[type];
    if (!cls) throw this.#missing(`$.resources.${type}`, `no class registered for '${type}'`);
    return new (cls as unknown as new (...args: unknown[]) => object)(
      this,
      client,
      identifiers,
      data,
    );
  }

  /** The v3 command class of an operation. */
  command(operation: string): CommandClass {
    const command = this.registry.commands[operation];
    if (!command) throw this.#missing('$', `operation '${operation}' is not in the registry`);
    return command;
  }

  /** The v3 waiter function of a waiter name. */
  waiter(name: string): WaiterFunction {
    const waiter = this.registry.waiters[name];
    if (!waiter) throw this.#missing('$', `waiter '${name}' is not in the registry`);
    return waiter;
  }

  #missing(path: string, problem: string): DefinitionError {
    return new DefinitionError(`${this.serviceName} model`, path, problem);
  }
}
