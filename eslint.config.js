// The architecture's rules as checks (README, "Architecture"). Only rules that need no type
// information: the whole repository lints in seconds on two cores.
import fs from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const dirs = (parent) =>
  fs
    .readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

const serverModules = dirs('server/modules');
const webFeatures = dirs('web/src/features');

/**
 * A module is used from outside only through its index.ts. Tests may also share another module's
 * test fixtures (its tests/ folder), still never its internals. The benchmarks are exempt: they
 * time repositories' statements against the routes that use them.
 */
const moduleZones = serverModules.flatMap((module) => {
  const from = `server/modules/${module}`;
  const message = `use ${module} through its index.ts (services, policies, types; never repositories)`;
  const others = serverModules.filter((other) => other !== module).map((other) => `server/modules/${other}`);
  const code = ['server/*.ts', 'server/db', 'server/jobs', 'server/lib', 'server/plugins', 'server/seed', ...others.map((dir) => `${dir}/{*.ts,!(tests)/**}`)];
  const tests = ['server/test', ...others.map((dir) => `${dir}/tests`)];
  return [
    ...code.map((target) => ({ target, from, except: ['./index.ts'], message })),
    ...tests.map((target) => ({ target, from, except: ['./index.ts', './tests'], message })),
  ];
});

const featureZones = webFeatures.map((feature) => ({
  target: `web/src/features/${feature}`,
  from: 'web/src/features',
  except: [`./${feature}`],
  message: 'web features do not import each other: move what they share into web/src/lib',
}));

const foundationZones = [
  ...['server/db', 'server/lib'].map((target) => ({ target, from: 'server/modules', message: `${target} is below the modules and imports none of them` })),
  { target: 'web/src/lib', from: 'web/src/features', message: 'web/src/lib is shared by the features and imports none of them' },
];

export default tseslint.config(
  { ignores: ['dist/', 'data/', 'node_modules/', 'e2e/artifacts/', 'e2e/.data/', 'test-results/', 'playwright-report/', 'server/db/migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // no-cycle parses every imported file: it must read TypeScript too.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.json', 'tsconfig.web.json'], noWarnOnMultipleProjects: true }),
      ],
    },
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      'import-x/no-cycle': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(\\.\\./){2,}', message: 'use the path aliases @server/*, @common/*, @web/* instead of climbing two or more folders' }] },
      ],
      // An underscore marks what is left out on purpose, e.g. a field dropped by destructuring.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'import-x/no-restricted-paths': ['error', { zones: [...moduleZones, ...featureZones, ...foundationZones] }],
    },
  },
  {
    // Tests read JSON bodies whose shape is the assertion itself.
    files: ['**/*.test.ts', '**/*.test.tsx', 'server/test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
