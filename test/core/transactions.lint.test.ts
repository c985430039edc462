/**
 * The lint half of the guard against writes that silently leave their transaction (issue 19):
 * node-sdk sends no transaction id with `where().update()`, `where().remove()`, `count()`,
 * `aggregate()` or a collection-wide `update()`/`remove()` (@cloudbase/database query.js and
 * collection.js), so on a transaction's collection they run outside it and survive its rollback.
 * The `no-restricted-syntax` rule of eslint.config.mjs refuses them in cloudfunctions/; this lints
 * a probe as if it stood in _core/repositories and in _core/ledger (ESLint's --stdin with
 * --stdin-filename) and checks that exactly the marked lines are refused. The runtime half is
 * runtime/transactions.ts guardTransaction (test/core/runtime.transactions.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

interface LintMessage {
  ruleId: string | null;
  line: number;
  message: string;
}

function lint(path: string, source: string): LintMessage[] {
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
  const [result] = JSON.parse(output) as Array<{ messages: LintMessage[] }>;
  return result?.messages ?? [];
}

/** Lines ending in `// leaves` must be refused; every other line must pass. */
const PROBE = `import type { Transaction } from '../runtime/transactions';
import { database } from '../runtime/cloudbase';

const plain = () => database().collection('probe');

export async function leaving(tx: Transaction, id: string): Promise<void> {
  await tx.collection('probe').where({ id }).update({ n: 1 }); // leaves
  await tx.collection('probe').where({ id }).limit(1).remove(); // leaves
  await tx.collection('probe').where({ id }).count(); // leaves
  await tx.collection('probe').aggregate().end(); // leaves
  await tx.collection('probe').update({ n: 1 }); // leaves
  await tx.collection('probe').remove(); // leaves
}

export async function optionallyInside(id: string, tx?: Transaction): Promise<void> {
  await (tx ? tx.collection('probe') : plain()).where({ id }).update({ n: 1 }); // leaves
  await (tx ? tx.collection('probe') : plain()).doc(id).update({ n: 1 });
}

export async function staying(tx: Transaction, id: string): Promise<void> {
  await tx.collection('probe').doc(id).update({ n: 1 });
  await tx.collection('probe').doc(id).set({ n: 1 });
  await tx.collection('probe').doc(id).remove();
  await tx.collection('probe').doc(id).get();
  await tx.collection('probe').where({ id }).updateAndReturn({ n: 1 });
  await tx.collection('probe').where({ id }).get();
  await tx.collection('probe').add({ n: 1 });
  await plain().where({ id }).update({ n: 1 });
  await plain().where({ id }).remove();
  await plain().where({ id }).count();
}
`;

const marked = PROBE.split('\n').flatMap((line, index) => (line.endsWith('// leaves') ? [index + 1] : []));

test.each([
  ['a repository', 'cloudfunctions/_core/repositories/probe.ts', PROBE],
  // Commands reach collections only through these layers (eslint.config.mjs forbids them runtime/cloudbase).
  ['the ledger', 'cloudfunctions/_core/ledger/probe.ts', PROBE],
])('lint refuses in %s exactly the calls node-sdk sends outside the transaction', (_where, path, source) => {
  const messages = lint(path, source);
  const refused = messages.filter((m) => m.ruleId === 'no-restricted-syntax');
  expect(refused.map((m) => m.line)).toEqual(marked);
  expect(refused[0]!.message).toContain('node-sdk runs this outside the transaction');
  // The probe breaks no other rule where it stands (so a line moving is what a failure means).
  expect(messages.filter((m) => m.ruleId !== 'no-restricted-syntax')).toEqual([]);
}, 60_000);

test('the rule is scoped to the functions: a test may call them on purpose', () => {
  expect(lint('test/core/probe.ts', PROBE.replaceAll("'../runtime/", "'../../cloudfunctions/_core/runtime/")).filter((m) => m.ruleId === 'no-restricted-syntax')).toEqual([]);
}, 60_000);

const OPENS = `import { database } from '../runtime/cloudbase';

export async function opensItsOwn(): Promise<void> {
  await database().runTransaction(async () => undefined); // opens
  const tx = await database().startTransaction(); // opens
  await tx.commit();
}
`;

test('lint refuses a transaction opened anywhere but inTransaction, whose transaction is the guarded one', () => {
  const opened = OPENS.split('\n').flatMap((line, index) => (line.endsWith('// opens') ? [index + 1] : []));
  const refused = lint('cloudfunctions/_core/repositories/probe.ts', OPENS).filter((m) => m.ruleId === 'no-restricted-syntax');
  expect(refused.map((m) => m.line)).toEqual(opened);
  expect(refused[0]!.message).toContain('Open transactions with inTransaction');
  expect(lint('cloudfunctions/_core/runtime/transactions.ts', OPENS.replaceAll("'../runtime/", "'./")).filter((m) => m.ruleId === 'no-restricted-syntax')).toEqual([]);
}, 60_000);
