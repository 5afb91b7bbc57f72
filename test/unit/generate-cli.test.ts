/**
 * The checks of `aws-resources generate` before it writes anything: the names a definition
 * uses against the installed v3 client (none wrong in the shipped definitions; each wrong one
 * reported at its JSON path), and the command line's own errors. The command as users run it
 * (packed, installed, generating and running the SSM example) is
 * test/integration/generate-cli.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadDefinition } from '../../src/core/definition-loader.js';
import type { ServiceModelDefinition } from '../../src/core/definition-types.js';
import { checkAgainstClient } from '../../scripts/generator/check-client.js';

const root = resolve(__dirname, '..', '..');
const definitionsDir = join(root, 'resource-definitions');

/** A small SSM definition, correct against the installed client. */
function ssm(): ServiceModelDefinition {
  return {
    service: {
      name: 'ssm',
      className: 'SSM',
      package: '@aws-sdk/client-ssm',
      client: 'SSMClient',
      hasMany: {
        Parameters: {
          request: { operation: 'DescribeParameters' },
          resource: {
            type: 'Parameter',
            identifiers: [{ target: 'Name', source: 'response', path: 'Parameters[].Name' }],
          },
        },
      },
    },
    resources: {
      Parameter: {
        identifiers: [{ name: 'Name' }],
        shape: 'Parameter',
        load: {
          request: {
            operation: 'GetParameter',
            params: [{ target: 'Name', source: 'identifier', name: 'Name' }],
          },
          path: 'Parameter',
        },
        actions: {
          Delete: {
            request: {
              operation: 'DeleteParameter',
              params: [{ target: 'Name', source: 'identifier', name: 'Name' }],
            },
          },
        },
      },
    },
  };
}

describe('checkAgainstClient', () => {
  it.each(
    readdirSync(definitionsDir).filter((name) => name.endsWith('.json') && name !== 'schema.json'),
  )(
    'finds nothing wrong in %s',
    (name) => {
      expect(checkAgainstClient(loadDefinition(join(definitionsDir, name)), root)).toEqual([]);
    },
    120_000,
  );

  it('finds nothing wrong in a correct definition', () => {
    expect(checkAgainstClient(ssm(), root)).toEqual([]);
  });

  it('names each operation, param, shape, waiter and paginator the client lacks, by JSON path', () => {
    const definition = ssm();
    const parameter = definition.resources.Parameter!;
    const broken: ServiceModelDefinition = {
      service: {
        ...definition.service,
        client: 'SsmClient',
        hasMany: {
          Permissions: {
            request: { operation: 'DescribeDocumentPermission' },
            items: 'AccountIds[]',
          },
        },
      },
      resources: {
        Parameter: {
          ...parameter,
          shape: 'Parameters',
          load: {
            request: {
              operation: 'GetParameter',
              params: [{ target: 'Names[0]', source: 'identifier', name: 'Name' }],
            },
            path: 'Parameter',
          },
          actions: { Delete: { request: { operation: 'DeleteParam' } } },
          waiters: { Exists: { waiterName: 'ParameterExists' } },
        },
      },
    };
    expect(checkAgainstClient(broken, root)).toEqual([
      { path: '$.service.client', problem: '@aws-sdk/client-ssm exports no SsmClient' },
      {
        path: '$.service.hasMany.Permissions.request.operation',
        problem:
          "@aws-sdk/client-ssm has no paginator for DescribeDocumentPermission: give the collection's paging.inputTokens and paging.outputTokens (NextToken)",
      },
      {
        path: '$.resources.Parameter.shape',
        problem: '@aws-sdk/client-ssm exports no type Parameters',
      },
      {
        path: '$.resources.Parameter.load.request.params[0].target',
        problem: "GetParameterCommandInput has no member 'Names'",
      },
      {
        path: '$.resources.Parameter.waiters.Exists.waiterName',
        problem: '@aws-sdk/client-ssm exports no waitUntilParameterExists',
      },
      {
        path: '$.resources.Parameter.actions.Delete.request.operation',
        problem: '@aws-sdk/client-ssm exports no DeleteParamCommand',
      },
    ]);
  });

  it('names a package that is not installed', () => {
    const definition = ssm();
    const problems = checkAgainstClient(
      { ...definition, service: { ...definition.service, package: '@aws-sdk/client-nothing' } },
      root,
    );
    expect(problems).toEqual([
      {
        path: '$.service.package',
        problem: expect.stringContaining(`cannot load @aws-sdk/client-nothing from ${root}`),
      },
    ]);
  });
});

describe('the command line', () => {
  const cli = (args: string[], cwd: string) =>
    spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), join(root, 'scripts', 'cli', 'aws-resources.ts'), ...args],
      { cwd, encoding: 'utf8' },
    );
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'aws-resources-cli-'));
    writeFileSync(join(dir, 'package.json'), '{"name":"bare","private":true}');
    writeFileSync(join(dir, 'model.json'), JSON.stringify(ssm()));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('asks for TypeScript in a project without it, and writes nothing', () => {
    const run = cli(['generate', 'model.json', '--out', 'out'], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `reads the client's types with the TypeScript compiler: install it in ${dir} (npm install --save-dev typescript)`,
    );
    expect(readdirSync(dir).sort()).toEqual(['model.json', 'package.json']);
  }, 60_000);

  it('refuses an unknown command, a missing --out and a missing definition, with the usage', () => {
    for (const [args, message] of [
      [['make', 'model.json'], "unknown command 'make'"],
      [['generate', 'model.json'], 'give the output folder: --out <folder>'],
      [['generate', '--out', 'out'], 'give one definition file'],
      [['generate', 'model.json', '--out', 'out', '--force'], "unknown option '--force'"],
    ] as const) {
      const run = cli([...args], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain(
        'Usage: aws-resources generate <definition.json> --out <folder>',
      );
    }
  }, 60_000);
});
