/**
 * Two rules of _core's layers (issue 17) are lint rules scoped to a folder (eslint.config.mjs):
 * commands cast nothing (they read typed repositories and zod-parsed values, and a type assertion
 * would hide a wrong shape), and presenters never open sealed personal data (they are pure views).
 * Each case lints a probe as if it stood there (ESLint's --stdin with --stdin-filename), so the
 * test fails if a rule is dropped or its scope moves.
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

const UNSEAL = "import { openPersonal } from '../privacy/personalData';\nexport const phoneOf = (sealed: string) => openPersonal(sealed);\n";

test('lint refuses a presenter that opens sealed data, and lets a command do it', () => {
  expect(ruleIds('cloudfunctions/_core/presenters/probe.ts', UNSEAL)).toEqual(['no-restricted-imports']);
  expect(ruleIds('cloudfunctions/_core/presenters/probe.ts', "import { maskNickname } from '../privacy/personalData';\nexport const x = maskNickname;\n")).toEqual([]);
  expect(ruleIds('cloudfunctions/_core/commands/volunteers/probe.ts', UNSEAL.replace('../privacy', '../../privacy'))).toEqual([]);
}, 60_000);
