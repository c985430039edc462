/**
 * `npm run deploy:functions`: deploys the built bundles, each with its one timer trigger, to
 * CloudBase — every function, past failures, with merged variables and the data key checked by
 * fingerprint (deploy/deployFunctions.ts, docs/deploy.md). Exits 1 when any function failed.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FONT_PACKAGE, packagedFont } from '../../_core/documents/cjkFont';
import { projectRoot } from '../host/config';
import { parseDataKey } from '../deploy/dataKey';
import { unpinnedDependencies } from '../deploy/dependencies';
import { deployFunctions, summaryTable } from '../deploy/deployFunctions';
import { functionDeployments, functionsRoot } from '../deploy/plan';
import { managerFromEnvironment } from './cloudbaseManager';

/**
 * The proofs function draws Chinese text into PDFs and CloudBase has no CJK font (and the
 * bundle no node_modules): stage one beside its bundle so the upload includes it —
 * LINLI_PDF_FONT, or the Noto Sans S Chinese of the npm package that `npm install` brought.
 */
function stageProofFont(): void {
  const configured = process.env.LINLI_PDF_FONT;
  const source = configured ?? packagedFont();
  if (!source || !existsSync(source)) {
    throw new Error(`no CJK font at ${source ?? FONT_PACKAGE}: run \`npm install\` (it brings ${FONT_PACKAGE}) or set LINLI_PDF_FONT (and LINLI_PDF_FONT_FAMILY for a collection)`);
  }
  const family = configured ? process.env.LINLI_PDF_FONT_FAMILY : undefined;
  const folder = join(projectRoot, 'cloudfunctions', 'proofs', 'fonts');
  // A font staged by an earlier deploy (another file) must not ride along.
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  copyFileSync(source, join(folder, basename(source)));
  writeFileSync(join(folder, 'font.json'), JSON.stringify({ file: basename(source), ...(family ? { family } : {}) }));
}

async function main(): Promise<number> {
  // Before anything is staged or sent: the key, the bundles, the pinned dependencies.
  parseDataKey(process.env.LINLI_DATA_KEY);
  const functions = functionDeployments(process.env);
  const unbuilt = functions.filter((f) => !existsSync(join(functionsRoot(), f.name, 'index.js'))).map((f) => f.name);
  if (unbuilt.length > 0) throw new Error(`not built: ${unbuilt.join(', ')} (npm run build:functions)`);
  const unpinned = unpinnedDependencies();
  if (unpinned.length > 0) {
    throw new Error(`function dependencies differ from package-lock.json (${unpinned.join('; ')}): run node --import tsx cloudfunctions/_local/cli/deploy-config.ts`);
  }
  stageProofFont();
  const manager = managerFromEnvironment();
  const report = await deployFunctions({
    api: manager.functions,
    functions,
    functionRootPath: functionsRoot(),
    recreateOutdatedRuntime: process.argv.includes('--recreate-outdated-runtime'),
  });
  console.log(summaryTable(report));
  if (report.ok) console.log('run `npm run deploy:indexes` once per environment for collections and indexes');
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
