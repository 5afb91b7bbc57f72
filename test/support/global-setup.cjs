/**
 * Jest globalSetup: starts one moto server on 127.0.0.1 for the whole run.
 *
 * Workers are spawned after this runs, so they inherit everything set on process.env here.
 * If the emulator cannot start, this throws: integration tests fail loudly, they never skip.
 * Set AWS_RESOURCES_TEST_ENDPOINT yourself (e.g. after `node scripts/emulator.mjs start`)
 * to reuse a running emulator instead; it is then checked, used and left running.
 */
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const HANDLE = '__AWS_RESOURCES_EMULATOR__';

function setTestEnvironment() {
  const env = process.env;
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // Dummy credentials and a fixed region: tests never use a developer's real account.
  env.AWS_ACCESS_KEY_ID = 'testing';
  env.AWS_SECRET_ACCESS_KEY = 'testing';
  env.AWS_REGION = 'us-east-1';
  env.AWS_DEFAULT_REGION = 'us-east-1';
  env.AWS_EC2_METADATA_DISABLED = 'true';
  delete env.AWS_SESSION_TOKEN;
  delete env.AWS_PROFILE;
  delete env.AWS_DEFAULT_PROFILE;
  for (const name of Object.keys(env)) {
    if (name === 'AWS_ENDPOINT_URL' || name.startsWith('AWS_ENDPOINT_URL_')) delete env[name];
  }
}

module.exports = async function globalSetup() {
  setTestEnvironment();

  const preset = process.env.AWS_RESOURCES_TEST_ENDPOINT;
  if (preset && !globalThis[HANDLE]) {
    const status = await fetch(`${preset.replace(/\/+$/, '')}/moto-api/`, {
      signal: AbortSignal.timeout(5000),
    }).then(
      async (res) => (await res.arrayBuffer(), res.status),
      () => 0,
    );
    if (status !== 200) {
      throw new Error(
        `AWS_RESOURCES_TEST_ENDPOINT=${preset} is set but no moto server answers there ` +
          `(GET /moto-api/ -> ${status || 'no connection'}). Unset it to let the tests start one.`,
      );
    }
    globalThis[HANDLE] = { endpoint: preset, external: true, stop: async () => {} };
    return;
  }

  const emulatorUrl = pathToFileURL(path.join(__dirname, '..', '..', 'scripts', 'emulator.mjs'));
  const { startEmulator } = await import(emulatorUrl.href);
  // Throws with the reason (and moto's output) when it cannot start.
  const emulator = await startEmulator();
  globalThis[HANDLE] = emulator;
  process.env.AWS_RESOURCES_TEST_ENDPOINT = emulator.endpoint;
  if (process.env.AWS_RESOURCES_EMULATOR_VERBOSE) {
    process.stderr.write(
      `\n[emulator] moto at ${emulator.endpoint} (pid ${emulator.pid}, ${emulator.startupMs} ms)\n`,
    );
  }
};
