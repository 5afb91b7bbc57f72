/**
 * Checks the names a definition uses against the v3 packages installed where it is generated:
 * every operation's command, every param's input member, every shape, paginator and waiter.
 * The generator would stop at the first of these; this lists them all, each at its JSON path.
 */
import type {
  ContainerDefinition,
  RequestDefinition,
  ServiceModelDefinition,
} from '../../src/core/definition-types.js';
import { paginatorTokensOf } from './paginators.js';
import { SdkTypes } from './sdk-types.js';

/** One problem: where in the definition (`$.resources.Parameter.shape`), and what. */
export interface ClientProblem {
  readonly path: string;
  readonly problem: string;
}

/** Every problem of the definition's names against the packages installed under `root`. */
export function checkAgainstClient(
  definition: ServiceModelDefinition,
  root: string,
): ClientProblem[] {
  const problems: ClientProblem[] = [];
  const report = (path: string, problem: string) => problems.push({ path, problem });
  const sdks = new Map<string, SdkTypes | string>();
  /** The package's types, or the reason they cannot be read. */
  const sdkOf = (packageName: string): SdkTypes | string => {
    let sdk = sdks.get(packageName);
    if (sdk === undefined) {
      try {
        sdk = new SdkTypes(packageName, root);
      } catch (error) {
        sdk = `cannot load ${packageName} from ${root}: ${(error as Error).message.split('\n')[0]}`;
      }
      sdks.set(packageName, sdk);
    }
    return sdk;
  };
  const service = definition.service;
  const own = sdkOf(service.package);
  if (typeof own === 'string') return [{ path: '$.service.package', problem: own }];
  if (!own.hasValue(service.client))
    report('$.service.client', `${service.package} exports no ${service.client}`);

  const checkRequest = (path: string, request: RequestDefinition): string | undefined => {
    const packageName = request.package ?? service.package;
    const sdk = sdkOf(packageName);
    if (typeof sdk === 'string') {
      report(`${path}.package`, sdk);
      return undefined;
    }
    const operation = request.operation;
    if (!sdk.hasValue(`${operation}Command`) || !sdk.hasType(`${operation}CommandInput`)) {
      report(`${path}.operation`, `${packageName} exports no ${operation}Command`);
      return undefined;
    }
    const members = new Set(sdk.members(`${operation}CommandInput`).map((m) => m.name));
    (request.params ?? []).forEach((param, i) => {
      const top = /^[A-Za-z0-9_]+/.exec(param.target)?.[0] ?? param.target;
      if (!members.has(top))
        report(`${path}.params[${i}].target`, `${operation}CommandInput has no member '${top}'`);
    });
    return packageName;
  };

  const checkContainer = (path: string, container: ContainerDefinition): void => {
    for (const [name, action] of Object.entries(container.actions ?? {}))
      checkRequest(`${path}.actions.${name}.request`, action.request);
    for (const [name, hasMany] of Object.entries(container.hasMany ?? {})) {
      const where = `${path}.hasMany.${name}.request`;
      const packageName = checkRequest(where, hasMany.request);
      if (packageName === undefined || hasMany.paging?.inputTokens) continue;
      const operation = hasMany.request.operation;
      if (paginatorTokensOf(packageName, operation, root)) continue;
      const sdk = sdkOf(packageName) as SdkTypes;
      // An input without a token member is answered in one page; one with a token needs them named.
      const tokens = sdk
        .members(`${operation}CommandInput`)
        .filter((member) => /(Token|Marker)$/.test(member.name));
      if (tokens.length > 0) {
        report(
          `${where}.operation`,
          `${packageName} has no paginator for ${operation}: give the collection's paging.inputTokens and paging.outputTokens (${tokens.map((t) => t.name).join(', ')})`,
        );
      }
    }
  };

  checkContainer('$.service', service);
  for (const [type, resource] of Object.entries(definition.resources)) {
    const path = `$.resources.${type}`;
    if (resource.shape !== undefined && !own.hasType(resource.shape))
      report(`${path}.shape`, `${service.package} exports no type ${resource.shape}`);
    if (resource.load) checkRequest(`${path}.load.request`, resource.load.request);
    if (resource.exists) checkRequest(`${path}.exists.request`, resource.exists.request);
    for (const [name, batch] of Object.entries(resource.batchActions ?? {}))
      checkRequest(`${path}.batchActions.${name}.request`, batch.request);
    for (const [name, waiter] of Object.entries(resource.waiters ?? {})) {
      if (!own.hasValue(`waitUntil${waiter.waiterName}`))
        report(
          `${path}.waiters.${name}.waiterName`,
          `${service.package} exports no waitUntil${waiter.waiterName}`,
        );
    }
    checkContainer(path, resource);
  }
  return problems;
}
