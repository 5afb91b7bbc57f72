/**
 * `npm run repl`, driven through a pipe as a user's terminal would drive it. It starts its
 * own emulator, as it does for a user, and must stop it on exit.
 */
import { assertBuilt, emulatorPid, isAlive, runScript } from '../support/scripts.js';

beforeAll(assertBuilt);

describe('npm run repl', () => {
  it('binds the four services and the exports, awaits at top level, and stops its emulator', async () => {
    const name = `repl-${Date.now().toString(36)}`;
    const input = [
      `const made = await s3.createBucket({ Bucket: '${name}' })`,
      'made',
      "await made.putObject({ Key: 'a.txt', Body: 'hello' })",
      "(await made.objects.all().toArray()).map((o) => `${o.key}=${o.data.Size}`).join(',')",
      '[ec2, dynamodb, lambda].map((service) => service.constructor.name).join(",")',
      '[typeof Key, typeof Attr, typeof IdentifierError, typeof Bucket].join(",")',
      "Key('id').eq('u1') instanceof Object",
      '(await dynamodb.tables.all().toArray()).length',
      "await s3.Bucket('no-such-bucket-here').objects.all().toArray()",
      '.exit',
    ].join('\n');
    const run = await runScript('repl.mjs', [], `${input}\n`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/aws-resources REPL on the local emulator, moto at http:\/\/127\.0\.0\.1:/);
    expect(out).toContain(`Bucket { name: '${name}' }`);
    expect(out).toContain(`S3Object { bucketName: '${name}', key: 'a.txt' }`);
    expect(out).toContain("'a.txt=5'");
    expect(out).toContain("'EC2,DynamoDB,Lambda'");
    expect(out).toContain("'function,function,function,function'");
    expect(out).toContain('aws> 0\n'); // no tables yet on the REPL's own emulator
    // A failed await prints the error and the REPL goes on to the next line.
    expect(out).toMatch(/Uncaught:?\s*\n?NoSuchBucket/);
    // Every line ran, in order, before .exit: one prompt per line, plus the last one.
    expect(out.split('aws> ').length - 1).toBe(input.split('\n').length);
    expect(isAlive(emulatorPid(out))).toBe(false);
  }, 60_000);

  it('reads to the end of piped input without .exit', async () => {
    const run = await runScript('repl.mjs', [], 'await s3.buckets.all().toArray()\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('aws> []');
    expect(isAlive(emulatorPid(run.stdout))).toBe(false);
  }, 60_000);

  it('with --aws, warns about cost and refuses without confirmation', async () => {
    const run = await runScript('repl.mjs', ['--aws'], 'await s3.buckets.all().toArray()\n');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('REAL AWS');
    expect(run.stderr).toContain('This can cost money');
    expect(run.stdout).not.toContain('aws>');
  });

  it('--help explains it without starting anything', async () => {
    const run = await runScript('repl.mjs', ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('npm run repl');
    expect(run.stdout).toContain('s3, ec2, dynamodb, lambda');
    expect(run.stdout).toContain('--aws');
    expect(run.stdout).not.toContain('moto at');
  });
});
