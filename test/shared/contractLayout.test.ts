/**
 * The shared layer is laid out by deployed function (issue 17): from a function's name alone a
 * reader finds its contract slice (src/shared/api/<fn>.ts), its schemas (schemas/<fn>.ts) and its
 * policies (policies/<fn>.ts). A policy set holds the abilities of its own function's actions (an
 * ability belongs to the function whose actions share its name's prefix, `signups.manage` to
 * `signups`), and a function's commands authorize with its own sets. This checks the real tree,
 * and checks the checker on small layouts that break each rule, so a passing run means the rules
 * were looked at, not skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contract } from '../../src/shared/api/contract';

const root = join(__dirname, '..', '..');
const shared = join(root, 'src', 'shared');

/** Modules named after no function on purpose: the contract's types and merge, shared building blocks, the policy machinery. */
const SHARED_MODULES = { api: ['contract', 'actionSpec', 'actionRoles'], schemas: ['common'], policies: ['authorize', 'actor'] } as const;

/**
 * Functions that serve actions but judge no ability of their own. console: its staff see a region
 * by staff scope (authz/staffScope.ts `region.oversee`), the server-only judgement roles and
 * volunteers share; inbox: a person reads and marks her own inbox, selected by her id.
 */
const FUNCTIONS_WITHOUT_ABILITIES: readonly string[] = ['console', 'inbox'];

/** Abilities named after no function's actions, and the function whose set holds them. */
const ABILITIES_NAMED_AFTER_NO_ACTION: Record<string, string> = {
  // account.me's abilities open the staff console in the app, which reads this name.
  'staff.console': 'account',
};

/**
 * Abilities of one function that another function's commands judge too, and which ones. A post
 * in a group its reader may not see answers like a missing post (posts/remove.ts); the app reads
 * the two leaders' abilities on the group page, so the `members` actions they gate keep the
 * group's names; a group poster is an invitation (groups/poster.ts).
 */
const CROSS_FUNCTION_GATES: Record<string, readonly string[]> = {
  'groups.view': ['posts'],
  'groups.manageMembers': ['members'],
  'groups.transfer': ['members'],
  'invites.create': ['groups'],
};

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
  /** Each policies/<file>.ts: its exported policy sets (by export name) and their abilities. */
  policySets: Record<string, Record<string, string[]>>;
  /** Per function, each ability of a shared policy set that a file of commands/<fn>/ names. */
  commandAbilities: Record<string, Array<{ file: string; ability: string }>>;
}

/** The function an ability belongs to: the one serving the action of that name, or actions with its prefix. */
function ownerOf(ability: string, contract: Layout['contract']): string | null {
  const action = contract[ability];
  if (action) return action.fn;
  const prefix = ability.split('.')[0];
  const owners = new Set(Object.entries(contract).filter(([name]) => name.split('.')[0] === prefix).map(([, spec]) => spec.fn));
  if (owners.size === 1) return [...owners][0]!;
  return ABILITIES_NAMED_AFTER_NO_ACTION[ability] ?? null;
}

function policyProblems(layout: Layout): string[] {
  const problems: string[] = [];
  const serving = new Set(Object.values(layout.contract).map((spec) => spec.fn));
  for (const fn of [...serving].sort()) {
    if (!layout.policyFiles.includes(fn) && !FUNCTIONS_WITHOUT_ABILITIES.includes(fn)) problems.push(`${fn}: serves actions but has no src/shared/policies/${fn}.ts`);
  }

  /** Where each ability is held: policies/<file>.ts. */
  const homes = new Map<string, string>();
  for (const [file, sets] of Object.entries(layout.policySets)) {
    for (const [set, abilities] of Object.entries(sets)) {
      for (const ability of abilities) {
        const owner = ownerOf(ability, layout.contract);
        if (!owner) problems.push(`src/shared/policies/${file}.ts: ${set} holds ${ability}, named after no function's actions`);
        else if (owner !== file) problems.push(`src/shared/policies/${file}.ts: ${set} holds ${ability}, an ability of '${owner}'`);
        const home = homes.get(ability);
        if (home !== undefined) problems.push(`${ability}: in policies/${home}.ts and policies/${file}.ts`);
        homes.set(ability, file);
      }
    }
  }

  for (const [fn, uses] of Object.entries(layout.commandAbilities)) {
    for (const { file, ability } of uses) {
      const home = homes.get(ability);
      if (home === undefined || home === fn || CROSS_FUNCTION_GATES[ability]?.includes(fn)) continue;
      problems.push(`commands/${fn}/${file}: judges ${ability}, an ability of policies/${home}.ts`);
    }
  }
  return problems;
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
  return [...problems, ...policyProblems(layout)];
}

const modulesIn = (kind: 'api' | 'schemas' | 'policies') =>
  readdirSync(join(shared, kind))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -'.ts'.length))
    .sort();

/** A policy set as a module exports it: a plain object of predicates (helpers like `isLeadership` are functions, not sets). */
function isPolicySet(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.keys(value).length > 0 && Object.values(value).every((v) => typeof v === 'function');
}

