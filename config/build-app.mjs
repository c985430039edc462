/**
 * Builds the app when a build is missing or older than its sources: dist/weapp (the
 * mini-program, loaded by the weapp tests) and dist/h5 (served by the local cloud, driven by
 * the e2e tests). `npm test` runs it before jest; `node config/build-app.mjs weapp` builds one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The file each build writes last enough to stand for the whole build. */
const OUTPUTS = { weapp: 'dist/weapp/app.js', h5: 'dist/h5/index.html' };

/** Everything a build reads besides node_modules. */
const INPUTS = ['src', 'config/index.ts', 'config/dev.ts', 'config/prod.ts', 'babel.config.js', 'config/babel-nutui-import.js', 'config/nutui-component-path.js'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** True when dist/<type> is missing or older than a source file. */
export function appNeedsBuild(type) {
  const output = join(root, OUTPUTS[type]);
  if (!existsSync(output)) return true;
  const sources = Math.max(...INPUTS.map((input) => join(root, input)).filter(existsSync).map(newestMtime));
  return statSync(output).mtimeMs < sources;
}

/**
 * Runs `taro build --type <type>`; returns the build time in ms. Taro's progress bars are kept
 * out of the test log; on failure the end of its output is in the error.
 */
export function buildApp(type) {
  const started = Date.now();
  const taro = join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro');
  const result = spawnSync(process.execPath, [taro, 'build', '--type', type], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0 || !existsSync(join(root, OUTPUTS[type]))) {
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.split('\n').slice(-60).join('\n');
    throw new Error(`taro build --type ${type} failed (exit ${result.status}):\n${output}`);
  }
  return Date.now() - started;
}

/** Builds each of `types` that needs it. */
export function ensureAppBuilt(types = ['weapp', 'h5'], { quiet = false } = {}) {
  for (const type of types) {
    if (!appNeedsBuild(type)) {
      if (!quiet) console.log(`dist/${type} is up to date`);
      continue;
    }
    if (!quiet) console.log(`building dist/${type} (taro build --type ${type}) …`);
    const ms = buildApp(type);
    if (!quiet) console.log(`built dist/${type} in ${(ms / 1000).toFixed(1)} s`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const requested = process.argv.slice(2).filter((arg) => arg in OUTPUTS);
  try {
    ensureAppBuilt(requested.length > 0 ? requested : ['weapp', 'h5']);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
