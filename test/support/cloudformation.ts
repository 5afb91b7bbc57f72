/**
 * Helpers for the CloudFormation tests: a client on the emulator in this test file's own
 * moto account (the `x-moto-account-id` header), so `stacks` lists only what the file made
 * although all files share one moto server; and small templates moto creates the resources of.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { randomInt } from 'node:crypto';
import { clientConfig, uniqueName } from './emulator.js';
import type { TemplateObject } from '../../src/resources/cloudformation/index.js';

let fileAccount: string | undefined;

/** This test file's own moto account: 12 random digits, made once per file. */
export function account(): string {
  fileAccount ??= String(randomInt(100_000_000_000, 999_999_999_999));
  return fileAccount;
}

/** A CloudFormationClient for the emulator, in this file's account. */
export function cloudformationClient(): CloudFormationClient {
  const client = new CloudFormationClient(clientConfig());
  client.middlewareStack.add(
    (next, _context) => (args) => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) request.headers['x-moto-account-id'] = account();
      return next(args);
    },
    { step: 'build', name: 'motoAccount' },
  );
  return client;
}

/** A stack name unique across test files and runs (letters, digits and '-'). */
export function stackName(prefix = 'stack'): string {
  return uniqueName(prefix);
}

/** A template of `count` SNS topics, logical ids `Topic1`...; moto creates them. */
export function topicsTemplate(count = 1): TemplateObject {
  const Resources: Record<string, TemplateObject> = {};
  for (let i = 1; i <= count; i++) Resources[`Topic${i}`] = { Type: 'AWS::SNS::Topic' };
  return { AWSTemplateFormatVersion: '2010-09-09', Resources };
}
