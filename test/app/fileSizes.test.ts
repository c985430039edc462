/**
 * Files that say one thing (issue 17): no source file of the app, the functions or the build
 * passes 400 lines unless a `// long-file: <why>` comment in its first 20 lines says why it
 * stays long. Generated bundles and installed packages are not sources (the same folders
 * .gitignore and eslint.config.mjs leave out).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const SOURCE_FOLDERS = ['src', 'cloudfunctions', 'config'];
const SOURCE_FILE = /\.(ts|tsx|js|mjs|cjs)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'coverage', '.linli-data', '.linli-test', '.swc']);
/** The function bundles that config/build-functions.mjs writes (`cloudfunctions/<fn>/index.js`). */
const BUNDLE = /^cloudfunctions\/[^/]+\/index\.js(\.map)?$/;
const MAX_LINES = 400;
const REASON_WITHIN = 20;
const REASON = /^\s*\/\/ long-file: \S/;

/** Lines as `wc -l` counts them, plus a last line without its newline. */
function lineCount(text: string): number {
  const newlines = text.split('\n').length - 1;
  return text.length > 0 && !text.endsWith('\n') ? newlines + 1 : newlines;
}

/** Why a file's length is a problem, or undefined when it is short or says why it is long. */
function lengthProblem(text: string): string | undefined {
  const lines = lineCount(text);
  if (lines <= MAX_LINES) return undefined;
  if (text.split('\n').slice(0, REASON_WITHIN).some((line) => REASON.test(line))) return undefined;
  return `${lines} lines, and no "// long-file: <why>" in its first ${REASON_WITHIN} lines`;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return SKIPPED_FOLDERS.has(entry.name) ? [] : sourceFiles(path);
    return entry.isFile() && SOURCE_FILE.test(entry.name) && !BUNDLE.test(path) ? [path] : [];
  });
}

const lines = (n: number, first: string[] = []) => [...first, ...Array.from({ length: n - first.length }, (_, i) => `const x${i} = ${i};`)].join('\n') + '\n';

test('the rule: over 400 lines needs a "// long-file:" reason in the first 20 lines', () => {
  expect(lengthProblem(lines(400))).toBeUndefined();
  expect(lengthProblem(lines(401))).toBe('401 lines, and no "// long-file: <why>" in its first 20 lines');
  expect(lengthProblem(lines(401, ['/** A module. */', '// long-file: one table, one row a line']))).toBeUndefined();
  // Too late, empty, or not a line comment of its own: no reason given.
  expect(lengthProblem(lines(401, [...Array.from({ length: 20 }, () => '//'), '// long-file: too late']))).toBeDefined();
  expect(lengthProblem(lines(401, ['// long-file:']))).toBeDefined();
  expect(lengthProblem(lines(401, ['/* long-file: a block comment */']))).toBeDefined();
});

test('the walk finds the sources and leaves generated bundles out', () => {
  const files = SOURCE_FOLDERS.flatMap(sourceFiles);
  expect(files).toEqual(expect.arrayContaining(['src/app.ts', 'cloudfunctions/_local/emulator/store.ts', 'config/build-functions.mjs']));
  expect(files.filter((file) => BUNDLE.test(file) || file.includes('node_modules/'))).toEqual([]);
});

test('no source file passes 400 lines without saying why', () => {
  const problems = SOURCE_FOLDERS.flatMap(sourceFiles)
    .map((file) => ({ file, problem: lengthProblem(readFileSync(join(ROOT, file), 'utf8')) }))
    .filter((entry) => entry.problem !== undefined)
    .map(({ file, problem }) => `${file}: ${problem}`);
  expect(problems).toEqual([]);
});
