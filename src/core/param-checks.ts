/**
 * Checks of the caller's params before any request: those that become identifiers or URL
 * labels (checked like a factory's identifiers), and names that are request options or not
 * params at all.
 *
 * @packageDocumentation
 */
import type { CheckedParamSpec } from './descriptors.js';
import { ParamValidationError } from './errors.js';
import { identifierProblem } from './identifier-check.js';

/** Request options callers put among the params by mistake: never a v3 input member. */
const OPTION_NAMES = new Set(['abortSignal', 'signal', 'concurrency']);

/**
 * Checks the caller's params of an action (`params` as the caller gave them): the checked
 * members (see `CheckedParamSpec`), and request options passed as params.
 */
export function checkActionParams(
  checks: readonly CheckedParamSpec[] | undefined,
  params: unknown,
  label: string,
): void {
  const given = paramsObject(params, label);
  refuseOptions(given, label);
  for (const check of checks ?? []) checkMember(check, given, label);
}

/**
 * Checks the caller's params of a batch action: only `allowed` members (the v3 input's, minus
 * those the items fill), and no request options.
 */
export function checkBatchParams(
  allowed: readonly string[] | undefined,
  params: unknown,
  label: string,
): void {
  const given = paramsObject(params, label);
  refuseOptions(given, label);
  if (!allowed) return;
  for (const key of Object.keys(given)) {
    if (given[key] === undefined || allowed.includes(key)) continue;
    throw new ParamValidationError(
      `${label}: unknown param '${key}': the request takes ${
        allowed.length ? allowed.map((name) => `'${name}'`).join(', ') : 'no params of the caller'
      } (the collection's items fill the rest)`,
    );
  }
}

function paramsObject(params: unknown, label: string): Readonly<Record<string, unknown>> {
  if (params === undefined || params === null) return {};
  if (typeof params !== 'object' || Array.isArray(params)) {
    const what = Array.isArray(params) ? 'an array' : typeof params;
    throw new ParamValidationError(`${label}: params must be an object, got ${what}`);
  }
  return params as Record<string, unknown>;
}

function refuseOptions(params: Readonly<Record<string, unknown>>, label: string): void {
  for (const key of Object.keys(params)) {
    if (!OPTION_NAMES.has(key) || params[key] === undefined) continue;
    throw new ParamValidationError(
      `${label}: '${key}' is not a request param: pass it in the options, the next argument ` +
        `(${label.split('.').pop() ?? 'method'}(params, { ${key} }))`,
    );
  }
}

function checkMember(
  check: CheckedParamSpec,
  params: Readonly<Record<string, unknown>>,
  label: string,
): void {
  const value = params[check.param];
  if (check.item === undefined) {
    checkValue(check, value, check.param, label);
    return;
  }
  if (value === undefined) {
    if (check.required) throw problem(label, check.param, 'is missing', check.role);
    return;
  }
  if (!Array.isArray(value)) throw problem(label, check.param, 'must be a list', check.role);
  value.forEach((element: unknown, index) => {
    const member =
      typeof element === 'object' && element !== null
        ? (element as Record<string, unknown>)[check.item ?? '']
        : undefined;
    checkValue(
      { ...check, required: true },
      member,
      `${check.param}[${index}].${check.item}`,
      label,
    );
  });
}

function checkValue(check: CheckedParamSpec, value: unknown, where: string, label: string): void {
  if (value === undefined && !check.required) return;
  const found = identifierProblem(check, value);
  if (found !== undefined) throw problem(label, where, found, check.role);
}

function problem(label: string, where: string, what: string, role: string): ParamValidationError {
  return new ParamValidationError(`${label}: params.${where} ${what} (it is ${role})`);
}
