/** The lint rules (incl. the folder boundaries of DESIGN §3) hold for the whole tree. */
import { ESLint } from 'eslint';
import { join } from 'node:path';

test('eslint reports no errors', async () => {
  const eslint = new ESLint({ cwd: join(__dirname, '..') });
  const results = await eslint.lintFiles(['.']);
  const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}:${m.line} ${m.ruleId}: ${m.message}`));
  expect(errors).toEqual([]);
}, 120_000);
