/** The lint rules (incl. the folder boundaries of DESIGN §3) hold for the whole tree. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

interface LintResult {
  filePath: string;
  messages: Array<{ severity: number; line: number; ruleId: string | null; message: string }>;
}

test('eslint reports no errors', () => {
  const root = join(__dirname, '..');
  // A child process: ESLint loads its flat config with a dynamic import, which jest's VM refuses.
  let output: string;
  try {
    output = execFileSync(process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), '.', '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    output = String((error as { stdout?: unknown }).stdout ?? '');
  }
  const results = JSON.parse(output) as LintResult[];
  const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}:${m.line} ${m.ruleId}: ${m.message}`));
  expect(errors).toEqual([]);
}, 120_000);
