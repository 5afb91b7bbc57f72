import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { ServiceModelDefinition } from './definition-types.js';
import { DefinitionError } from './errors.js';

/**
 * Reads and validates resource definitions. Used by the generator and the tests; the
 * service modules embed their already-validated definition and never load this.
 *
 * @packageDocumentation
 */

const validators = new Map<string, ValidateFunction>();

function validatorFor(schemaFile: string): ValidateFunction {
  let validate = validators.get(schemaFile);
  if (!validate) {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
    validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    validators.set(schemaFile, validate);
  }
  return validate;
}

/** `/resources/Bucket/actions` → `$.resources.Bucket.actions`. */
function toJsonPath(pointer: string): string {
  if (pointer === '') return '$';
  return (
    '$' +
    pointer
      .split('/')
      .slice(1)
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((part) =>
        /^\d+$/.test(part)
          ? `[${part}]`
          : /^[A-Za-z_$][\w$]*$/.test(part)
            ? `.${part}`
            : `[${JSON.stringify(part)}]`,
      )
      .join('')
  );
}

function describe(error: ErrorObject): { path: string; problem: string } {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    return {
      path: toJsonPath(error.instancePath),
      problem: `unknown member '${String(params.additionalProperty)}'`,
    };
  }
  if (error.keyword === 'required') {
    return {
      path: toJsonPath(error.instancePath),
      problem: `missing member '${String(params.missingProperty)}'`,
    };
  }
  return { path: toJsonPath(error.instancePath), problem: error.message ?? error.keyword };
}

/** The schema file beside the definitions. */
export function defaultSchemaFile(definitionFile: string): string {
  return join(dirname(definitionFile), 'schema.json');
}

/**
 * Validates a parsed definition against the schema, then checks the names it uses refer to
 * declared resources and identifiers. Throws a {@link DefinitionError} naming the file and
 * the JSON path of the first problem (all problems are listed in its message).
 */
export function validateDefinition(
  value: unknown,
  file: string,
  schemaFile: string,
): ServiceModelDefinition {
  const validate = validatorFor(schemaFile);
  if (!validate(value)) {
    const problems = (validate.errors ?? []).map(describe);
    const [first = { path: '$', problem: 'invalid' }] = problems;
    const rest = problems
      .slice(1)
      .map((p) => `; ${p.path}: ${p.problem}`)
      .join('');
    throw new DefinitionError(file, first.path, first.problem + rest);
  }
  const definition = value as ServiceModelDefinition;
  checkReferences(definition, file);
  return definition;
}

/** Reads, parses and validates one definition file. */
export function loadDefinition(
  file: string,
  schemaFile = defaultSchemaFile(file),
): ServiceModelDefinition {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DefinitionError(file, '$', `cannot be read: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DefinitionError(file, '$', `is not valid JSON: ${(error as Error).message}`);
  }
  return validateDefinition(value, file, schemaFile);
}

type Params = readonly { source: string; name?: string }[] | undefined;
type Container = {
  actions?: Record<string, { resource?: Target; request?: { params?: Params } }>;
  has?: Record<string, { resource: Target; request?: { params?: Params } }>;
  hasMany?: Record<string, { resource: Target; request?: { params?: Params } }>;
};
type Target = {
  type: string;
  identifiers: readonly { target: string; source: string; name?: string }[];
};

function checkReferences(definition: ServiceModelDefinition, file: string): void {
  const resources = definition.resources;
  const identifiersOf = (type: string): string[] =>
    (resources[type]?.identifiers ?? []).map((i) => i.name);
  const checkTarget = (path: string, target: Target, own: readonly string[]): void => {
    if (!resources[target.type])
      throw new DefinitionError(file, `${path}.type`, `no resource '${target.type}'`);
    const wanted = identifiersOf(target.type);
    const given = target.identifiers.map((i) => i.target);
    if (wanted.join() !== given.join()) {
      throw new DefinitionError(
        file,
        `${path}.identifiers`,
        `targets [${given.join(', ')}] must be ${target.type}'s identifiers [${wanted.join(', ')}]`,
      );
    }
    target.identifiers.forEach((identifier, i) => {
      if (identifier.source === 'identifier' && !own.includes(identifier.name ?? '')) {
        throw new DefinitionError(
          file,
          `${path}.identifiers[${i}].name`,
          `no identifier '${identifier.name}'`,
        );
      }
    });
  };
  // Request params drawn from an identifier must name one the owner has.
  const checkParams = (path: string, params: Params, own: readonly string[]): void => {
    (params ?? []).forEach((param, i) => {
      if (param.source === 'identifier' && !own.includes(param.name ?? ''))
        throw new DefinitionError(file, `${path}[${i}].name`, `no identifier '${param.name}'`);
    });
  };
  const checkContainer = (path: string, container: Container, own: readonly string[]): void => {
    for (const kind of ['actions', 'has', 'hasMany'] as const) {
      for (const [name, entry] of Object.entries(container[kind] ?? {})) {
        if (entry.resource) checkTarget(`${path}.${kind}.${name}.resource`, entry.resource, own);
        checkParams(`${path}.${kind}.${name}.request.params`, entry.request?.params, own);
      }
    }
  };
  checkContainer('$.service', definition.service as Container, []);
  for (const [name, resource] of Object.entries(resources)) {
    const path = `$.resources.${name}`;
    const own = identifiersOf(name);
    checkContainer(path, resource as Container, own);
    (resource.identifiers ?? []).forEach((identifier, i) => {
      if (identifier.pattern === undefined) return;
      try {
        new RegExp(identifier.pattern);
      } catch (error) {
        const where = `${path}.identifiers[${i}].pattern`;
        throw new DefinitionError(file, where, (error as Error).message);
      }
    });
    checkParams(`${path}.load.request.params`, resource.load?.request.params, own);
    for (const variable of resource.load?.path.match(/\$[A-Za-z_]\w*/g) ?? []) {
      if (!own.includes(variable.slice(1)))
        throw new DefinitionError(file, `${path}.load.path`, `'${variable}' names no identifier`);
    }
    checkParams(`${path}.exists.request.params`, resource.exists?.request.params, own);
    for (const [action, entry] of Object.entries(resource.batchActions ?? {}))
      checkParams(`${path}.batchActions.${action}.request.params`, entry.request.params, own);
    for (const [waiter, entry] of Object.entries(resource.waiters ?? {}))
      checkParams(`${path}.waiters.${waiter}.params`, entry.params, own);
  }
}
