/** Jest for every suite `npm test` runs (DESIGN §7): one project per kind of test. */
const path = require('node:path');

const root = path.join(__dirname, '..');
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020', transform: { react: { runtime: 'automatic' } } },
    module: { type: 'commonjs' },
  },
];

/** Unit, conformance, functions over HTTP, reliability, lint, app i18n scan: plain Node. */
const node = {
  displayName: 'node',
  rootDir: root,
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // The app's suites have their own projects below (jsdom, built weapp, browser).
  testPathIgnorePatterns: ['/node_modules/', '/test/bench/', '/test/components/', '/test/weapp/', '/test/e2e/'],
  transform: { '^.+\\.(ts|tsx)$': swc },
  // zod's per-locale files are ESM; jest runs CommonJS, so use their .cjs twins.
  moduleNameMapper: { '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs' },
};

/** @type {import('jest').Config} */
module.exports = {
  rootDir: root,
  testTimeout: 60_000,
  maxWorkers: 2,
  projects: [
    node,
    require('./jest.components.config.js'),
    require('./jest.weapp.config.js'),
    require('./jest.e2e.config.js'),
  ],
};
