#!/usr/bin/env node
/**
 * `npm run demo`: a tour of aws-resources' services on the local emulator (started and
 * stopped here), or on real AWS with `--aws` / AWS_PROFILE after a warning. The tours live in
 * scripts/demo/<service>.mjs; `--help` explains the options.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tourCloudFormation } from './demo/cloudformation.mjs';
import { tourCloudWatch } from './demo/cloudwatch.mjs';
import { tourDynamoDB } from './demo/dynamodb.mjs';
import { tourEC2 } from './demo/ec2.mjs';
import { tourGlacier } from './demo/glacier.mjs';
import { tourIAM } from './demo/iam.mjs';
import { tourLambda } from './demo/lambda.mjs';
import { loadLibrary, prepare } from './demo/prepare.mjs';
import { bold, dim, requestCounter } from './demo/print.mjs';
import { tourS3 } from './demo/s3.mjs';
import { tourSNS } from './demo/sns.mjs';
import { tourSQS } from './demo/sqs.mjs';
import { confirmAws, openTarget, parseTargetArgs, usesAws } from './demo/target.mjs';

const TOURS = {
  s3: tourS3,
  dynamodb: tourDynamoDB,
  ec2: tourEC2,
  lambda: tourLambda,
  sqs: tourSQS,
  sns: tourSNS,
  cloudwatch: tourCloudWatch,
  cloudformation: tourCloudFormation,
  iam: tourIAM,
  glacier: tourGlacier,
};

/** What runs without --only: the first four, so that `npm run demo` stays about 10 s. */
const DEFAULT_TOURS = ['s3', 'dynamodb', 'ec2', 'lambda'];

/** Entry points a tour uses besides its own: SNS delivers to an SQS queue. */
const ALSO_LOADS = { sns: ['sqs'] };

const HELP = `npm run demo [-- options]       (node scripts/demo.mjs [options])

A tour of aws-resources, service by service, using the built library (dist/). Each step
prints the code it runs, what came back, and the requests it sent (counted by a middleware
on the v3 clients).

By default (no --only), the first four:

  S3        create a bucket, put and get, lazy attributes (3 reads, 1 request), list with
            filter/limit/pages, a 12 MiB multipart upload with a progress bar, a presigned
            URL, batch delete, versions, waiters, errors
  DynamoDB  create a table, native values (sets, big numbers), Key/Attr conditions, a batch
            writer, query and scan as lazy collections
  EC2       a VPC and subnet, three instances, references, filters, batch stop, waiters,
            terminate
  Lambda    create a function, invoke it with JSON, versions and aliases, listing

With --only (e.g. --only sqs,sns; --only all for all ten, about 10 s more on the emulator):

  SQS             a queue, 25 messages sent in 3 requests, messages received as resources
                  (bodies with no further request), a long-polling iterator stopped with an
                  AbortController, batch delete
  SNS             a topic, an SQS queue subscribed as a Subscription resource, an object
                  published as JSON and read back from the queue
  CloudWatch      2500 data put in 3 requests (at most 1000 each), alarms on a metric, a
                  batch delete of alarms
  CloudFormation  a stack from a template given as an object, its create waiter, resource
                  summaries to StackResource, events, delete
  IAM             a user, an inline policy given and read back as an object, an access key,
                  a group, a role in an instance profile
  Glacier         a vault, an archive read back through a retrieval job (a few seconds on the
                  emulator), a small multipart upload (the vault service takes no new
                  customers; the emulator has no multipart uploads and says so)

By default everything runs on a local AWS emulator (moto on 127.0.0.1, Python 3 with
moto >= 5.2; without it, .venv is created with moto in it), started before the tour and
stopped after it: free, offline, about 10 s. Before the tour, \`npm ci\` runs when
node_modules is missing and \`npm run build\` when dist/ is missing or older than src/.

Options:
  --only <list>    only these services, comma-separated, from
                   ${Object.keys(TOURS).join(',')}
                   (or all: the ten)
  --aws            run against real AWS (your default credentials, or AWS_PROFILE)
  --local          run on the emulator even when AWS_PROFILE is set
  --region <name>  the AWS region (with --aws; otherwise your profile's)
  --yes, -y        with --aws: skip the confirmation prompt
  --help, -h       this text

Real AWS: with --aws, or AWS_PROFILE set and no --local, the tour runs in your account,
which can cost money. It prints what it will do and asks you to type "yes" (or pass --yes).
There it creates an S3 bucket (about 12 MiB uploaded) and an on-demand DynamoDB table (about
100 small items), deletes both at the end, and only reads EC2 and Lambda: no instance is
launched and no function created. SQS, SNS, CloudWatch, CloudFormation, IAM and Glacier
only read there: each lists a few of your queues, topics, alarms and metrics, stacks, users
and roles, or vaults, and creates nothing.`;

