import {
  AwsResourcesError,
  ParamValidationError,
  readAttribute,
  type Resource,
} from '../../core/index.js';

/**
 * A value in a policy statement's `Condition` block.
 *
 * @example
 * ```ts
 * const value: PolicyConditionValue = ['10.0.0.0/8', '192.168.0.0/16'];
 * ```
 *
 * @public
 */
export type PolicyConditionValue =
  string | number | boolean | readonly (string | number | boolean)[];

/**
 * A principal of a statement: `'*'`, or principals by kind (`{ Service: 'lambda.amazonaws.com' }`).
 *
 * @example
 * ```ts
 * const principal: PolicyPrincipal = { AWS: ['arn:aws:iam::123456789012:root'] };
 * ```
 *
 * @public
 */
export type PolicyPrincipal = '*' | Readonly<Record<string, string | readonly string[]>>;

/**
 * One statement of an IAM policy document.
 *
 * @example
 * ```ts
 * const statement: PolicyStatement = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };
 * ```
 *
 * @public
 */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: PolicyPrincipal;
  readonly NotPrincipal?: PolicyPrincipal;
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, PolicyConditionValue>>>>;
}

/**
 * An IAM policy document as an object: what the policy attributes return (parsed from the
 * URL-encoded JSON IAM answers with), and what the actions that send one accept.
 *
 * @example
 * ```ts
 * const trust: PolicyDocument = {
 *   Version: '2012-10-17',
 *   Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
 * };
 * ```
 *
 * @public
 */
export interface PolicyDocument {
  readonly Version?: string;
  readonly Id?: string;
  readonly Statement: PolicyStatement | readonly PolicyStatement[];
}

/**
 * A policy document to send: an object (sent as JSON) or its JSON text (sent as is).
 *
 * @example
 * ```ts
 * const doc: PolicyDocumentInput = '{"Version":"2012-10-17","Statement":[]}';
 * ```
 *
 * @public
 */
export type PolicyDocumentInput = PolicyDocument | string;

/**
 * The JSON text of `document`: a string passes as is, an object is JSON-encoded. Anything
 * else is refused before any request.
 */
export function encodePolicyDocument(document: unknown, where: string): string {
  if (typeof document === 'string') return document;
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    const got = document === null ? 'null' : Array.isArray(document) ? 'an array' : typeof document;
    throw new ParamValidationError(
      `${where}: expected a policy document (an object or its JSON text), got ${got}`,
    );
  }
  try {
    return JSON.stringify(document);
  } catch (error) {
    throw new ParamValidationError(`${where}: the policy document cannot be sent as JSON`, {
      cause: error,
    });
  }
}

/** `params` with its policy document member `member` as JSON text, checked first. */
export function withPolicyDocument<P extends object, K extends string>(
  params: P | undefined,
  member: K,
  label: string,
): Omit<P, K> & Record<K, string> {
  const document = (params as Record<string, unknown> | undefined)?.[member];
  if (document === undefined)
    throw new ParamValidationError(`${label}: missing required param '${member}'`);
  return { ...params, [member]: encodePolicyDocument(document, `${label}: ${member}`) } as Omit<
    P,
    K
  > &
    Record<K, string>;
}

/**
 * Parses a policy document as IAM returns it: URL-encoded JSON (RFC 3986). Text that is
 * already JSON (it starts with `{`) is parsed as it is.
 */
export function decodePolicyDocument(
  text: string | undefined,
  where: string,
): PolicyDocument | undefined {
  if (text === undefined) return undefined;
  const json = text.trimStart().startsWith('{') ? text : decodeURIComponentOr(text);
  try {
    return JSON.parse(json) as PolicyDocument;
  } catch (error) {
    throw new AwsResourcesError(`${where}: the policy document IAM returned is not JSON`, {
      cause: error,
    });
  }
}

function decodeURIComponentOr(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Reads the attribute `member` of `resource` (loading first when needed) and parses it. */
export async function readPolicyDocument<TData extends object, K extends keyof TData & string>(
  resource: Resource<object, TData>,
  member: K,
  where: string,
): Promise<PolicyDocument | undefined> {
  const text = await readAttribute(resource, member);
  return decodePolicyDocument(typeof text === 'string' ? text : undefined, where);
}
