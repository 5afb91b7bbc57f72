/**
 * Helpers for the IAM integration tests.
 *
 * Isolation: IAM names are account-wide, so every test file works in its own moto account
 * (the `x-moto-account-id` header): its listings hold exactly what the file made, although
 * all files share one moto server.
 */
import { IAMClient } from '@aws-sdk/client-iam';
import { randomInt } from 'node:crypto';
import { clientConfig, uniqueName } from './emulator.js';
import type { PolicyDocument } from '../../src/resources/iam/index.js';

let fileAccount: string | undefined;

/** This test file's own moto account: 12 random digits, made once per file. */
export function iamAccount(): string {
  fileAccount ??= String(randomInt(100_000_000_000, 999_999_999_999));
  return fileAccount;
}

/** An IAMClient for the emulator, in this file's own account. */
export function iamClient(): IAMClient {
  const client = new IAMClient(clientConfig());
  const account = iamAccount();
  client.middlewareStack.add(
    (next) => (args) => {
      (args.request as { headers: Record<string, string> }).headers['x-moto-account-id'] = account;
      return next(args);
    },
    { step: 'build', name: 'motoAccount' },
  );
  return client;
}

/** A name for a user, group, role or policy, unique across files and runs. */
export function iamName(prefix = 'iam'): string {
  return uniqueName(prefix).slice(0, 64);
}

/** A trust policy that lets `service` assume a role. */
export function trustPolicy(service = 'lambda.amazonaws.com'): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  };
}

/** A permissions policy with characters that URL encoding changes (spaces, `*`, `/`, `:`). */
export function logsPolicy(resource = 'arn:aws:logs:*:*:log-group:/app/*'): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ReadLogs',
        Effect: 'Allow',
        Action: ['logs:Get*', 'logs:Describe*'],
        Resource: resource,
      },
    ],
  };
}

/** A self-signed certificate (CN=aws-resources-test, made for these tests) and its key. */
export const TEST_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIICGDCCAYGgAwIBAgIUcs4sQydfJnzWRQ2gU3kQREVNNE4wDQYJKoZIhvcNAQEL
BQAwHTEbMBkGA1UEAwwSYXdzLXJlc291cmNlcy10ZXN0MCAXDTI2MTIwMzE0NTEy
M1oYDzIxMjYxMTA5MTQ1MTIzWjAdMRswGQYDVQQDDBJhd3MtcmVzb3VyY2VzLXRl
c3QwgZ8wDQYJKoZIhvcNAQEBBQADgY0AMIGJAoGBAJ/O6DCEW/CH6DJEdbBgAgKQ
LZHw55pSY+G2/v3f4ibDQSIsG+aswgYeJPUvrY3pLIb0eTliYkL/0GKtdoTH7oXP
IdD1CGFviAhPKb18vlM38AAjXGo5cf+ZSTZvskVvxn6BeE25O3zqR/xVXfdMCRLf
E8NuoxmNX/Q+Uvc1paOZAgMBAAGjUzBRMB0GA1UdDgQWBBTtBaA07pdeSFsD9OQk
F2ZdTPLAujAfBgNVHSMEGDAWgBTtBaA07pdeSFsD9OQkF2ZdTPLAujAPBgNVHRMB
Af8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4GBACJKiDXS74Y/rBmV3JukOCodaygo
qSSNU/VenUz8h2Chd1wH4oz/m0d4hHlzx/TzePKLyyg3MSfr5L4tWfmmrG8pzkrz
FgA3IytIfM16YajWO+XqDW1FnKSmi2iuNYOFVtOQucL4VhdkFbjE/AwqMESBh7Zd
oaHt+FoEVWTmP6Z6
-----END CERTIFICATE-----`;

/** The private key of TEST_CERTIFICATE (a throwaway test key, trusted by nothing). */
export const TEST_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBAJ/O6DCEW/CH6DJE
dbBgAgKQLZHw55pSY+G2/v3f4ibDQSIsG+aswgYeJPUvrY3pLIb0eTliYkL/0GKt
doTH7oXPIdD1CGFviAhPKb18vlM38AAjXGo5cf+ZSTZvskVvxn6BeE25O3zqR/xV
XfdMCRLfE8NuoxmNX/Q+Uvc1paOZAgMBAAECgYAU/XhB5yCsVy2IbLWIlROugoF5
ycqh2nCEFSUo818g+ER12JVRlx9k7lCsY7bIDPhsQXAquWFuq2sTivUmO5x4gbbW
wO/mtqmefrwqclQKfOso6DmKrDdlx3UUxBglhgKSO7wTXFPAEWBeP8W+qodlwISI
VgWUkCKDV5j5A1O6AQJBAM6wxY+RxVjDXCS0gb2uqUMSjIY2pWyAQEZoVBsU2+gB
zvX2gNh+I06wkbeHFXRQlrVvBCelAN+eGlTKVgzeadUCQQDF7uOrsG8qRITmGKXn
E5C1aSydEx/9awa7tx9wx/OT5jmWgGZSuporR/aCH0F6RsByndJ5BHF9fMBkaLr2
6ZC1AkEAulORRcPbbBFxV4WCEEUMQXLPS46nwhA74Tzb1S4QsC4xLHpz3LaZja6P
LiuQo7KiqhzSWgrdprkYc6eTuzYloQJABDv6DuA1YJgap7l7Qxg+DkNzuuB/3LH/
cOCYAZeldFKGhNu2VKq9RZPCiEIW6oC8+Ta7G++mZeLXUs6SwVl5yQJBAM1ObaMB
ze+cmr7BKZI+yTzHNmeO0MoZcAqfj+o0bq/sEEWegWGLLI+0kztMj4x3VSPDvlsv
N8bSRd68caKZPUc=
-----END PRIVATE KEY-----`;

/** The inputs a client sent for an operation answered by `answerLocally`. */
export interface LocalAnswers {
  readonly inputs: object[];
}

/**
 * Answers `operation` (a command name without `Command`) with `output` before the request
 * leaves the client, and records each input: for operations moto 5.2.1 does not implement
 * (UpdateServerCertificate), so the requests the library sends and the resources it builds
 * from IAM's documented response can still be tested. Other operations go to the emulator.
 */
export function answerLocally(client: IAMClient, operation: string, output: object): LocalAnswers {
  const inputs: object[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== `${operation}Command`) return next(args);
      inputs.push({ ...(args.input as object) });
      return { output: { $metadata: { httpStatusCode: 200 }, ...output }, response: {} };
    },
    { step: 'initialize', name: `answer${operation}` },
  );
  return { inputs };
}
