/**
 * Forms validate with the shared schemas and speak the user's language (issue 17 item 4,
 * STYLE 17): every message a shared schema writes has a key in both locales, a form's schema
 * messages come out in English in English mode, and no rule of a schema is copied into the app.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { translate, type Locale, type Translate } from '../../src/locales';
import schemaMessagesEn from '../../src/locales/schemaMessages.en';
import schemaMessagesZhCN from '../../src/locales/schemaMessages.zh-CN';
import { VolunteerRegisterInput } from '../../src/shared/schemas/volunteers';
import { GroupsFoundInput } from '../../src/shared/schemas/groups';
import { ProofsRequestInput } from '../../src/shared/schemas/proofs';
import { issueMessage, schemaFieldErrors, serverIssueMessage } from '../../src/utils/schemaErrors';

const root = join(__dirname, '..', '..');
const shared = join(root, 'src', 'shared');
const HAN = /\p{Script=Han}/u;

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return files(full, pattern);
    return pattern.test(name) ? [full] : [];
  });
}

/** The files whose messages reach people: the schemas and the identity checks they call. */
const messageSources = [...files(join(shared, 'schemas'), /\.ts$/), ...files(join(shared, 'identity'), /\.ts$/)];

/** Every string literal and regular-expression literal of a TypeScript source (comments are not literals). */
function literals(path: string): { strings: string[]; templates: string[]; regexes: string[] } {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found = { strings: [] as string[], templates: [] as string[], regexes: [] as string[] };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.strings.push(node.text);
    else if (ts.isTemplateExpression(node)) found.templates.push(node.getText(file));
    else if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.regexes.push(node.getText(file));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const t = (locale: Locale): Translate => (key, params) => translate(locale, key, params);

describe('schema messages', () => {
  test('every Chinese message of a shared schema has a key, word for word, in both locales', () => {
    const known = new Set<string>(Object.values(schemaMessagesZhCN));
    const missing = messageSources.flatMap((path) => literals(path).strings.filter((text) => HAN.test(text) && !known.has(text)).map((text) => `${relative(root, path)}: ${text}`));
    expect(missing).toEqual([]);
    expect(Object.keys(schemaMessagesEn).sort()).toEqual(Object.keys(schemaMessagesZhCN).sort());
  });

  test('messages built from limits (template literals) are only the text bounds the issue code covers', () => {
    const templates = messageSources.flatMap((path) => literals(path).templates.filter((text) => HAN.test(text)));
    // common.ts text(): `至少 ${min} 个字` / `不能超过 ${max} 个字`, said by forms.tooShort / forms.tooLong.
    expect(templates.sort()).toEqual(['`不能超过 ${max} 个字`', '`至少 ${min} 个字`']);
  });

  const register = {
    realName: '王阿姨',
    idType: 'mainland_id',
    idNumber: '110101195001010011',
    phone: '1380013',
    skills: [],
    sensitiveConsent: true,
  };
  const phoneOf = (errors: Partial<Record<string, string>>) => errors.phone;
  const registerErrors = (locale: Locale) =>
    schemaFieldErrors(VolunteerRegisterInput, register, (path) => (path === 'phone' || path === 'idNumber' ? path : null), (issue) => issueMessage(t(locale), issue, register));

  test("a form's schema messages come out in English in English mode, and as the server says them in Chinese", () => {
    expect(phoneOf(registerErrors('en'))).toBe('Enter an 11-digit mobile number');
    expect(phoneOf(registerErrors('zh-CN'))).toBe('请输入 11 位手机号');
    // The ID number's check digit (src/shared/identity/idNumber.ts, run by the schema).
    expect(registerErrors('en').idNumber).toBe("The ID number's check digit is wrong; please check it");
  });

  test('a cross-field rule (date order) speaks English too', () => {
    const input = { issuerType: 'group', issuerId: 'g1', from: '2030-01-05', to: '2030-01-02' };
    const errors = schemaFieldErrors(ProofsRequestInput, input, (path) => (path === 'to' ? 'period' : null), (issue) => issueMessage(t('en'), issue, input));
    expect(errors.period).toBe('The end date cannot be before the start date');
  });

  test('issues the schema left to zod are worded by code and limits', () => {
    const input = { name: '太', type: 'culture_sports', managementLevel: 'community', communityId: 'c1', description: '一个在北苑社区打太极拳的兴趣小组', contactName: '李', contactPhone: '13800138000', joinPolicy: 'open', tags: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], noShowLimit: 'x' };
    const fieldOf = (path: string) => (path === 'name' || path === 'tags' || path === 'noShowLimit' ? path : null);
    const en = schemaFieldErrors(GroupsFoundInput, input, fieldOf, (issue) => issueMessage(t('en'), issue, input));
    expect(en.name).toBe('At least 2 characters');
    expect(en.tags).toBe('At most 8 tags');
    expect(en.noShowLimit).toBe('Please enter a valid value');
  });

  test("a server's INVALID_INPUT issue is translated when the schema wrote it, else shown as sent", () => {
    expect(serverIssueMessage(t('en'), { path: 'contactPhone', message: '请输入有效的手机号或座机号' })).toBe('Enter a valid mobile or landline number');
    expect(serverIssueMessage(t('en'), { path: 'date', message: '只能申报 90 天内的服务' })).toBe('只能申报 90 天内的服务');
  });
});

describe('no schema rule is copied into the app', () => {
  const appSources = files(join(root, 'src'), /\.(ts|tsx)$/).filter((path) => !path.startsWith(shared + '/') && !path.startsWith(join(root, 'src', 'locales')));

  test('no regular expression of a shared schema appears in the app (use the schema)', () => {
    const schemaRegexes = new Set(messageSources.flatMap((path) => literals(path).regexes));
    const copies = appSources.flatMap((path) => literals(path).regexes.filter((regex) => schemaRegexes.has(regex)).map((regex) => `${relative(root, path)}: ${regex}`));
    expect(copies).toEqual([]);
  });

  test('the phone rule in particular is written once, in the shared schemas', () => {
    const phoneRules = [String.raw`/^1\d{10}$/`, String.raw`/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/`];
    const copies = appSources.filter((path) => phoneRules.some((rule) => readFileSync(path, 'utf8').includes(rule))).map((path) => relative(root, path));
    expect(copies).toEqual([]);
  });
});
