/**
 * The shared layer is laid out by deployed function (issue 17): from a function's name alone a
 * reader finds its contract slice (src/shared/api/<fn>.ts), its schemas (schemas/<fn>.ts) and its
 * policies (policies/<fn>.ts). This checks the real tree, and checks the checker on small layouts
 * that break each rule, so a passing run means the rules were looked at, not skipped.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contract } from '../../src/shared/api/contract';

const root = join(__dirname, '..', '..');
const shared = join(root, 'src', 'shared');

/** Modules named after no function on purpose: the contract's types and merge, shared building blocks, the policy machinery. */
const SHARED_MODULES = { api: ['contract', 'actionSpec'], schemas: ['common'], policies: ['authorize', 'actor'] } as const;

interface Spec {
  fn: string;
  input: unknown;
}

interface Layout {
  /** Folders of cloudfunctions/ that deploy (`_core`, `_local` are libraries). */
  deployed: string[];
  /** The merged contract. */
  contract: Record<string, Spec>;
  /** Each api/<file>.ts (but the shared modules) and its `<file>Actions` table, undefined when it exports none. */
  slices: Record<string, Record<string, Spec> | undefined>;
  schemaFiles: string[];
  policyFiles: string[];
  /** Each schemas/<file>.ts and the values it exports. */
  schemaExports: Record<string, unknown[]>;
}

function layoutProblems(layout: Layout): string[] {
  const problems: string[] = [];
  const deployed = new Set(layout.deployed);

  for (const [name, spec] of Object.entries(layout.contract)) {
    const slice = layout.slices[spec.fn];
    if (!(spec.fn in layout.slices)) problems.push(`${name}: its function '${spec.fn}' has no src/shared/api/${spec.fn}.ts`);
    else if (!slice || !(name in slice)) problems.push(`${name}: not in src/shared/api/${spec.fn}.ts`);
    if (!deployed.has(spec.fn)) problems.push(`${name}: its function '${spec.fn}' is no folder of cloudfunctions/`);
  }
  for (const fn of layout.deployed) if (!(fn in layout.slices)) problems.push(`cloudfunctions/${fn}: no src/shared/api/${fn}.ts`);

  for (const [file, actions] of Object.entries(layout.slices)) {
    if (!deployed.has(file)) problems.push(`src/shared/api/${file}.ts: named after no deployed function`);
    if (!actions) {
      problems.push(`src/shared/api/${file}.ts: exports no ${file}Actions`);
      continue;
    }
    for (const [name, spec] of Object.entries(actions)) {
      if (spec.fn !== file) problems.push(`src/shared/api/${file}.ts: holds ${name}, an action of '${spec.fn}'`);
      // The merge spreads the slices: an action in two slices keeps only the later entry.
      if (layout.contract[name] !== spec) problems.push(`src/shared/api/${file}.ts: ${name} is not the contract's entry (in two slices?)`);
    }
  }

  const named = (kind: 'schemas' | 'policies', files: string[]) => {
    const allowed: readonly string[] = SHARED_MODULES[kind];
    for (const file of files) {
      if (!deployed.has(file) && !allowed.includes(file)) problems.push(`src/shared/${kind}/${file}.ts: named after no deployed function`);
    }
  };
  named('schemas', layout.schemaFiles);
  named('policies', layout.policyFiles);

  // An exported input schema lives with the function that serves the action (inline ones, like `{}`, live in the slice).
  for (const [name, spec] of Object.entries(layout.contract)) {
    const homes = Object.entries(layout.schemaExports)
      .filter(([, values]) => values.includes(spec.input))
      .map(([file]) => file);
    if (homes.length > 0 && !homes.includes(spec.fn)) problems.push(`${name}: its input schema is in schemas/${homes.join(', ')}.ts, not schemas/${spec.fn}.ts`);
  }
  return problems;
}

const modulesIn = (kind: 'api' | 'schemas' | 'policies') =>
  readdirSync(join(shared, kind))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();

