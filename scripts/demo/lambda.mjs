/**
 * The Lambda part of the demo. On the emulator: create a function, invoke it with JSON,
 * publish a version and an alias, list, delete. On AWS it only reads your functions.
 */
import { randomBytes } from 'node:crypto';
import { ECHO_FILES, emulatorRole } from './lambda-fixture.mjs';
import { code, note, part, show, step } from './print.mjs';

export async function tourLambda({ lib, target, counter }) {
  const { Lambda } = lib.lambda;
  part('AWS Lambda — aws-resources/lambda (the model boto3 never had)');
  const lambda = new Lambda(target.config('lambda'));
  counter.watch(lambda.meta.client);
  try {
    if (target.aws) await readOnly(lambda, counter);
    else await createAndInvoke(lambda, counter, await emulatorRole(target.config('iam')));
  } finally {
    lambda.meta.client.destroy();
  }
}

async function readOnly(lambda, counter) {
  step('Your functions (read only)');
  code('for await (const fn of lambda.functions.limit(5))');
  let seen = 0;
  for await (const fn of lambda.functions.limit(5)) {
    seen += 1;
    show('', `${fn.name}  ${await fn.runtime}  ${await fn.memorySize} MB`);
  }
  if (seen === 0) show('', '(no functions)');
  counter.print();
}

async function createAndInvoke(lambda, counter, role) {
  let fn;
  try {
    step('Create a function from its source files');
    const name = `aws-resources-demo-${randomBytes(3).toString('hex')}`;
    code(
      `const fn = await lambda.createFunction({ FunctionName: '${name}', Runtime: 'nodejs20.x', Handler: 'index.handler', Code: { files: { 'index.js': source } }, Role });`,
    );
    fn = await lambda.createFunction({
      FunctionName: name,
      Role: role,
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Code: { files: ECHO_FILES }, // zipped here, before the request
    });
    show('', fn);
    code('[await fn.runtime, await fn.memorySize];   // from CreateFunction: no request');
    show('', [await fn.runtime, await fn.memorySize]);
    code('await fn.waitUntilActive({ minDelay: 1, maxWaitTime: 60 });');
    await fn.waitUntilActive({ minDelay: 1, maxWaitTime: 60 });
    counter.print();

    step('Invoke with JSON in, JSON out');
    code("const { payload } = await fn.invoke({ Payload: { width: 100, formats: ['webp'] } });");
    const { StatusCode, payload } = await fn.invoke({ Payload: { width: 100, formats: ['webp'] } });
    show(`StatusCode ${StatusCode}, payload`, payload);
    note('the handler returns its event; moto echoes the event without running it');
    counter.print();

    step('Versions and aliases');
    code('const v1 = await fn.publishVersion();');
    const v1 = await fn.publishVersion();
    code("const live = await v1.createAlias({ Name: 'live' });");
    const live = await v1.createAlias({ Name: 'live' });
    show('', [v1, live]);
    code('(await live.version).version;   // a reference from the alias data');
    show('', (await live.version).version);
    code('for await (const v of fn.versions.all())');
    const versions = [];
    for await (const version of fn.versions.all()) versions.push(version.version);
    show('', versions);
    counter.print();
  } finally {
    if (fn) {
      step('Clean up');
      code('await fn.delete();');
      await fn.delete();
      show('', `function exists: ${await fn.exists()}`);
      counter.print();
    }
  }
}
