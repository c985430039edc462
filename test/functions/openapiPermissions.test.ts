/**
 * Each function's cloud-call permissions (config.json `permissions.openapi`) are exactly the
 * WeChat open APIs its bundle can call (DESIGN §6): a missing one fails on CloudBase only, an
 * extra one grants more than the function needs. Every port declares its APIs beside the call
 * (`{ path, permission }`), and esbuild keeps a declaration only in bundles that call it, so the
 * names found in a built bundle are the APIs it calls.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', 'cloudfunctions');

/** Every open API declared by the ports: `permission: '<name>'` in their sources. */
function declaredApis(): string[] {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts')) for (const match of readFileSync(path, 'utf8').matchAll(/permission: '([\w.]+)'/g)) names.add(match[1]!);
    }
  };
  walk(join(root, '_core'));
  return [...names].sort();
}

const functions = readdirSync(root).filter((name) => !name.startsWith('_') && existsSync(join(root, name, 'config.json')));

test('the ports declare the four open APIs the product uses', () => {
  expect(declaredApis()).toEqual(['security.mediaCheckAsync', 'security.msgSecCheck', 'subscribeMessage.send', 'wxacode.getUnlimited']);
});

test.each(functions)('%s: permissions.openapi equals the open APIs its bundle calls', (fn) => {
  const bundle = readFileSync(join(root, fn, 'index.js'), 'utf8');
  const called = declaredApis().filter((name) => bundle.includes(`"${name}"`) || bundle.includes(`'${name}'`));
  const config = JSON.parse(readFileSync(join(root, fn, 'config.json'), 'utf8')) as { permissions?: { openapi?: string[] } };
  expect([...(config.permissions?.openapi ?? [])].sort()).toEqual(called);
});
