/** Jest for every suite `npm test` runs (DESIGN §7). */
const path = require('node:path');

const root = path.join(__dirname, '..');
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020', transform: { react: { runtime: 'automatic' } } },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  rootDir: root,
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/bench/'],
  transform: { '^.+\\.(ts|tsx)$': swc },
  // zod's per-locale files are ESM; jest runs CommonJS, so use their .cjs twins.
  moduleNameMapper: { '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs' },
  testTimeout: 60_000,
  maxWorkers: 2,
};
