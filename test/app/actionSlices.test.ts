/**
 * The contract slices load with the packages that call them (src/services/actions.ts): every
 * action a file calls is registered by the main package, or — for a file of a subpackage — by
 * that subpackage's actions.ts, which each of its pages imports; an action nobody registered
 * fails before anything is sent. Each package is checked in a module registry of its own, so one
 * package's registrations cannot hide another's gap.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contract, type ActionName } from '../../src/shared/api/contract';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

const files = sources(join(root, 'src')).map((path) => ({ path: relative(root, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));

/** The subpackage a file belongs to, or 'main'. */
function packageOf(path: string): string {
  return /^src\/(package-[a-z]+)\//.exec(path)?.[1] ?? 'main';
}

/** Every action called with a literal name, by package: `call('needs.post', …)`. */
const calledBy = new Map<string, Map<string, string>>();
for (const { path, text } of files) {
  for (const match of text.matchAll(/\bcall(?:<[^>]*>)?\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) {
    const called = calledBy.get(packageOf(path)) ?? new Map<string, string>();
    called.set(match[1]!, path);
    calledBy.set(packageOf(path), called);
  }
}

/** The actions callable once the main package and `pkg` (if a subpackage) have loaded. */
async function registeredWith(pkg: string, actions: string[]): Promise<string[]> {
  let callable: string[] = [];
  await jest.isolateModulesAsync(async () => {
    const registry = await import('../../src/services/actions');
    if (pkg !== 'main' && files.some(({ path }) => path === `src/${pkg}/actions.ts`)) await import(`../../src/${pkg}/actions`);
    callable = actions.filter((action) => registry.isRegistered(action));
  });
  return callable;
}

test('pages call actions of the contract by their literal names', () => {
  expect(calledBy.size).toBeGreaterThan(5);
  const unknown = [...calledBy.values()].flatMap((called) => [...called.keys()]).filter((action) => !(action in contract));
  expect(unknown).toEqual([]);
});

test.each([...calledBy.keys()].sort())('every action %s calls is registered when its pages run', async (pkg) => {
  const called = calledBy.get(pkg)!;
  const callable = new Set(await registeredWith(pkg, [...called.keys()]));
  expect([...called].filter(([action]) => !callable.has(action)).map(([action, path]) => `${action} (${path})`)).toEqual([]);
});

test('every page of a subpackage with its own slices imports them', () => {
  const withSlices = new Set(files.filter(({ path }) => /^src\/package-[a-z]+\/actions\.ts$/.test(path)).map(({ path }) => packageOf(path)));
  expect(withSlices.size).toBeGreaterThan(0);
  const pages = files.filter(({ path }) => withSlices.has(packageOf(path)) && /^src\/package-[a-z]+\/[^/]+\/index\.tsx$/.test(path));
  expect(pages.filter(({ text }) => !/^import '\.\.\/actions';$/m.test(text)).map(({ path }) => path)).toEqual([]);
});

test('the main package leaves the subpackages’ slices out, and an unregistered action fails before anything is sent', async () => {
  await jest.isolateModulesAsync(async () => {
    const registry = await import('../../src/services/actions');
    const needsPost: ActionName = 'needs.post';
    expect(registry.isRegistered('signups.create')).toBe(true);
    expect(registry.isRegistered(needsPost)).toBe(false);
    expect(() => registry.specOf(needsPost)).toThrow('needs.post: its contract slice is not registered by this package');
    await import('../../src/package-needs/actions');
    const isolated = await import('../../src/shared/api/contract');
    expect(registry.specOf(needsPost)).toBe(isolated.contract[needsPost]);
  });
});
