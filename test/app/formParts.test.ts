/**
 * One of each form part (issue 17 item 4): the NutUI TextArea (with its maxLength handling) is
 * wrapped once, in src/components/LongText, dates are picked through src/components/DateField
 * alone, and photos through src/components/PhotoPick alone, so a fix to any reaches every form.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

const app = sources(join(root, 'src')).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

const outside = (folder: string, pattern: RegExp) => app.filter(({ path, text }) => !path.startsWith(folder) && pattern.test(text)).map(({ path }) => path);

test('NutUI TextArea is used in LongText only', () => {
  expect(outside('src/components/LongText/', /<TextArea\b|\bTextArea\b[^'\n]*from '@nutui\/nutui-react-taro'|maxLength=\{-1\}/)).toEqual([]);
});

test('dates are picked with DateField only', () => {
  expect(outside('src/components/DateField/', /type='(date|time)'|mode='(date|time)'/)).toEqual([]);
});

test('photos are chosen with PhotoPick only', () => {
  expect(outside('src/components/PhotoPick/', /\bchooseImage\s*\(|\bchooseMedia\s*\(/)).toEqual([]);
});
