/**
 * Layer and LayerVersion against moto: publishLayerVersion (zip as bytes or a path),
 * loading a layer (its latest version) and a layer version, publishVersion, the versions and
 * layers collections, delete.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Lambda, Layer, LayerVersion } from '../../src/resources/lambda/index.js';
import { ParamValidationError } from '../../src/index.js';
import { countRequests } from '../support/request-counter.js';
import { functionName, lambdaClient, tinyZip } from '../support/lambda.js';

const client = lambdaClient();
const lambda = new Lambda({ client });
const counter = countRequests(client);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lambda-layer-'));
});
afterAll(async () => {
  counter.remove();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => counter.reset());

const layerName = () => functionName('layer');
const content = () => ({ ZipFile: tinyZip({ 'nodejs/node_modules/lib/index.js': '' }) });

describe('Lambda.publishLayerVersion', () => {
  it('makes a LayerVersion with the response as its data', async () => {
    const name = layerName();
    const version = await lambda.publishLayerVersion({
      LayerName: name,
      Content: content(),
      CompatibleRuntimes: ['nodejs20.x'],
    });
    expect(version).toBeInstanceOf(LayerVersion);
    expect([version.layerName, version.version]).toEqual([name, 1]);
    expect(await version.compatibleRuntimes).toEqual(['nodejs20.x']);
    expect(await version.layerVersionArn).toMatch(new RegExp(`:layer:${name}:1$`));
    expect(counter.byOperation).toEqual({ PublishLayerVersion: 1 });
  });

  it('reads Content.ZipFile from a path, and fails before any request when it is missing', async () => {
    const zip = tinyZip({ 'python/lib.py': 'X = 1\n' });
    const path = join(dir, 'layer.zip');
    await writeFile(path, zip);
    const version = await lambda.publishLayerVersion({
      LayerName: layerName(),
      Content: { ZipFile: path },
    });
    expect((await version.content)?.CodeSize).toBe(zip.length);
    counter.reset();
    await expect(
      lambda.publishLayerVersion({
        LayerName: layerName(),
        Content: { ZipFile: join(dir, 'nope.zip') },
      }),
    ).rejects.toThrow(ParamValidationError);
    expect(counter.total).toBe(0);
  });
});

describe('Layer', () => {
  it('publishVersion publishes the next version, the zip as bytes or a path', async () => {
    const layer = lambda.Layer(layerName());
    const first = await layer.publishVersion({ Content: content(), Description: 'one' });
    const path = join(dir, 'second.zip');
    await writeFile(path, tinyZip({ 'b.txt': 'b' }));
    const second = await layer.publishVersion({ Content: { ZipFile: path } });
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(second.layerName).toBe(layer.name);
    expect(counter.inputs[0]?.input).toMatchObject({ LayerName: layer.name, Description: 'one' });
    await expect(
      layer.publishVersion({ Content: { ZipFile: join(dir, 'x.zip') } }),
    ).rejects.toThrow(/Layer\.publishVersion: cannot read the ZipFile/);
  });

  it('loads its latest version with one ListLayerVersions', async () => {
    const layer = lambda.Layer(layerName());
    await layer.publishVersion({ Content: content() });
    await layer.publishVersion({ Content: content(), Description: 'latest' });
    counter.reset();
    const fresh = lambda.Layer(layer.name);
    const latest = await fresh.latestMatchingVersion;
    expect(latest?.Version).toBe(2);
    expect(latest?.Description).toBe('latest');
    expect(fresh.data?.LayerName).toBe(layer.name);
    expect(counter.inputs).toEqual([
      { operation: 'ListLayerVersions', input: { LayerName: layer.name, MaxItems: 1 } },
    ]);
  });

  it('exists() is false for a layer without versions', async () => {
    expect(await lambda.Layer(layerName()).exists()).toBe(false);
    const layer = lambda.Layer(layerName());
    await layer.publishVersion({ Content: content() });
    expect(await layer.exists()).toBe(true);
  });

  it('the versions collection lists its versions, newest first, and Version(n) makes one', async () => {
    const layer = lambda.Layer(layerName());
    for (let i = 0; i < 3; i++) await layer.publishVersion({ Content: content() });
    counter.reset();
    const versions = await layer.versions.all().toArray();
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions.every((v) => v instanceof LayerVersion && v.layerName === layer.name)).toBe(
      true,
    );
    expect(await versions[0]?.layerVersionArn).toMatch(/:3$/); // from the listing
    expect(counter.byOperation).toEqual({ ListLayerVersions: 1 });
    expect(layer.Version(2).equals(versions[1])).toBe(true);
    expect(lambda.LayerVersion(layer.name, 2).equals(versions[1])).toBe(true);
    expect(layer.Version(2).Layer().equals(layer)).toBe(true);
  });

  it('the layers collection lists layers with their latest version', async () => {
    const layer = lambda.Layer(layerName());
    await layer.publishVersion({ Content: content(), Description: 'listed' });
    counter.reset();
    const found = (await lambda.layers.all().toArray()).find((l) => l.name === layer.name);
    expect(found).toBeInstanceOf(Layer);
    expect(await found?.layerArn).toMatch(new RegExp(`:layer:${layer.name}$`));
    expect((await found?.latestMatchingVersion)?.Description).toBe('listed');
    expect(counter.byOperation).toEqual({ ListLayers: 1 });
  });
});

describe('LayerVersion', () => {
  it('loads with GetLayerVersion, once', async () => {
    const name = layerName();
    await lambda.publishLayerVersion({ LayerName: name, Content: content(), LicenseInfo: 'MIT' });
    counter.reset();
    const version = lambda.LayerVersion(name, 1);
    const [license, arn] = await Promise.all([version.licenseInfo, version.layerArn]);
    expect(license).toBe('MIT');
    expect(arn).toMatch(new RegExp(`:layer:${name}$`));
    expect(counter.inputs).toEqual([
      { operation: 'GetLayerVersion', input: { LayerName: name, VersionNumber: 1 } },
    ]);
  });

  it('delete removes the version', async () => {
    const version = await lambda.publishLayerVersion({
      LayerName: layerName(),
      Content: content(),
    });
    await version.delete();
    expect(counter.inputs.at(-1)).toEqual({
      operation: 'DeleteLayerVersion',
      input: { LayerName: version.layerName, VersionNumber: 1 },
    });
    expect(await version.exists()).toBe(false);
  });

  it('version numbers are integers', () => {
    expect(() => lambda.LayerVersion('x', '1' as unknown as number)).toThrow(
      "LayerVersion: identifier 'version' must be an integer",
    );
  });
});
