/**
 * The params of the caller the run time checks before sending, worked out from the definition
 * and the v3 packages: those that fill identifiers of the resource an action makes, the labels
 * of the request's URL, the names the definition says must not be empty, and the members a
 * batch action accepts.
 */
import type {
  ActionDefinition,
  IdentifierDefinition,
  RequestDefinition,
} from '../../src/core/definition-types.js';
import { camelCase } from '../../src/core/naming.js';
import type { GenContext } from './context.js';
import { object } from './render-descriptors.js';

/** The rules of an identifier, as members of a descriptor literal (`integer: true`, ...). */
export function identifierRules(
  identifier: IdentifierDefinition | undefined,
): [string, string | undefined][] {
  const pattern = identifier?.pattern;
  if (pattern !== undefined && pattern.includes('/'))
    throw new Error(`identifier ${identifier?.name}: write '/' in a pattern as \\x2f`);
  return [
    ['integer', identifier?.type === 'integer' ? 'true' : undefined],
    ['allowEmpty', identifier?.allowEmpty ? 'true' : undefined],
    ['pattern', pattern === undefined ? undefined : `/${pattern}/`],
    ['format', identifier?.format === undefined ? undefined : JSON.stringify(identifier.format)],
  ];
}

/** The top-level members the definition's params fill, in whole or in part. */
function filledTops(request: RequestDefinition): Set<string> {
  return new Set(
    (request.params ?? []).map((param) => /^[A-Za-z0-9_]+/.exec(param.target)?.[0] ?? ''),
  );
}

/**
 * The `checks` of an action's descriptor (see `CheckedParamSpec`), or undefined when the
 * caller gives nothing that needs checking: identifiers of the made resource, URL labels, and
 * the members the definition's `nonEmpty` names.
 */
export function actionChecks(ctx: GenContext, action: ActionDefinition): string | undefined {
  const op = action.request.operation;
  const filled = filledTops(action.request);
  const members = ctx.inputMembers(op);
  const required = (name: string) => members.some((m) => m.name === name && !m.optional);
  const checks = new Map<string, string>();
  const target = action.resource;
  const cls = target && ctx.classOf(target.type);
  for (const identifier of target?.identifiers ?? []) {
    if (identifier.source !== 'requestParameter') continue;
    // `Key`, `Tags[].Key`, or `NewName || Name` (a param that falls back on another, so is
    // never required); other paths (functions of the params) are left to the service.
    const match = /^([A-Za-z0-9_]+)(?:\[\]\.([A-Za-z0-9_]+))?( \|\| [A-Za-z0-9_]+)?$/.exec(
      identifier.path ?? '',
    );
    const [, param, item, fallback] = match ?? [];
    if (param === undefined || filled.has(param)) continue;
    const rules = ctx.definition.resources[target?.type ?? '']?.identifiers?.find(
      (i) => i.name === identifier.target,
    );
    checks.set(
      `${param}.${item ?? ''}`,
      object([
        ['param', JSON.stringify(param)],
        ['item', item === undefined ? undefined : JSON.stringify(item)],
        ['required', required(param) && fallback === undefined ? 'true' : undefined],
        ...identifierRules(rules),
        ['role', JSON.stringify(`the ${cls}'s ${camelCase(identifier.target)}`)],
      ]),
    );
  }
  const sdk = ctx.sdkOf(ctx.packageOf(op));
  for (const label of sdk.labelMembers(op)) {
    if (!label.string || filled.has(label.name) || checks.has(`${label.name}.`)) continue;
    checks.set(
      `${label.name}.`,
      object([
        ['param', JSON.stringify(label.name)],
        ['required', 'true'],
        ['role', JSON.stringify('a label of the request URL')],
      ]),
    );
  }
  for (const name of action.nonEmpty ?? []) {
    const member = members.find((m) => m.name === name);
    if (!member) throw new Error(`${op}: nonEmpty names '${name}', not a member of the input`);
    if (filled.has(name))
      throw new Error(`${op}: nonEmpty names '${name}', which the resource fills`);
    if (!/^string( \| undefined)?$/.test(member.typeText))
      throw new Error(`${op}: nonEmpty names '${name}', which is not a string`);
    // An identifier's or a label's check already refuses the empty value.
    if (checks.has(`${name}.`))
      throw new Error(`${op}: nonEmpty names '${name}', which is checked already`);
    checks.set(
      `${name}.`,
      object([
        ['param', JSON.stringify(name)],
        ['required', required(name) ? 'true' : undefined],
        ['role', JSON.stringify('what the request acts on')],
      ]),
    );
  }
  return checks.size ? `[${[...checks.values()].join(', ')}]` : undefined;
}

/** The members of a batch action's input the caller may pass: those the items do not fill. */
export function batchAllowedParams(ctx: GenContext, request: RequestDefinition): string {
  const filled = new Set(
    (request.params ?? []).filter((p) => /^[A-Za-z0-9_]+$/.test(p.target)).map((p) => p.target),
  );
  const allowed = ctx
    .inputMembers(request.operation)
    .map((member) => member.name)
    .filter((name) => !filled.has(name));
  return JSON.stringify(allowed);
}
