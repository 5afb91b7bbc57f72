/**
 * Where the demo and the REPL send requests: the local emulator (moto on 127.0.0.1, started
 * here and stopped at the end) by default, or real AWS with `--aws` or AWS_PROFILE set,
 * after a warning about cost and a confirmation.
 */
import { createInterface } from 'node:readline/promises';
import { startEmulator } from '../emulator.mjs';
import { bold, dim, red, yellow } from './print.mjs';

/** Options shared by the demo and the REPL, parsed from argv. */
export function parseTargetArgs(args) {
  const flags = { aws: false, local: false, yes: false, region: undefined, rest: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--aws') flags.aws = true;
    else if (arg === '--local') flags.local = true;
    else if (arg === '--yes' || arg === '-y') flags.yes = true;
    else if (arg === '--region') flags.region = args[++i];
    else if (arg.startsWith('--region=')) flags.region = arg.slice('--region='.length);
    else flags.rest.push(arg);
  }
  if (flags.aws && flags.local) throw new Error('--aws and --local exclude each other');
  if (args.includes('--region') && !flags.region) throw new Error('--region needs a value');
  return flags;
}

/** True when the run goes to real AWS: `--aws`, or AWS_PROFILE set without `--local`. */
export function usesAws(flags) {
  return flags.aws || (!flags.local && Boolean(process.env.AWS_PROFILE));
}

/** Why the run goes to AWS, for the warning. */
function reason(flags) {
  return flags.aws ? '--aws was given' : `AWS_PROFILE is set (${process.env.AWS_PROFILE})`;
}

/**
 * Prints the warning and asks for confirmation: `--yes`, or typing "yes" at a terminal.
 * Resolves false when the user declines or cannot be asked (no terminal): nothing is sent.
 */
export async function confirmAws(flags, whatItDoes) {
  const profile = process.env.AWS_PROFILE
    ? `profile ${process.env.AWS_PROFILE}`
    : 'the default credentials';
  console.error(
    [
      '',
      bold(red('!! REAL AWS')) +
        ` — ${reason(flags)}: requests go to your AWS account (${profile}).`,
      yellow('   This can cost money. It will:'),
      ...whatItDoes.map((line) => yellow(`     - ${line}`)),
      dim('   Use --local (or unset AWS_PROFILE) to run on the local emulator instead, for free.'),
      '',
    ].join('\n'),
  );
  if (flags.yes) return true;
  if (!process.stdin.isTTY) {
    console.error(red('Not confirmed: pass --yes to run against AWS without a prompt.'));
    return false;
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question('Type "yes" to go on: ');
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    prompt.close();
  }
}

const DEMO_CREDENTIALS = { accessKeyId: 'demo', secretAccessKey: 'demo' };

/**
 * Opens the target: `{ aws, endpoint?, where, config(service), stop() }`. `config` is the v3
 * client config for a service: the emulator's endpoint and dummy credentials (path-style for
 * S3), or for AWS the region if given and the SDK's usual chain for the rest.
 */
export async function openTarget(flags) {
  if (usesAws(flags)) {
    const region = flags.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    const base = flags.region ? { region: flags.region } : {};
    return {
      aws: true,
      where: `AWS (${region ?? 'region from your profile'})`,
      config: () => ({ ...base }),
      stop: async () => {},
    };
  }
  const emulator = await startEmulator();
  // Explicit endpoint and credentials: nothing from the environment can reach AWS.
  const base = { region: 'us-east-1', endpoint: emulator.endpoint, credentials: DEMO_CREDENTIALS };
  return {
    aws: false,
    endpoint: emulator.endpoint,
    where: `the local emulator, moto at ${emulator.endpoint} (pid ${emulator.pid}, ready in ${emulator.startupMs} ms)`,
    config: (service) => (service === 's3' ? { ...base, forcePathStyle: true } : { ...base }),
    stop: () => emulator.stop(),
  };
}
