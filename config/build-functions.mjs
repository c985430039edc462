/**
 * Builds every deployable cloud function (each folder of cloudfunctions/ not starting with _)
 * into one index.js with esbuild; @cloudbase/node-sdk stays external (CloudBase installs it
 * from the function's package.json). Fails when a bundle exceeds the 300 KB budget.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const functionsDir = join(root, 'cloudfunctions');
const BUDGET_BYTES = 300 * 1024;

export function functionFolders() {
  return readdirSync(functionsDir)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .filter((name) => existsSync(join(functionsDir, name, 'src', 'main.ts')))
    .sort();
}

export async function buildFunctions({ quiet = false } = {}) {
  const sizes = {};
  await Promise.all(
    functionFolders().map(async (name) => {
      const outfile = join(functionsDir, name, 'index.js');
      // Dependencies a function declares (beyond the SDK) are installed by CloudBase, not bundled.
      const pkg = JSON.parse(readFileSync(join(functionsDir, name, 'package.json'), 'utf8'));
      const external = [...new Set(['@cloudbase/node-sdk', ...Object.keys(pkg.dependencies ?? {})])];
      await build({
        entryPoints: [join(functionsDir, name, 'src', 'main.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        minify: true,
        sourcemap: false,
        legalComments: 'none',
        external,
        logLevel: 'error',
      });
      sizes[name] = statSync(outfile).size;
    }),
  );
  const over = Object.entries(sizes).filter(([, size]) => size > BUDGET_BYTES);
  if (!quiet) {
    for (const [name, size] of Object.entries(sizes)) console.log(`function ${name}: ${(size / 1024).toFixed(1)} KB`);
  }
  if (over.length > 0) {
    throw new Error(`function bundles over 300 KB: ${over.map(([n, s]) => `${n} ${(s / 1024).toFixed(1)} KB`).join(', ')}`);
  }
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildFunctions().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
