// Test tiers (see README "Tests"). The integration-db suites run twice: on the embedded
// PGlite and on PostgreSQL + pgvector (TEST_DATABASE_URL).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  setupFiles: ['<rootDir>/backend/tests/fixtures/quiet-logs.ts'],
};
const postgres = {
  globalSetup: '<rootDir>/backend/tests/fixtures/postgres.global-setup.ts',
  globalTeardown: '<rootDir>/backend/tests/fixtures/postgres.global-teardown.ts',
};
const dbSuites = ['<rootDir>/backend/tests/integration/db/**/*.spec.ts'];

module.exports = {
  // Real databases and models: a generous ceiling for slow machines, not a performance target.
  testTimeout: 120_000,
  // One test process, replaced once a file leaves it above this: PGlite instances and apps
  // the files start are not all reclaimed, and a process grown to gigabytes spends its time
  // in garbage collection (a whole run slowed by half). Recycling keeps every file's speed.
  workerIdleMemoryLimit: '1.5GB',
  // Two files at a time on a 2-core machine: most files wait on PostgreSQL, PGlite or the
  // processes they start more than they compute. Files keep apart: their own databases
  // (named by process), Redis prefixes, ports, temporary folders and demo sources.
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/backend/tests/fixtures/skip-summary.reporter.js'],
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/backend/tests/unit/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration-pglite',
      // The rate-limit suite shares a Redis between two apps (TEST_REDIS_URL).
      globalSetup: '<rootDir>/backend/tests/fixtures/redis.global-setup.ts',
      testMatch: dbSuites,
      setupFiles: [...base.setupFiles, '<rootDir>/backend/tests/fixtures/use-pglite.ts'],
    },
    {
      ...base,
      ...postgres,
      globalSetup: '<rootDir>/backend/tests/fixtures/integration-postgres.global-setup.ts',
      displayName: 'integration-postgres',
      // Suites that need PostgreSQL itself (a source database, advisory locks) live apart.
      testMatch: [...dbSuites, '<rootDir>/backend/tests/integration/postgres/**/*.spec.ts'],
      setupFiles: [...base.setupFiles, '<rootDir>/backend/tests/fixtures/use-postgres.ts'],
    },
    {
      // The embedding-worker and search suites again with EMBEDDING_PROVIDER=http, each against
      // its own stand-in inference server (http-embedder.setup.ts); PGlite only, to keep CI short.
      ...base,
      displayName: 'integration-http-embedder',
      testEnvironment: '<rootDir>/backend/tests/fixtures/node-realm.environment.js',
      testMatch: [
        '<rootDir>/backend/tests/integration/db/embedding-worker.spec.ts',
        '<rootDir>/backend/tests/integration/db/search-api.spec.ts',
        '<rootDir>/backend/tests/integration/http-embedder/**/*.spec.ts',
      ],
      setupFiles: [...base.setupFiles, '<rootDir>/backend/tests/fixtures/use-pglite.ts'],
      setupFilesAfterEnv: ['<rootDir>/backend/tests/fixtures/http-embedder.setup.ts'],
    },
    {
      ...base,
      displayName: 'integration-models',
      testEnvironment: '<rootDir>/backend/tests/fixtures/node-realm.environment.js',
      testMatch: ['<rootDir>/backend/tests/integration/models/**/*.spec.ts'],
    },
    {
      ...base,
      ...postgres,
      displayName: 'e2e',
      testMatch: ['<rootDir>/backend/tests/e2e/**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/backend/tests/e2e/browser/'],
      setupFiles: [...base.setupFiles, '<rootDir>/backend/tests/fixtures/use-pglite.ts'],
    },
    {
      // The web app in Chromium (scripts/01-setup/05_install_chromium.sh) on `npm run demo`.
      ...base,
      displayName: 'e2e-browser',
      testMatch: ['<rootDir>/backend/tests/e2e/browser/**/*.spec.ts'],
    },
  ],
};
