/**
 * Jest runs the TypeScript sources through ts-jest in CommonJS mode. ts-jest only transpiles
 * (no type-check) because tsconfig.json sets isolatedModules; `npm run typecheck` type-checks.
 */
module.exports = {
  // Node's environment, plus: an unhandled promise rejection fails the test file.
  testEnvironment: '<rootDir>/test/support/strict-environment.cjs',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  globalSetup: '<rootDir>/test/support/global-setup.cjs',
  globalTeardown: '<rootDir>/test/support/global-teardown.cjs',
  testTimeout: 60000,
};