const AWS_ACTIONS = {
  s3: 'S3: create a bucket, upload about 12 MiB, then delete everything in it and the bucket',
  dynamodb: 'DynamoDB: create an on-demand table, write about 100 items, then delete the table',
  ec2: 'EC2: read only (list up to 5 VPCs and 5 running instances)',
  lambda: 'Lambda: read only (list up to 5 functions)',
  sqs: 'SQS: read only (list up to 5 queues)',
  sns: 'SNS: read only (list up to 5 topics)',
  cloudwatch: 'CloudWatch: read only (list up to 5 alarms and 5 AWS/Lambda metrics)',
  cloudformation: 'CloudFormation: read only (list up to 5 stacks)',
  iam: 'IAM: read only (list up to 5 users and 5 roles)',
  glacier: 'Glacier: read only (list up to 5 vaults)',
};

function selectedServices(rest) {
  const at = rest.indexOf('--only');
  const value = at >= 0 ? rest[at + 1] : rest.find((a) => a.startsWith('--only='))?.slice(7);
  const others = rest.filter((a, i) => a !== '--only' && i !== at + 1 && !a.startsWith('--only='));
  const unknown = at >= 0 || value !== undefined ? others : rest;
  if (unknown.length > 0) throw new Error(`unknown argument: ${unknown[0]} (try --help)`);
  if (value === undefined) return DEFAULT_TOURS;
  if (value.trim().toLowerCase() === 'all') return Object.keys(TOURS);
  const services = value.split(',').map((s) => s.trim().toLowerCase());
  const bad = services.filter((s) => !(s in TOURS));
  if (bad.length > 0 || services.length === 0) {
    throw new Error(`--only takes ${Object.keys(TOURS).join(',')} or all; got '${value}'`);
  }
  return services;
}

async function main(args) {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  let flags;
  let services;
  try {
    flags = parseTargetArgs(args);
    services = selectedServices(flags.rest);
  } catch (error) {
    console.error(`[demo] ${error.message}`);
    return 2;
  }
  if (
    usesAws(flags) &&
    !(await confirmAws(
      flags,
      services.map((s) => AWS_ACTIONS[s]),
    ))
  ) {
    return 1;
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const started = Date.now();
  prepare();
  const lib = await loadLibrary([
    ...new Set(services.flatMap((s) => [s, ...(ALSO_LOADS[s] ?? [])])),
  ]);
  const target = await openTarget(flags);
  console.log(bold(`\naws-resources: a tour of ${services.join(', ')}`));
  console.log(dim(`[demo] on ${target.where}`));
  const counter = requestCounter();
  const tmp = await mkdtemp(join(tmpdir(), 'aws-resources-demo-'));
  try {
    for (const service of services) await TOURS[service]({ lib, target, counter, tmp });
  } finally {
    await rm(tmp, { recursive: true, force: true });
    await target.stop();
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\n${bold('Done')} in ${seconds} s.`);
  console.log(
    'Next: docs/getting-started.md, `npm run repl` to explore (s3, ec2, dynamodb, lambda bound),',
  );
  console.log('and docs/boto3.md if you know boto3.');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`\n[demo] failed: ${error?.stack ?? error}`);
    process.exitCode = 1;
  },
);
