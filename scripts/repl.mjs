#!/usr/bin/env node
/**
 * `npm run repl`: a Node REPL with `s3`, `ec2`, `dynamodb` and `lambda` bound to the local
 * emulator (started here, stopped on exit) or, with `--aws`, to real AWS after a warning.
 * Top-level await works, and every export of the library is in scope (`Key`, `Attr`, ...).
 */
import { createInterface } from 'node:readline';
import { start } from 'node:repl';
import { PassThrough } from 'node:stream';
import { ECHO_FILES, emulatorRole } from './demo/lambda-fixture.mjs';
import { loadLibrary, prepare } from './demo/prepare.mjs';
import { bold, dim } from './demo/print.mjs';
import { confirmAws, openTarget, parseTargetArgs, usesAws } from './demo/target.mjs';

const HELP = `npm run repl [-- options]       (node scripts/repl.mjs [options])

A Node REPL for exploring AWS as objects, with the built library (dist/):

  s3, ec2, dynamodb, lambda   the four services, ready to use
  S3, Bucket, Key, Attr, ...  every export of aws-resources and its service entry points
  role, zip                   (emulator only) an IAM role ARN and a tiny deployment package,
                              for lambda.createFunction({ ..., Role: role, Code: { ZipFile: zip } })
  endpoint                    (emulator only) the emulator's URL

Top-level await works:  > const b = await s3.createBucket({ Bucket: 'x' })
                        > for await (const o of b.objects.all()) console.log(o.key)

By default everything goes to a local AWS emulator (moto on 127.0.0.1), started now and
stopped when you leave (.exit or Ctrl+D).

Options:
  --aws            real AWS (your default credentials, or AWS_PROFILE): can cost money;
                   asks you to type "yes" first (or pass --yes)
  --local          the emulator even when AWS_PROFILE is set
  --region <name>  the AWS region (with --aws)
  --yes, -y        with --aws: skip the confirmation prompt
  --help, -h       this text`;

const AWS_ACTIONS = [
  'nothing by itself: every request is one you type, in your account, billed as usual',
  'calls that create resources (createBucket, createInstances, ...) create real, billed ones',
];

/** The values bound in the REPL: the services, the library's exports, emulator extras. */
async function scope(target) {
  const lib = await loadLibrary();
  const services = {
    s3: new lib.s3.S3(target.config('s3')),
    ec2: new lib.ec2.EC2(target.config('ec2')),
    dynamodb: new lib.dynamodb.DynamoDB(target.config('dynamodb')),
    lambda: new lib.lambda.Lambda(target.config('lambda')),
  };
  const extras = target.aws
    ? {}
    : {
        endpoint: target.endpoint,
        role: await emulatorRole(target.config('iam')),
        zip: lib.lambda.zipFiles(ECHO_FILES),
      };
  const exports = { ...lib.core, ...lib.s3, ...lib.dynamodb, ...lib.ec2, ...lib.lambda };
  return { values: { ...exports, ...services, ...extras }, services };
}

/**
 * For piped input (`echo 'await s3.buckets.all().toArray()' | npm run repl`): hands the REPL
 * one line at a time, each once the previous one finished, so awaited lines run in order
 * and print their results before `.exit` or the end of the input closes the REPL.
 */
function lineByLine(input) {
  const feed = new PassThrough();
  const lines = [];
  let ended = false;
  let ready = false;
  const pump = () => {
    if (!ready) return;
    if (lines.length > 0) {
      ready = false;
      feed.write(`${lines.shift()}\n`);
    } else if (ended) {
      feed.end();
    }
  };
  const reader = createInterface({ input, crlfDelay: Infinity });
  reader.on('line', (line) => {
    lines.push(line);
    pump();
  });
  reader.on('close', () => {
    ended = true;
    pump();
  });
  return {
    stream: feed,
    next() {
      ready = true;
      pump();
    },
  };
}

function startRepl() {
  const prompt = 'aws> ';
  if (process.stdin.isTTY) return start({ prompt, useGlobal: false });
  const feeder = lineByLine(process.stdin);
  const repl = start({
    prompt,
    input: feeder.stream,
    output: process.stdout,
    terminal: false,
    useGlobal: false,
  });
  // The REPL shows its prompt when it is ready for the next line.
  const displayPrompt = repl.displayPrompt.bind(repl);
  repl.displayPrompt = (...args) => {
    displayPrompt(...args);
    feeder.next();
  };
  feeder.next();
  return repl;
}

async function main(args) {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return;
  }
  const flags = parseTargetArgs(args);
  if (flags.rest.length > 0) throw new Error(`unknown argument: ${flags.rest[0]} (try --help)`);
  if (usesAws(flags) && !(await confirmAws(flags, AWS_ACTIONS))) {
    process.exitCode = 1;
    return;
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  prepare();
  const target = await openTarget(flags);
  const { values, services } = await scope(target);
  console.log(bold('aws-resources REPL') + dim(` on ${target.where}`));
  console.log(dim('s3, ec2, dynamodb, lambda and the library exports are bound; await works.'));
  console.log(dim("try: await s3.createBucket({ Bucket: 'demo' })   (.help, .exit)"));
  const repl = startRepl();
  Object.assign(repl.context, values);
  repl.on('exit', () => {
    for (const service of Object.values(services)) service.meta.client.destroy();
    target.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main(process.argv.slice(2)).catch((error) => {
  console.error(`[repl] ${error?.message ?? error}`);
  process.exitCode = 1;
});
