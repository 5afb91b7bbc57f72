import { CollectionManager } from '../collections/collection-manager.js';
import type { Collection, CollectionClass } from '../collections/collection.js';
import type { CollectionSource } from '../collections/collection-source.js';
import type { Path } from './accessors.js';
import type { ContainerDefinition } from './definition-types.js';
import { camelCase } from './naming.js';
import { DefinitionError, ParamValidationError } from './errors.js';
import { buildParams, mergeCallerParams, type ParamContext } from './params.js';
import { checkRequestOptions, sendOperation, type RequestOptions } from './request.js';
import { buildResources } from './resource-builder.js';
import type { ServiceModel } from './service-model.js';

/**
 * What the service entry and resources share: the v3 client, the model, and the machinery
 * behind generated actions, sub-resource factories and collections.
 */
export abstract class ResourceBase<TClient extends object> {
  readonly #model: ServiceModel;
  readonly #client: TClient;

  /** @internal */
  protected constructor(model: ServiceModel, client: TClient) {
    this.#model = model;
    this.#client = client;
  }

  /** @internal The model this object is interpreted from. */
  protected get $model(): ServiceModel {
    return this.#model;
  }

  /** @internal The v3 client. */
  protected get $client(): TClient {
    return this.#client;
  }

  /** @internal This object's definition: the service entry or a resource. */
  protected abstract get $definition(): ContainerDefinition<Path>;

  /** @internal The name errors use for this object (`Bucket`, `S3`). */
  protected abstract get $label(): string;

  /** @internal Identifiers and data for building params; loads first when `needData`. */
  protected abstract $paramContext(
    needData: boolean,
    options: RequestOptions,
  ): Promise<ParamContext>;

  /** @internal Runs a declared action. */
  protected async $action(
    name: string,
    callerParams: object | undefined,
    options: unknown,
  ): Promise<unknown> {
    const definition = this.$definition.actions?.[name];
    if (!definition) throw this.#undeclared('actions', name);
    const label = `${this.$label}.${camelCase(name)}`;
    const checked = checkRequestOptions(options, label);
    const request = definition.request;
    const needData = request.params?.some((param) => param.source === 'data') ?? false;
    const context = await this.$paramContext(needData, checked);
    const params = mergeCallerParams(buildParams(request.params, context), callerParams, label);
    const response = await sendOperation(
      this.#model,
      this.#client,
      request.operation,
      params,
      checked,
    );
    if (!definition.resource) return response;
    return buildResources(definition.resource, {
      model: this.#model,
      client: this.#client,
      identifiers: context.identifiers,
      data: context.data,
      params,
      response,
    });
  }

  /** @internal Builds a declared sub-resource from identifiers and the caller's inputs. */
  protected $subResource(name: string, inputs: readonly unknown[]): object {
    const definition = this.$definition.has?.[name];
    if (!definition) throw this.#undeclared('has', name);
    const expected = definition.resource.identifiers.filter(
      (identifier) => identifier.source === 'input',
    );
    if (inputs.length > expected.length) {
      throw new ParamValidationError(
        `${this.$label}.${name}() takes ${expected.length} argument(s), got ${inputs.length}`,
      );
    }
    const resource = buildResources(definition.resource, {
      model: this.#model,
      client: this.#client,
      identifiers: this.$identifiers,
      inputs,
    });
    if (resource === undefined) {
      // A missing input: let the resource's own identifier check name it.
      // Inputs fill only the `input` identifiers, in order; the others come from this object.
      let next = 0;
      const values = Object.fromEntries(
        definition.resource.identifiers.map((identifier) => [
          identifier.target,
          identifier.source === 'input'
            ? inputs[next++]
            : this.$identifiers[identifier.name ?? identifier.target],
        ]),
      );
      return this.#model.create(definition.resource.type, this.#client, values);
    }
    return resource as object;
  }

  /** @internal The identifiers params are built from (definition names). */
  protected get $identifiers(): Readonly<Record<string, unknown>> {
    return {};
  }

  /** @internal A declared collection's manager. */
  protected $collection<C extends Collection<object, object>>(
    name: string,
    collectionClass: CollectionClass<C>,
  ): CollectionManager<C> {
    const definition = this.$definition.hasMany?.[name];
    if (!definition) throw this.#undeclared('hasMany', name);
    const source: CollectionSource = {
      model: this.#model,
      client: this.#client,
      definition,
      label: `${this.$label}.${camelCase(name)}`,
      context: (options) =>
        this.$paramContext(
          definition.request.params?.some((p) => p.source === 'data') ?? false,
          options,
        ),
    };
    return new CollectionManager(source, collectionClass);
  }

  #undeclared(kind: string, name: string): DefinitionError {
    return new DefinitionError(
      `${this.#model.serviceName} model`,
      `${this.$label}.${kind}.${name}`,
      'not declared',
    );
  }
}
