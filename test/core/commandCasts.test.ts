/**
 * Commands cast nothing (issue 17): they read typed repositories and zod-parsed values, and a
 * type assertion would hide a wrong shape. The rule is a lint rule scoped to _core/commands
 * (eslint.config.mjs); each case lints a probe as if it stood there (ESLint's --stdin with
 * --stdin-filename), so the test fails if the rule is dropped or its scope moves.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface LintResult {
  messages: Array<{ ruleId: string | null; message: string }>;
}

/** The rule ids `source` breaks, linted as the file at `path`. */
function ruleIds(path: string, source: string): Array<string | null> {
  let output: string;
  try {
    output = execFileSync(process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), '--stdin', '--stdin-filename', path, '--format', 'json'], {
      cwd: root,
      input: source,
      encoding: 'utf8',
    });
  } catch (error) {
    output = String((error as { stdout?: unknown }).stdout ?? '');
  }
  const [result] = JSON.parse(output) as LintResult[];
  return (result?.messages ?? []).map((m) => m.ruleId);
}

const CAST = "export function kindOf(doc: { kind: string }): 'pool' | 'store' {\n  return doc.kind as 'pool' | 'store';\n}\n";

test('lint refuses a cast in a command', () => {
  expect(ruleIds('cloudfunctions/_core/commands/credits/probe.ts', CAST)).toEqual(['@typescript-eslint/consistent-type-assertions']);
}, 60_000);

test('lint lets a command use `as const`, and leaves other layers to their own judgement', () => {
  expect(ruleIds('cloudfunctions/_core/commands/credits/probe.ts', "export const KINDS = ['pool', 'store'] as const;\n")).toEqual([]);
  expect(ruleIds('cloudfunctions/_core/repositories/probe.ts', CAST)).toEqual([]);
}, 60_000);
