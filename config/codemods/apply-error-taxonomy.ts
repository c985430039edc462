/**
 * Rewrites `new AppError('<CODE>', '<message>'[, issues])` call sites into the factories of the
 * error catalogue (src/shared/domainErrors), adding each file's import with a path computed from
 * where the file is now: it walks the tree and assumes no file name, so it can run again after
 * files move. Idempotent: a second run changes nothing. Call sites it cannot map are listed
 * (file:line, code, message, why) and left untouched.
 *
 *   node --import tsx config/codemods/apply-error-taxonomy.ts          # rewrite
 *   node --import tsx config/codemods/apply-error-taxonomy.ts --check  # exit 1 if anything would change
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { catalogueEntries } from '../../src/shared/domainErrors/catalogue';
import { rewriteSource } from './errorTaxonomy';

const root = join(__dirname, '..', '..');
const catalogueDir = join(root, 'src', 'shared', 'domainErrors');
/** Where call sites live: the functions, and the shared code that throws (policies/authorize). */
const ROOTS = [join(root, 'cloudfunctions'), join(root, 'src', 'shared')];
/** Never rewritten: the catalogue itself and the class it builds on. */
const SKIPPED = [catalogueDir, join(root, 'src', 'shared', 'errors.ts')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (SKIPPED.includes(full) || entry.name === 'node_modules' || entry.name.startsWith('.')) return [];
    if (entry.isDirectory()) return sourceFiles(full);
    // index.js bundles are build output; only TypeScript sources are rewritten.
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The catalogue's import path from `file`, e.g. `../../../src/shared/domainErrors`. */
function specifierFor(file: string): string {
  const path = relative(dirname(file), catalogueDir).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

function main(): void {
  const check = process.argv.includes('--check');
  let changedFiles = 0;
  let mapped = 0;
  const unmapped: string[] = [];
  for (const file of ROOTS.flatMap(sourceFiles)) {
    const before = readFileSync(file, 'utf8');
    const result = rewriteSource(file, before, specifierFor(file), catalogueEntries);
    const shown = relative(root, file).split(sep).join('/');
    for (const site of result.unmapped) unmapped.push(`${shown}:${site.line}  ${site.code}  ${site.message}  — ${site.why}`);
    if (result.text === before) continue;
    changedFiles += 1;
    mapped += result.mapped;
    if (!check) writeFileSync(file, result.text);
  }
  console.log(`${check ? 'would rewrite' : 'rewrote'} ${mapped} call site(s) in ${changedFiles} file(s)`);
  if (unmapped.length > 0) {
    console.log(`\nleft as they are (${unmapped.length}): add a catalogue case or convert by hand`);
    for (const line of unmapped) console.log(`  ${line}`);
  }
  if (check && changedFiles > 0) process.exitCode = 1;
}

main();
