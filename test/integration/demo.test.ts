/**
 * `npm run demo`: its help, its refusal to touch AWS unconfirmed, the whole tour on an
 * emulator it starts and stops itself, and its real-AWS mode — pointed, through the SDK's
 * AWS_ENDPOINT_URL, at the test run's emulator, with dummy credentials: never at AWS.
 */
import { testEndpoint } from '../support/emulator.js';
import { assertBuilt, emulatorPid, isAlive, runScript } from '../support/scripts.js';

beforeAll(assertBuilt);

const SIX = ['sqs', 'sns', 'cloudwatch', 'cloudformation', 'iam', 'glacier'];

describe('npm run demo', () => {
  it('--help prints the usage', async () => {
    const run = await runScript('demo.mjs', ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^npm run demo/);
    for (const text of ['S3', 'DynamoDB', 'EC2', 'Lambda', '--aws', '--only', 'cost money']) {
      expect(run.stdout).toContain(text);
    }
    for (const text of ['SQS', 'SNS', 'CloudWatch', 'CloudFormation', 'IAM', 'Glacier']) {
      expect(run.stdout).toContain(`\n  ${text} `); // a line of its own in the list of tours
    }
    expect(run.stdout).toContain(
      's3,dynamodb,ec2,lambda,sqs,sns,cloudwatch,cloudformation,iam,glacier',
    );
  });

  it('--only refuses an unknown service, naming the ones it takes', async () => {
    const run = await runScript('demo.mjs', ['--only', 's3,kinesis']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--only takes s3,dynamodb,ec2,lambda,sqs,sns,');
    expect(run.stderr).toContain("got 's3,kinesis'");
    expect(run.stdout).toBe('');
  });

  it.each([
    ['--aws', ['--aws'], {}],
    ['AWS_PROFILE', ['--only', 's3'], { AWS_PROFILE: 'someone' }],
  ])(
    'with %s, warns about cost and refuses without confirmation (no terminal, no --yes)',
    async (_label, args, env: Record<string, string>) => {
      const run = await runScript('demo.mjs', args, '', env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('REAL AWS');
      expect(run.stderr).toContain('This can cost money');
      expect(run.stderr).toContain('pass --yes');
      expect(run.stdout).not.toContain('Amazon S3');
    },
  );

  it('tours the four services on an emulator it starts and stops', async () => {
    const started = Date.now();
    const run = await runScript('demo.mjs', []);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    for (const part of [
      'Amazon S3 — aws-resources/s3',
      'Amazon DynamoDB — aws-resources/dynamodb',
      'Amazon EC2 — aws-resources/ec2',
      'AWS Lambda — aws-resources/lambda',
    ]) {
      expect(out).toContain(part);
    }
    expect(out).toContain('100%  12.0/12.0 MiB'); // the progress bar reached the end
    expect(out).toContain('[1 request: ListObjectsV2(MaxKeys=5)]');
    expect(out).toContain('[4 requests: BatchWriteItem ×4]');
    expect(out).toContain('payload { width: 100');
    expect(out).toMatch(/Done in \d+\.\d s\./);
    expect(isAlive(emulatorPid(out))).toBe(false);
    // A guard against a tour that hangs, loose enough for a loaded 2-core machine.
    expect(Date.now() - started).toBeLessThan(50_000);
  }, 90_000);

  it('tours the six newer services with --only, on one emulator', async () => {
    const run = await runScript('demo.mjs', ['--only', SIX.join(',')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain(`a tour of ${SIX.join(', ')}`);
    expect(out).not.toContain('Amazon S3 — ');
    for (const part of [
      'Amazon SQS — aws-resources/sqs',
      'Amazon SNS — aws-resources/sns',
      'Amazon CloudWatch — aws-resources/cloudwatch',
      'AWS CloudFormation — aws-resources/cloudformation',
      'AWS IAM — aws-resources/iam',
      'Amazon Glacier (vaults) — aws-resources/glacier',
    ]) {
      expect(out).toContain(part);
    }
    // SQS: 25 entries in 3 requests; bodies with the receive; a stopped worker; batch delete.
    expect(out).toContain('→ Successful: 25 entries\n');
    expect(out).toContain('[3 requests: SendMessageBatch ×3]');
    expect(out).toMatch(
      /→ \[ 10, true \]\n.*\n {2}→ \[\s*'job 0', 'job 1',[^\]]*\]\n {2}\[1 request: ReceiveMessage\]/,
    );
    expect(out).toContain('→ AbortError: ');
    expect(out).toContain('→ handled 8 messages, then stopped');
    expect(out).toContain('→ Successful: 18 deleted\n  [2 requests: DeleteMessageBatch ×2]');
    // SNS: a subscription resource; an object published, JSON text received by the queue.
    expect(out).toMatch(/→ Subscription \{\s+arn: 'arn:aws:sns:/);
    expect(out).toContain('→ {"order":7,"status":"shipped"}');
    expect(out).toContain('→ ParamValidationError: Topic.publish: Message.total is NaN');
    // CloudWatch: 2500 data in 3 requests; an alarm's state; one DeleteAlarms for three.
    expect(out).toContain('→ 3 outputs, one per request\n');
    expect(out).toContain('[3 requests: PutMetricData ×3]');
    expect(out).toContain('→ ALARM\n');
    expect(out).toContain('[4 requests: DescribeAlarms ×3, DeleteAlarms]');
    // CloudFormation: created from an object, resources, events, deleted.
    expect(out).toContain("→ [ 'CREATE_COMPLETE', 'AlertsArn' ]");
    expect(out).toContain(
      '→ ParamValidationError: CloudFormation.createStack: TemplateBody.Metadata.built is a Date',
    );
    expect(out).toContain('→ Jobs  AWS::SQS::Queue');
    expect(out).toMatch(/→ https?:\/\/\S+-Jobs-\S+\n/); // the queue's URL, from DescribeStackResource
    expect(out).toMatch(/→ aws-resources-demo-\w+ {2}CREATE_COMPLETE\n/); // an event
    expect(out).toContain('→ stack exists: false');
    // IAM: a document read back as an object; the key's status; group; role and profile.
    expect(out).toContain("Action: 's3:GetObject'");
    expect(out).toMatch(/→ \[ 'AKIA\w+', 'Inactive' \]/);
    expect(out).toMatch(/→ \[ 'demo-admins-\w+' \]/);
    expect(out).toContain("→ { Service: 'ec2.amazonaws.com' }");
    expect(out).toMatch(/→ \[ 'demo-web-\w+' \]/);
    expect(out).toContain('→ user exists: false');
    // Glacier: the archive read back through its job; moto's missing multipart said so.
    expect(out).toContain('no new customers');
    expect(out).toMatch(/→ Succeeded after \d+\.\d s\n[^[]*→ quarterly report/);
    expect(out).toContain('moto has no Glacier multipart uploads');
    expect(out).toContain('[2 requests: DeleteArchive, DeleteVault]');
    expect(out).toMatch(/Done in \d+\.\d s\./);
    expect(isAlive(emulatorPid(out))).toBe(false);
  }, 90_000);

  it('in its AWS mode, only reads SQS, SNS, CloudWatch, CloudFormation, IAM and Glacier', async () => {
    const run = await runScript(
      'demo.mjs',
      ['--aws', '--yes', '--region', 'us-east-1', '--only', SIX.join(',')],
      '',
      {
        AWS_ENDPOINT_URL: testEndpoint(),
        AWS_ACCESS_KEY_ID: 'testing',
        AWS_SECRET_ACCESS_KEY: 'testing',
      },
    );
    expect(run.code).toBe(0);
    for (const line of [
      'SQS: read only',
      'SNS: read only',
      'CloudWatch: read only',
      'CloudFormation: read only',
      'IAM: read only',
      'Glacier: read only',
    ]) {
      expect(run.stderr).toContain(line);
    }
    const out = run.stdout;
    expect(out).toContain('on AWS (us-east-1)');
    for (const title of [
      'queues',
      'topics',
      'alarms and metrics',
      'stacks',
      'users and roles',
      'vaults',
    ]) {
      expect(out).toContain(`Your ${title} (read only)`);
    }
    const sent = [...out.matchAll(/\[\d+ requests?: ([^\]]*)\]/g)].flatMap((m) =>
      m[1]!.split(', '),
    );
    expect(sent.length).toBeGreaterThan(0);
    for (const operation of sent) expect(operation).toMatch(/^(List|Describe)\w+/);
  }, 60_000);

  it('in its AWS mode, confirmed with --yes, creates and deletes, and only reads EC2 and Lambda', async () => {
    const run = await runScript('demo.mjs', ['--aws', '--yes', '--region', 'us-east-1'], '', {
      AWS_ENDPOINT_URL: testEndpoint(),
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('REAL AWS — --aws was given');
    expect(run.stderr).not.toContain('Type "yes"'); // --yes: no prompt
    const out = run.stdout;
    expect(out).toContain('on AWS (us-east-1)');
    expect(out).not.toContain('moto at');
    expect(out).toContain('Your VPCs and instances (read only)');
    expect(out).toContain('Your functions (read only)');
    expect(out).not.toContain('RunInstances');
    expect(out).not.toContain('CreateFunction');
    expect(out).toMatch(/DeleteBucket/);
    expect(out).toMatch(/DeleteTable/);
  }, 60_000);
});
