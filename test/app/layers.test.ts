/**
 * The app's layer rules are lint rules, not promises (DESIGN §3, issue 17): a subpackage never
 * imports a main-package page, the services import no store, shared components import no page
 * or subpackage. Each case lints a probe file as if it stood at that path (ESLint's --stdin with
 * --stdin-filename), so the test fails if a zone is dropped from eslint.config.mjs.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface LintResult {
  messages: Array<{ ruleId: string | null; message: string }>;
}

/** The import-x/no-restricted-paths messages of `source` linted as the file at `path`. */
function boundaryMessages(path: string, source: string): string[] {
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
  return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
}

const cases: Array<[string, string, string, RegExp]> = [
  ['a subpackage importing a main-package page', 'src/package-events/roster/probe.ts', "import { actionsFor } from '../../pages/activity/actions';\nexport const x = actionsFor;\n", /Subpackages never import main-package pages/],
  ['the transport importing a store', 'src/services/probe.ts', "import { settingsStore } from '../stores/settings';\nexport const x = settingsStore;\n", /Services import no store/],
  ['a shared component importing a page', 'src/components/Chips/probe.ts', "import { actionsFor } from '../../pages/activity/actions';\nexport const x = actionsFor;\n", /Shared components import no page or subpackage/],
  ['a shared component importing a subpackage', 'src/components/Chips/probe.ts', "import { hoursOf } from '../../package-volunteer/components/format';\nexport const x = hoursOf;\n", /Shared components import no page or subpackage/],
];

test.each(cases)('lint refuses %s', (_name, path, source, message) => {
  expect(boundaryMessages(path, source)).toEqual([expect.stringMatching(message)]);
}, 60_000);

test('lint lets a subpackage import a shared util', () => {
  expect(boundaryMessages('src/package-events/roster/probe.ts', "import { checkinOpen } from '../../utils/checkinWindow';\nexport const x = checkinOpen;\n")).toEqual([]);
}, 60_000);
