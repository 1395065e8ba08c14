import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { aliases } from './vite.config.js';

const resolve = { alias: aliases };

const integrationFiles = ['server/**/*.int.test.ts'];
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

/** The tests of everything that keeps sealed files: run again with the files in a local S3 server. */
const fileStoreTests = [
  'server/lib/file-store/tests/file-store.int.test.ts',
  'server/modules/paper-consents/tests/paper-consents.int.test.ts',
  'server/modules/support/tests/support.int.test.ts',
  'server/modules/pd-keys/tests/pd-keys.int.test.ts',
  'server/modules/data-rights/tests/erasure.int.test.ts',
  'server/ops/backup/tests/backup.int.test.ts',
];

/**
 * unit: pure rules (server and common); web: components in jsdom; integration: HTTP through the
 * app on a real database, once on PGlite and, when TEST_DATABASE_URL is set, again on PostgreSQL;
 * integration-s3: the file tests on PGlite with S3_* pointing at a local S3 server.
 */
export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts'],
          exclude: integrationFiles,
        },
      },
      {
        plugins: [react()],
        resolve,
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['web/src/**/*.test.tsx', 'web/src/**/*.test.ts'],
          setupFiles: ['web/src/test/setup.ts'],
          css: false,
          // A form test types into jsdom key by key; on two busy cores that alone can pass 5 s.
          testTimeout: 20_000,
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          environment: 'node',
          include: integrationFiles,
          globalSetup: ['server/test/global-setup.ts'],
          env: { TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        resolve,
        test: {
          name: 'integration-s3',
          environment: 'node',
          include: fileStoreTests,
          globalSetup: ['server/test/global-setup.ts'],
          env: { TEST_DB: 'pglite', TEST_FILES: 's3' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      ...(withPostgres
        ? [
            {
              resolve,
              test: {
                name: 'integration-postgres',
                environment: 'node',
                include: integrationFiles,
                globalSetup: ['server/test/global-setup.ts'],
                env: { TEST_DB: 'postgres' },
                testTimeout: 30_000,
                hookTimeout: 60_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
