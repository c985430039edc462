/** `npm run deploy:functions`: deploys the built bundles (with their timer triggers) to CloudBase. */
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FONT_PACKAGE, packagedFont } from '../../_core/documents/cjkFont';
import { projectRoot } from '../host/config';
import { functionDeployments } from '../deploy/plan';
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

async function main(): Promise<void> {
  stageProofFont();
  const manager = managerFromEnvironment();
  for (const func of functionDeployments()) {
    console.log(`deploying ${func.name} …`);
    await manager.functions.createFunction({
      func: { ...func, ignore: ['src/**', 'node_modules/**', '*.map'] },
      functionRootPath: join(projectRoot, 'cloudfunctions'),
      force: true,
    });
  }
  console.log('functions deployed; run `npm run deploy:indexes` once per environment for collections and indexes');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
