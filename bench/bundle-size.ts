/**
 * Bundle size: a small app per service, on aws-resources and on the raw v3 client, bundled
 * by esbuild (`--bundle --minify --platform=node --main-fields=module,main`) and gzipped.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { assertBuilt, builtEntry, root, SERVICES, type Service } from './support/built.js';

/** The same job written twice: with the library (its built ESM entry) and with raw v3. */
const APPS: Record<Service, { job: string; lib: (entry: string) => string; raw: string }> = {
  s3: {
    job: 'list 10 keys',
    lib: (entry) => `import { S3 } from ${entry};
const s3 = new S3({ region: 'us-east-1' });
for await (const o of s3.Bucket(process.argv[2]).objects.limit(10)) console.log(o.key, o.data.Size);`,
    raw: `import { S3Client, paginateListObjectsV2 } from '@aws-sdk/client-s3';
const client = new S3Client({ region: 'us-east-1' });
for await (const page of paginateListObjectsV2({ client }, { Bucket: process.argv[2], MaxKeys: 10 })) {
  for (const o of page.Contents ?? []) console.log(o.Key, o.Size);
  break;
}`,
  },
  dynamodb: {
    job: 'query one partition (native values)',
    lib: (entry) => `import { DynamoDB, Key } from ${entry};
const table = new DynamoDB({ region: 'us-east-1' }).Table(process.argv[2]);
for await (const item of table.query({ KeyConditionExpression: Key('id').eq('u1') })) console.log(item);`,
    raw: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery } from '@aws-sdk/lib-dynamodb';
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' }));
const input = { TableName: process.argv[2], KeyConditionExpression: '#k = :v', ExpressionAttributeNames: { '#k': 'id' }, ExpressionAttributeValues: { ':v': 'u1' } };
for await (const page of paginateQuery({ client }, input)) for (const item of page.Items ?? []) console.log(item);`,
  },
  ec2: {
    job: 'list instances by tag',
    lib: (entry) => `import { EC2 } from ${entry};
const ec2 = new EC2({ region: 'us-east-1' });
for await (const i of ec2.instances.filter({ Filters: [{ Name: 'tag:env', Values: ['dev'] }] })) console.log(i.id, i.data.State?.Name);`,
    raw: `import { EC2Client, paginateDescribeInstances } from '@aws-sdk/client-ec2';
const client = new EC2Client({ region: 'us-east-1' });
for await (const page of paginateDescribeInstances({ client }, { Filters: [{ Name: 'tag:env', Values: ['dev'] }] })) {
  for (const r of page.Reservations ?? []) for (const i of r.Instances ?? []) console.log(i.InstanceId, i.State?.Name);
}`,
  },
  lambda: {
    job: 'read a function, invoke it with JSON',
    lib: (entry) => `import { Lambda } from ${entry};
const fn = new Lambda({ region: 'us-east-1' }).Function(process.argv[2]);
console.log(await fn.runtime);
console.log((await fn.invoke({ Payload: { width: 100 } })).Payload);`,
    raw: `import { LambdaClient, GetFunctionConfigurationCommand, InvokeCommand } from '@aws-sdk/client-lambda';
const client = new LambdaClient({ region: 'us-east-1' });
console.log((await client.send(new GetFunctionConfigurationCommand({ FunctionName: process.argv[2] }))).Runtime);
const out = await client.send(new InvokeCommand({ FunctionName: process.argv[2], Payload: new TextEncoder().encode(JSON.stringify({ width: 100 })) }));
console.log(JSON.parse(new TextDecoder().decode(out.Payload)));`,
  },
};

async function gzippedBytes(contents: string): Promise<number> {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js', sourcefile: 'app.mjs' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no output');
  return gzipSync(output.contents).length;
}

/** One service's app, bundled both ways (bytes, gzipped). */
export interface BundleSize {
  readonly service: Service;
  readonly job: string;
  readonly rawBytes: number;
  readonly libBytes: number;
}

/** The minified + gzipped bundle of each service's app, library and raw. */
export async function bundleSizes(): Promise<BundleSize[]> {
  assertBuilt();
  const sizes: BundleSize[] = [];
  for (const service of SERVICES) {
    const app = APPS[service];
    sizes.push({
      service,
      job: app.job,
      rawBytes: await gzippedBytes(app.raw),
      libBytes: await gzippedBytes(app.lib(JSON.stringify(builtEntry(service, 'esm')))),
    });
  }
  return sizes;
}
