/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }], '/node_modules/jose/.+\\.js$': '<rootDir>/test/tab/jest-esm.js' },
  // jose 6 is ESM only: transformed to CommonJS (test/tab/jest-esm.js); everything else in node_modules is left alone.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  moduleNameMapper: { '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js' },
  testTimeout: 30000,
  // The default summary, then every skipped test with its reason (test/support/skip.ts).
  reporters: ['default', '<rootDir>/test/support/skipped-reporter.js'],
  maxWorkers: 2,
};
