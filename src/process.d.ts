/**
 * `process.env` for src/tsconfig.json alone. The app's check leaves out @types/node: it declares
 * Array#at (RelativeIndexable) whatever the lib, which would hide exactly the built-ins older
 * iOS WeChat lacks. Taro replaces `process.env.*` at build time, so `env` is all the app reads.
 * The root tsconfig.json excludes this file (it has @types/node's `process`).
 */
declare const process: { env: NodeJS.ProcessEnv };
