/**
 * Component tests: pages and components in jsdom with @testing-library/react and the H5 Taro
 * components (@tarojs/components/lib/react), @tarojs/taro = the real H5 API plus lifecycle hooks
 * (test/mocks/taro.ts). Our code goes through babel with the same NutUI on-demand import plugin
 * as the Taro build, so tests load exactly the components the build loads.
 */
const path = require('node:path');

// Taro (components, taro-h5 and their vendored node_modules) and NutUI ship ESM, as do some of
// their dependencies. Listing them is whack-a-mole, so node_modules are transformed by default
// (fast, swc) except big CommonJS packages that never need it.
const cjs = ['react', 'react-dom', 'scheduler', '@testing-library', 'core-js', 'core-js-pure', '@babel/runtime', 'zod'];

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'components',
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/test/components/**/*.test.{ts,tsx}'],
  setupFiles: ['<rootDir>/test/setup/components.env.js'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/components.after.ts'],
  clearMocks: true,
  transform: {
    '/node_modules/.+\\.(c|m)?jsx?$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript', jsx: true }, target: 'es2019' }, module: { type: 'commonjs' } },
    ],
    '\\.(t|j)sx?$': [
      'babel-jest',
      {
        configFile: false,
        babelrc: false,
        presets: [
          ['@babel/preset-env', { targets: { node: 'current' } }],
          ['@babel/preset-typescript', { allowDeclareFields: true }],
          ['@babel/preset-react', { runtime: 'automatic' }],
        ],
        plugins: [require('./babel-nutui-import'), require('./babel-nutui-icons-import')],
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(${cjs.join('|')})/`],
  moduleNameMapper: {
    '\\.(css|scss|sass|less)$': '<rootDir>/test/mocks/style.js',
    '\\.(png|jpe?g|gif|svg)$': '<rootDir>/test/mocks/file.js',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
    '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs',
  },
};
