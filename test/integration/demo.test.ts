/**
 * `npm run demo`: its help, its refusal to touch AWS unconfirmed, the whole tour on an
 * emulator it starts and stops itself, and its real-AWS mode — pointed, through the SDK's
 * AWS_ENDPOINT_URL, at the test run's emulator, with dummy credentials: never at AWS.
 */
import { testEndpoint } from '../support/emulator.js';
import { assertBuilt, emulatorPid, isAlive, runScript } from '../support/scripts.js';

beforeAll(assertBuilt);

describe('npm run demo', () => {
  it('--help prints the usage', async () => {
    const run = await runScript('demo.mjs', ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^npm run demo/);
    for (const text of ['S3', 'DynamoDB', 'EC2', 'Lambda', '--aws', '--only', 'cost money']) {
      expect(run.stdout).toContain(text);
    }
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
    expect(Date.now() - started).toBeLessThan(30_000);
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
