/**
 * Templates given as objects: `TemplateBody` of CreateStack and UpdateStack may be a plain
 * object, sent as its JSON text.
 *
 * @packageDocumentation
 */
import { jsonProblem, ParamValidationError, type JsonValue } from '../../core/index.js';

/**
 * A CloudFormation template as an object (`{ Resources: { ... } }`), sent as JSON. Declare
 * template shapes with `type`, not `interface` (an interface has no index signature).
 *
 * @example
 * ```ts
 * const template: TemplateObject = {
 *   Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'jobs' } } },
 * };
 * ```
 *
 * @public
 */
export type TemplateObject = { readonly [key: string]: JsonValue | undefined };

/**
 * `params` with `TemplateBody` as the template's text or as an object.
 *
 * @example
 * ```ts
 * const params: WithTemplateObject<{ StackName: string; TemplateBody?: string }> = {
 *   StackName: 'app',
 *   TemplateBody: { Resources: {} },
 * };
 * ```
 *
 * @public
 */
export type WithTemplateObject<P extends { TemplateBody?: string | undefined }> = Omit<
  P,
  'TemplateBody'
> & {
  readonly TemplateBody?: string | TemplateObject | undefined;
};

/**
 * `params` with an object `TemplateBody` turned into its JSON text, checked before any request:
 * what JSON cannot carry (a function, a `Date`, a cycle...) is refused, named by its path.
 */
export function withTemplateText<P extends { TemplateBody?: string | undefined }>(
  params: WithTemplateObject<P> | undefined,
  label: string,
): P | undefined {
  if (params === undefined) return undefined;
  if (typeof params !== 'object' || params === null) {
    throw new ParamValidationError(`${label}: params must be an object`);
  }
  const body: unknown = params.TemplateBody;
  if (body === undefined || typeof body === 'string') return params as P;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ParamValidationError(
      `${label}: TemplateBody must be the template's text or a template object, not ${
        body === null ? 'null' : Array.isArray(body) ? 'an array' : `a ${typeof body}`
      }`,
    );
  }
  const problem = jsonProblem(body, 'TemplateBody');
  if (problem !== undefined) throw new ParamValidationError(`${label}: ${problem}`);
  return { ...params, TemplateBody: JSON.stringify(body) } as P;
}
