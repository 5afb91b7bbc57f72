/** Jest globalTeardown: stops the moto server that global-setup.cjs started. */
const HANDLE = '__AWS_RESOURCES_EMULATOR__';

module.exports = async function globalTeardown() {
  const emulator = globalThis[HANDLE];
  delete globalThis[HANDLE];
  if (!emulator || emulator.external) return;
  delete process.env.AWS_RESOURCES_TEST_ENDPOINT;
  await emulator.stop();
};