function realLayout(): Layout {
  const functionsDir = join(root, 'cloudfunctions');
  const deployed = readdirSync(functionsDir).filter((name) => !name.startsWith('_') && existsSync(join(functionsDir, name, 'config.json')));
  const apiShared: readonly string[] = SHARED_MODULES.api;
  const slices: Layout['slices'] = {};
  for (const file of modulesIn('api').filter((name) => !apiShared.includes(name))) {
    const module = require(join(shared, 'api', file)) as Record<string, Record<string, Spec> | undefined>;
    slices[file] = module[`${file}Actions`];
  }
  const schemaFiles = modulesIn('schemas');
  const schemaExports = Object.fromEntries(
    schemaFiles.map((file) => [file, Object.values(require(join(shared, 'schemas', file)) as Record<string, unknown>)]),
  );
  return { deployed, contract, slices, schemaFiles, policyFiles: modulesIn('policies'), schemaExports };
}

describe('the real tree', () => {
  const layout = realLayout();

  test('finds every deployed function and a slice for each', () => {
    // Guards the checks below against an empty walk (a moved folder would make them vacuous).
    expect(layout.deployed.length).toBeGreaterThanOrEqual(16);
    expect(Object.keys(layout.slices).sort()).toEqual([...layout.deployed].sort());
  });

  test('every action, schema and policy file is where its function name says', () => {
    expect(layoutProblems(layout)).toEqual([]);
  });
});

describe('the checker', () => {
  const Input = { schema: 'SignupsCreateInput' };
  const create: Spec = { fn: 'signups', input: Input };
  const good = (): Layout => ({
    deployed: ['signups', 'system'],
    contract: { 'signups.create': create },
    slices: { signups: { 'signups.create': create }, system: {} },
    schemaFiles: ['common', 'signups'],
    policyFiles: ['actor', 'authorize', 'signups'],
    schemaExports: { common: [], signups: [Input] },
  });

  test('passes a layout that keeps the rules', () => {
    expect(layoutProblems(good())).toEqual([]);
  });

  test("fails when an action's function has no src/shared/api/<fn>.ts", () => {
    const layout = good();
    delete layout.slices.signups;
    expect(layoutProblems(layout)).toEqual([
      "signups.create: its function 'signups' has no src/shared/api/signups.ts",
      'cloudfunctions/signups: no src/shared/api/signups.ts',
    ]);
  });

  test('fails when a slice holds an action of another function', () => {
    const layout = good();
    layout.slices = { signups: {}, system: { 'signups.create': create } };
    expect(layoutProblems(layout)).toEqual([
      'signups.create: not in src/shared/api/signups.ts',
      "src/shared/api/system.ts: holds signups.create, an action of 'signups'",
    ]);
  });

  test('fails when an action is in two slices (the merge would keep one)', () => {
    const layout = good();
    layout.slices.system = { 'signups.create': { ...create } };
    expect(layoutProblems(layout)).toEqual([
      "src/shared/api/system.ts: holds signups.create, an action of 'signups'",
      "src/shared/api/system.ts: signups.create is not the contract's entry (in two slices?)",
    ]);
  });

  test('fails when a schema or policy file is named after no function', () => {
    const layout = good();
    layout.schemaFiles.push('rollCall');
    layout.policyFiles.push('volunteer', 'common');
    expect(layoutProblems(layout)).toEqual([
      'src/shared/schemas/rollCall.ts: named after no deployed function',
      'src/shared/policies/volunteer.ts: named after no deployed function',
      'src/shared/policies/common.ts: named after no deployed function',
    ]);
  });

  test("fails when an action's input schema lives with another function", () => {
    const layout = good();
    layout.schemaExports = { common: [], activities: [Input], signups: [] };
    expect(layoutProblems(layout)).toEqual(['signups.create: its input schema is in schemas/activities.ts, not schemas/signups.ts']);
  });

  test('fails on a slice named after no function, or one without its table', () => {
    const layout = good();
    layout.slices.groupAdmin = undefined;
    expect(layoutProblems(layout)).toEqual([
      'src/shared/api/groupAdmin.ts: named after no deployed function',
      'src/shared/api/groupAdmin.ts: exports no groupAdminActions',
    ]);
  });
});
