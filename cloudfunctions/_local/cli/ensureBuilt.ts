/** Builds what `npm start` serves when it is missing: the function bundles and the H5 app. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../host/config';
import { deployableFunctions } from '../host/functionHost';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'index.js') continue;
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when some bundle is missing or stale. */
export function functionsNeedBuild(): boolean {
  const sources = Math.max(newestMtime(join(projectRoot, 'cloudfunctions')), newestMtime(join(projectRoot, 'src', 'shared')));
  return deployableFunctions().some((fn) => {
    const bundle = join(projectRoot, 'cloudfunctions', fn, 'index.js');
    return !existsSync(bundle) || statSync(bundle).mtimeMs < sources;
  });
}

/** Builds the H5 app once when it is missing (a later rebuild is `npm run build:h5`). */
function ensureH5Built(): void {
  if (existsSync(join(projectRoot, 'dist', 'h5', 'index.html'))) return;
  if (!existsSync(join(projectRoot, 'src', 'app.config.ts'))) return;
  console.log('首次启动：正在构建 H5 页面（约 30 秒）… / first start: building the H5 app (about 30 s)…');
  const taro = join(projectRoot, 'node_modules', '@tarojs', 'cli', 'bin', 'taro');
  const result = spawnSync(process.execPath, [taro, 'build', '--type', 'h5'], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error('H5 build failed: run `npm run build:h5` to see why');
}

export async function ensureBuilt(options: { h5?: boolean } = {}): Promise<void> {
  if (options.h5 !== false) ensureH5Built();
  if (functionsNeedBuild()) {
    const { buildFunctions } = (await import(join(projectRoot, 'config', 'build-functions.mjs'))) as {
      buildFunctions: (options?: { quiet?: boolean }) => Promise<unknown>;
    };
    await buildFunctions({ quiet: true });
  }
}
