/**
 * weapp tests: pages of the REAL dist/weapp build loaded into miniprogram-simulate (official
 * wcc compiler). Only the test files are transformed; the built bundles run exactly as built.
 * `npm test` builds dist/weapp first when it is missing or older than src/ (config/build-app.mjs).
 */
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'weapp',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/weapp/**/*.weapp.test.ts'],
  transform: {
    '/test/.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' }, module: { type: 'commonjs' } }],
  },
};
