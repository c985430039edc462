/**
 * The mini-program's own type check (src/tsconfig.json): ES2020 built-ins only, because older
 * iOS WeChat lacks later ones (Array.prototype.at shipped in two staff pages once) and Taro's
 * build does not polyfill them. The root `tsc` cannot catch them: it needs ES2022 and
 * @types/node for the cloud functions and tests, and @types/node adds Array#at to every array.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

test('src/ type-checks against ES2020 built-ins (no Array#at, Object.hasOwn…)', () => {
  const root = join(__dirname, '../..');
  let output = '';
  try {
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'src/tsconfig.json'), '--noEmit'], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    output = String((error as { stdout?: unknown }).stdout ?? error);
  }
  expect(output).toBe('');
}, 180_000);
