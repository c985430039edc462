/**
 * DESIGN §10: no user-facing string outside the locale files. Every src/**\/*.tsx (except
 * src/locales and src/shared) must contain no CJK character at all, no JSX text, and no string
 * literal as a JSX child or in a user-facing attribute. The two locales must have the same keys.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import en from '../../src/locales/en';
import zhCN from '../../src/locales/zh-CN';

const root = join(__dirname, '..', '..');
const src = join(root, 'src');
const EXCLUDED = [join(src, 'locales'), join(src, 'shared')];

/** CJK ideographs, kana, hangul, CJK punctuation and full-width forms. */
const CJK = /[\u2E80-\u2FFF\u3000-\u30FF\u3100-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]/;

/** Attributes whose value a person reads or hears. */
const USER_FACING_ATTRIBUTES = new Set([
  'title',
  'placeholder',
  'description',
  'label',
  'text',
  'confirmText',
  'cancelText',
  'content',
  'alt',
  'aria-label',
  'ariaLabel',
  'activeText',
  'inactiveText',
]);

function tsxFiles(dir: string): string[] {
  if (EXCLUDED.includes(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return tsxFiles(full);
    return name.endsWith('.tsx') ? [full] : [];
  });
}

/** Every hard-coded user-facing string in one TSX source, as `line: text`. */
export function findHardCodedText(fileName: string, source: string): string[] {
  const found: string[] = [];
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const report = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    found.push(`${relative(root, fileName)}:${line + 1}: ${JSON.stringify(text.trim())}`);
  };
  const isStringLiteral = (node: ts.Node | undefined): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
    !!node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));

  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && node.text.trim() !== '') report(node, node.text);
    if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) && isStringLiteral(node.expression) && node.expression.text.trim() !== '') {
      report(node, node.expression.text);
    }
    if (ts.isJsxAttribute(node) && USER_FACING_ATTRIBUTES.has(node.name.getText(file))) {
      const value = node.initializer;
      const literal = value && ts.isJsxExpression(value) ? value.expression : value;
      if (isStringLiteral(literal) && literal.text.trim() !== '') report(node, literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  source.split('\n').forEach((line, index) => {
    if (CJK.test(line)) found.push(`${relative(root, fileName)}:${index + 1}: CJK ${JSON.stringify(line.trim())}`);
  });
  return found;
}

function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value as object, `${prefix}${key}.`),
  );
}

describe('user-facing text lives in src/locales', () => {
  const files = tsxFiles(src);

  it('scans the pages and components', () => {
    expect(files.length).toBeGreaterThan(10);
    expect(files.some((f) => f.endsWith(join('pages', 'home', 'index.tsx')))).toBe(true);
  });

  it('finds no hard-coded text in any .tsx', () => {
    const problems = files.flatMap((file) => findHardCodedText(file, readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('the scanner catches each kind of hard-coded text', () => {
    const sample = [
      "const a = <View>加入</View>;",
      "const b = <View>Join now</View>;",
      "const c = <Text>{'Leave'}</Text>;",
      "const d = <SearchBar placeholder='Search groups' />;",
      "const e = <Dialog title={'Confirm'} />;",
      "// 中文注释",
      "const ok = <View className='home__list' data-type='all'>{t('home.search')}</View>;",
    ].join('\n');
    const problems = findHardCodedText(join(src, 'sample.tsx'), sample);
    expect(problems.map((p) => p.replace(/^.*?:(\d+):.*$/, '$1'))).toEqual(['1', '2', '3', '4', '5', '1', '6']);
  });

  it('zh-CN and English have exactly the same keys, none empty', () => {
    expect(keysOf(en)).toEqual(keysOf(zhCN));
    const empty = (tree: object) => keysOf(tree).filter((key) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) === '');
    expect(empty(zhCN)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
