/** Builds the function bundles when any is missing or older than its sources. */
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

export async function ensureBuilt(): Promise<void> {
  if (functionsNeedBuild()) {
    const { buildFunctions } = (await import(join(projectRoot, 'config', 'build-functions.mjs'))) as {
      buildFunctions: (options?: { quiet?: boolean }) => Promise<unknown>;
    };
    await buildFunctions({ quiet: true });
  }
}
