/** An EC2 client for the emulator started by the jest global setup, and EC2 test helpers. */
import { EC2Client } from '@aws-sdk/client-ec2';
import type { MiddlewareStack } from '@smithy/types';
import { EC2, type Subnet, type Vpc } from '../../src/resources/ec2/index.js';
import { clientConfig, uniqueName } from './emulator.js';

/** A new EC2Client for the emulator (dummy credentials, us-east-1). */
export function ec2Client(): EC2Client {
  return new EC2Client(clientConfig());
}

/** Any AMI id: moto runs instances of AMIs it does not know. */
export const TEST_AMI = 'ami-12c6146b';

/**
 * A tag unique to one test, so filters touch only that test's resources on the moto server
 * every jest worker shares.
 */
export function testTag(prefix = 'ec2'): { Key: string; Value: string } {
  return { Key: 'aws-resources-test', Value: uniqueName(prefix) };
}

/** The Filters that select resources carrying `tag`. */
export function tagFilter(tag: { Key: string; Value: string }): {
  Filters: { Name: string; Values: string[] }[];
} {
  return { Filters: [{ Name: `tag:${tag.Key}`, Values: [tag.Value] }] };
}

/** What `answerLocally` recorded: each operation it answered and its input. */
export interface LocalAnswers {
  readonly calls: Array<{ operation: string; input: object }>;
  /** Takes the middleware off the client. */
  remove(): void;
}

/**
 * Answers the named operations on `client` without sending them, for operations moto 5.2.1
 * does not implement (it replies with an HTML 500). Every other operation goes to moto.
 */
export function answerLocally(
  client: EC2Client,
  answers: Record<string, (input: Record<string, unknown>) => object>,
): LocalAnswers {
  const calls: Array<{ operation: string; input: object }> = [];
  const name = `answerLocally${Math.random().toString(36).slice(2)}`;
  const stack = client.middlewareStack as unknown as MiddlewareStack<object, object>;
  stack.add(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? '').replace(/Command$/, '');
      const answer = answers[operation];
      if (!answer) return next(args);
      const input = args.input as Record<string, unknown>;
      calls.push({ operation, input: { ...input } });
      return { output: { $metadata: {}, ...answer(input) }, response: {} };
    },
    { step: 'initialize', name },
  );
  return { calls, remove: () => stack.remove(name) };
}

/** What the examples of docs/ec2.md get: an EC2 on the emulator, a fresh VPC and subnet. */
export interface Ec2ExampleScope {
  readonly ec2: EC2;
  readonly vpc: Vpc;
  readonly subnet: Subnet;
  readonly ami: string;
  /** Best effort: terminates what the example launched in the VPC and deletes the VPC. */
  cleanUp(): Promise<void>;
}

export async function ec2ExampleScope(): Promise<Ec2ExampleScope> {
  const client = ec2Client();
  const ec2 = new EC2({ client });
  const vpc = await ec2.createVpc({ CidrBlock: '10.0.0.0/16' });
  const subnet = await vpc.createSubnet({ CidrBlock: '10.0.1.0/24' });
  const attempt = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch {
      // moto forgets everything at the end of the run
    }
  };
  const cleanUp = async () => {
    await attempt(() => vpc.instances.all().terminate());
    for (const group of await vpc.securityGroups.toArray()) {
      if ((await group.groupName) !== 'default') await attempt(() => group.delete());
    }
    for (const gateway of await vpc.internetGateways.toArray()) {
      await attempt(() => gateway.detachFromVpc({ VpcId: vpc.id }));
      await attempt(() => gateway.delete());
    }
    for (const found of await vpc.subnets.toArray()) await attempt(() => found.delete());
    await attempt(() => vpc.delete());
    client.destroy();
  };
  return { ec2, vpc, subnet, ami: TEST_AMI, cleanUp };
}
