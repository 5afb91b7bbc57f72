/**
 * Policy documents both ways: what IAM actions send (an object as JSON, a string as it is,
 * anything else refused) and what the attributes return (IAM's URL-encoded JSON, parsed).
 */
import { AwsResourcesError, ParamValidationError } from '../../src/index.js';
import {
  decodePolicyDocument,
  encodePolicyDocument,
  withPolicyDocument,
} from '../../src/resources/iam/policy-document.js';

const document = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::a b/100%/*' }],
} as const;

describe('encodePolicyDocument', () => {
  it('sends an object as JSON and a string as it is', () => {
    expect(encodePolicyDocument(document, 'x')).toBe(JSON.stringify(document));
    expect(encodePolicyDocument('{"Version":"2012-10-17"}', 'x')).toBe('{"Version":"2012-10-17"}');
  });

  it.each([
    [42, 'number'],
    [null, 'null'],
    [[document], 'an array'],
    [true, 'boolean'],
  ])('refuses %p, naming what it got', (value, got) => {
    expect(() => encodePolicyDocument(value, 'Role.put: PolicyDocument')).toThrow(
      new ParamValidationError(
        `Role.put: PolicyDocument: expected a policy document (an object or its JSON text), got ${got}`,
      ),
    );
  });

  it('refuses a document that JSON cannot encode', () => {
    const cyclic: Record<string, unknown> = { Version: '2012-10-17' };
    cyclic.self = cyclic;
    expect(() => encodePolicyDocument(cyclic, 'x')).toThrow(ParamValidationError);
  });

  it('withPolicyDocument requires the member and keeps the other params', () => {
    expect(
      withPolicyDocument({ PolicyName: 'p', PolicyDocument: document }, 'PolicyDocument', 'L'),
    ).toEqual({
      PolicyName: 'p',
      PolicyDocument: JSON.stringify(document),
    });
    expect(() => withPolicyDocument({ PolicyName: 'p' }, 'PolicyDocument', 'L')).toThrow(
      "L: missing required param 'PolicyDocument'",
    );
  });
});

describe('decodePolicyDocument', () => {
  it('parses the URL-encoded JSON IAM returns (RFC 3986: spaces as %20, % as %25)', () => {
    const encoded = encodeURIComponent(JSON.stringify(document));
    expect(encoded).toContain('%25');
    expect(decodePolicyDocument(encoded, 'x')).toEqual(document);
  });

  it('parses text that is JSON already, even with % in it', () => {
    expect(decodePolicyDocument(JSON.stringify(document), 'x')).toEqual(document);
    expect(decodePolicyDocument(`  ${JSON.stringify(document)}`, 'x')).toEqual(document);
  });

  it('gives undefined for no document, and a clear error for text that is no JSON', () => {
    expect(decodePolicyDocument(undefined, 'x')).toBeUndefined();
    const thrown = (() => {
      try {
        return decodePolicyDocument('%7Bnot-json', 'Role.assumeRolePolicyDocument');
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(AwsResourcesError);
    expect((thrown as Error).message).toBe(
      'Role.assumeRolePolicyDocument: the policy document IAM returned is not JSON',
    );
    expect((thrown as Error).cause).toBeInstanceOf(SyntaxError);
  });
});
