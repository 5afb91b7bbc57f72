/**
 * Runs a moto server of its own for a test file that needs another Lambda configuration than
 * the shared emulator's (Jest's test sandbox cannot import scripts/emulator.mjs itself).
 * Prints `{"endpoint","pid"}` as one line once moto answers; stops moto and exits when its
 * stdin closes (the test file's process ended or called stop()).
 */
import { startEmulator } from '../../scripts/emulator.mjs';

const emulator = await startEmulator();
process.stdout.write(`${JSON.stringify({ endpoint: emulator.endpoint, pid: emulator.pid })}\n`);
process.stdin.on('end', () => {
  emulator.stop().then(() => process.exit(0));
});
process.stdin.resume();
