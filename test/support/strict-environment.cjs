/**
 * The jest test environment: Node's, plus a check that no promise rejection goes unhandled.
 *
 * jest-circus fails the running test or hook on an unhandled rejection, but only inside its
 * own window: it swaps its listeners onto the process at its `setup` event and takes them off
 * at `teardown`. This environment listens on the real process from its own setup to its
 * teardown (so also just before and just after that window) and fails the test file when a
 * rejection reached it. It has to be an environment: test code and setupFiles run in a VM
 * whose `process` is a copy, where `process.on('unhandledRejection')` never fires. A
 * rejection later still (a timer firing after the file ended) meets Node's default and
 * crashes the worker: the run fails either way.
 */
const { TestEnvironment } = require('jest-environment-node');

class StrictEnvironment extends TestEnvironment {
  #unhandled = [];
  #listener = (reason) => {
    this.#unhandled.push(reason);
  };

  async setup() {
    await super.setup();
    process.on('unhandledRejection', this.#listener);
  }

  async teardown() {
    // Let rejections from the file's last moments surface before looking.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('unhandledRejection', this.#listener);
    await super.teardown();
    if (this.#unhandled.length > 0) {
      const reasons = this.#unhandled.map((reason) =>
        reason instanceof Error ? (reason.stack ?? reason.message) : String(reason),
      );
      throw new Error(
        `${this.#unhandled.length} unhandled promise rejection(s) outside any test:\n` +
          reasons.join('\n'),
      );
    }
  }
}

module.exports = StrictEnvironment;
