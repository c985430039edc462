/**
 * End-to-end: the headless chromium that `npm install` brings (test/support/chromium.ts, with
 * the npm CJK font) driven by playwright-core, against the H5 build served by a real local
 * cloud (`npm start`'s entry) on a free port and a fresh data folder; screenshots go to
 * docs/screenshots/. `npm test` builds dist/h5 first when needed (config/build-app.mjs).
 */
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'e2e',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' }, module: { type: 'commonjs' } }],
  },
  moduleNameMapper: { '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs' },
};