function policySetsIn(file: string): Record<string, string[]> {
  const module = require(join(shared, 'policies', file)) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(module).flatMap(([name, value]) => (isPolicySet(value) ? [[name, Object.keys(value)]] : [])));
}

/** Every quoted ability of a shared set that each command file names (authorize, allows, a loader's argument, includes). */
function commandAbilitiesIn(commandsDir: string, known: Set<string>): Layout['commandAbilities'] {
  const found: Layout['commandAbilities'] = {};
  for (const fn of readdirSync(commandsDir)) {
    found[fn] = [];
    for (const file of readdirSync(join(commandsDir, fn)).filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(join(commandsDir, fn, file), 'utf8');
      for (const [, ability] of text.matchAll(/'([a-zA-Z]+\.[a-zA-Z]+)'/g)) if (known.has(ability!)) found[fn].push({ file, ability: ability! });
    }
  }
  return found;
}

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
  const policyFiles = modulesIn('policies');
  const policySets = Object.fromEntries(policyFiles.map((file) => [file, policySetsIn(file)]));
  const abilities = new Set(Object.values(policySets).flatMap((sets) => Object.values(sets).flat()));
  const commandAbilities = commandAbilitiesIn(join(functionsDir, '_core', 'commands'), abilities);
  return { deployed, contract, slices, schemaFiles, policyFiles, schemaExports, policySets, commandAbilities };
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

  test('finds the policy sets and the abilities commands judge', () => {
    // Guards the policy checks against a walk that found nothing to check.
    expect(Object.keys(layout.policySets.signups ?? {})).toEqual(['proxyCommunityPolicies', 'residentProxyPolicies', 'signupPolicies']);
    expect(layout.commandAbilities.signups).toContainEqual({ file: 'create.ts', ability: 'signups.create' });
    expect(Object.values(layout.commandAbilities).flat().length).toBeGreaterThanOrEqual(40);
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
    policySets: { signups: { signupPolicies: ['signups.create', 'signups.manage'] } },
    commandAbilities: { signups: [{ file: 'create.ts', ability: 'signups.create' }] },
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

  test('fails when a function that serves actions has no policy file', () => {
    const layout = good();
    layout.policyFiles = ['actor', 'authorize'];
    expect(layoutProblems(layout)).toEqual(['signups: serves actions but has no src/shared/policies/signups.ts']);
  });

  test("fails when a set holds another function's ability, one named after no function, or one held twice", () => {
    const layout = good();
    layout.deployed.push('activities');
    layout.policyFiles.push('activities');
    layout.contract['activities.get'] = { fn: 'activities', input: {} };
    layout.slices.activities = { 'activities.get': layout.contract['activities.get'] };
    layout.policySets.activities = { activityPolicies: ['activities.view', 'signups.manage', 'checkin.show'] };
    expect(layoutProblems(layout)).toEqual([
      "src/shared/policies/activities.ts: activityPolicies holds signups.manage, an ability of 'signups'",
      'signups.manage: in policies/signups.ts and policies/activities.ts',
      "src/shared/policies/activities.ts: activityPolicies holds checkin.show, named after no function's actions",
    ]);
  });

  test("fails when a function's commands judge another function's ability", () => {
    const layout = good();
    layout.deployed.push('posts');
    layout.contract['posts.create'] = { fn: 'posts', input: {} };
    layout.slices.posts = { 'posts.create': layout.contract['posts.create'] };
    layout.policyFiles.push('posts');
    layout.policySets.posts = { postPolicies: ['posts.create'] };
    layout.commandAbilities.posts = [{ file: 'create.ts', ability: 'signups.manage' }];
    expect(layoutProblems(layout)).toEqual(['commands/posts/create.ts: judges signups.manage, an ability of policies/signups.ts']);
  });
});

describe('each function routes its own slice of the contract', () => {
  const functionsDir = join(root, 'cloudfunctions');
  const folders = readdirSync(functionsDir).filter((name) => !name.startsWith('_') && existsSync(join(functionsDir, name, 'src', 'main.ts')));

  test('every function of the contract has a folder (a folder may serve timers only: system)', () => {
    const served = [...new Set(Object.values(contract).map((spec) => spec.fn))];
    expect(served.filter((fn) => !folders.includes(fn))).toEqual([]);
    expect(folders).toContain('proofs');
  });

  // createHandler takes the slice, so a bundle carries its own actions' schemas only.
  test.each(folders)('%s/src/main.ts passes its slice, whose actions are exactly those the merged contract gives it', async (fn) => {
    const main = readFileSync(join(functionsDir, fn, 'src', 'main.ts'), 'utf8');
    expect(main).toContain(`import { ${fn}Actions } from '../../../src/shared/api/${fn}';`);
    expect(main).toContain(`contract: ${fn}Actions,`);
    const slice = ((await import(join(shared, 'api', fn))) as Record<string, Record<string, { fn: string }>>)[`${fn}Actions`]!;
    const merged = Object.entries(contract).filter(([, spec]) => spec.fn === fn).map(([name]) => name).sort();
    expect(Object.keys(slice).sort()).toEqual(merged);
    expect(Object.values(slice).every((spec) => spec.fn === fn)).toBe(true);
  });
});
