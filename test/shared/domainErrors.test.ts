/**
 * The error catalogue (src/shared/domainErrors) and its texts (src/locales/errors.*): every case
 * speaks both locales with the same placeholders, which are the params it declares; every reason
 * has both texts and no text lacks a case; every reason is unique; the factories make exactly the
 * error the envelope has always carried plus its reason; and no catch-all CONFLICT with a
 * hand-written message is left in the functions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { errorBody } from '../../cloudfunctions/_core/pipeline/envelope';
import careRefusalsEn from '../../src/locales/errors.care.en';
import mainRefusalsEn, { errorIssuesEn } from '../../src/locales/errors.en';
import needsRefusalsEn from '../../src/locales/errors.needs.en';
import staffRefusalsEn from '../../src/locales/errors.staff.en';
import volunteerRefusalsEn from '../../src/locales/errors.volunteer.en';
import { errorTextOf } from '../../src/locales/errors';
import { errorIssuesZhCN } from '../../src/locales/errors.zh-CN';
import { contentErrors, hourErrors, signupErrors, volunteerErrors } from '../../src/shared/domainErrors';
import { catalogueEntries, errorsZhCN, messageOf } from '../../src/shared/domainErrors/catalogue';
import { textAt, type TextsByReason } from '../../src/shared/domainErrors/defineErrors';
import { ErrorCodes, isAppError } from '../../src/shared/errors';
// The subpackages whose functions' refusals load with them (src/locales/errors.<part>.*.ts).
import '../../src/package-care/locale';
import '../../src/package-needs/locale';
import '../../src/package-staff/locale';
import '../../src/package-volunteer/locale';

const root = join(__dirname, '..', '..');
/** Every group's English texts: the main package's and the subpackages' parts (src/locales/errors.*.en.ts). */
const errorsEn: TextsByReason = { ...mainRefusalsEn, ...volunteerRefusalsEn, ...staffRefusalsEn, ...needsRefusalsEn, ...careRefusalsEn };
const CJK = /[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Every `<function>.<case>` a locale's catalogue has a text for. */
const reasonsOf = (texts: TextsByReason) => Object.entries(texts).flatMap(([group, cases]) => Object.keys(cases).map((key) => `${group}.${key}`)).sort();

describe('the catalogue', () => {
  it('has cases', () => {
    expect(catalogueEntries.length).toBeGreaterThan(140);
  });

  it.each(catalogueEntries.map((entry) => [entry.reason, entry] as const))('%s speaks both locales with the same placeholders', (reason, { errorCase }) => {
    expect(ErrorCodes).toContain(errorCase.code);
    const zh = textAt(errorsZhCN, reason) ?? '';
    const en = textAt(errorsEn, reason) ?? '';
    expect(zh).toMatch(CJK);
    expect(en.trim()).not.toBe('');
    expect(en).not.toMatch(CJK);
    expect(placeholders(en)).toEqual(placeholders(zh));
    // The params it declares are the placeholders of its text and of its field's path, no more.
    expect([...(errorCase.params ?? [])].sort()).toEqual([...new Set([...placeholders(zh), ...placeholders(errorCase.field?.path ?? '')])].sort());
    // A message that is only a placeholder would match any call site.
    expect(zh.replace(/\{\w+\}/g, '').trim()).not.toBe('');
    const zhIssue = textAt(errorIssuesZhCN, reason);
    const enIssue = textAt(errorIssuesEn, reason);
    expect(zhIssue === undefined).toBe(enIssue === undefined);
    if (zhIssue !== undefined && enIssue !== undefined) {
      expect(errorCase.field).toBeDefined();
      expect(zhIssue).toMatch(CJK);
      expect(enIssue).not.toMatch(CJK);
    }
  });

  it('has both locale texts for every reason, and no text (or issue text) without a case', () => {
    const reasons = catalogueEntries.map((entry) => entry.reason).sort();
    expect(reasonsOf(errorsZhCN)).toEqual(reasons);
    expect(reasonsOf(errorsEn)).toEqual(reasons);
    const fieldReasons = catalogueEntries.filter((entry) => entry.errorCase.field).map((entry) => entry.reason);
    expect(reasonsOf(errorIssuesEn)).toEqual(reasonsOf(errorIssuesZhCN));
    for (const reason of reasonsOf(errorIssuesZhCN)) expect([reason, fieldReasons.includes(reason)]).toEqual([reason, true]);
    // …and the app's catalogue says them under errors.<reason> once their package has loaded.
    for (const reason of reasons) expect(errorTextOf(reason, 'en')).toBe(textAt(errorsEn, reason));
  });

  it('gives every case a unique reason of the form <function>.<case>', () => {
    const reasons = catalogueEntries.map((entry) => entry.reason);
    expect(new Set(reasons).size).toBe(reasons.length);
    for (const reason of reasons) expect(reason).toMatch(/^[a-z]+\.[a-z]+(_[a-z]+)*$/);
  });

  it('never has two cases the codemod could not tell apart (same code, message and field)', () => {
    const keys = catalogueEntries.map(({ reason, errorCase }) => `${errorCase.code} ${messageOf(reason, errorCase)} ${errorCase.field?.path ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the factories', () => {
  it('make the error the envelope has always carried, plus its reason', () => {
    expect(errorBody(signupErrors.alreadySignedUp())).toEqual({ code: 'CONFLICT', message: '你已经报名了本次活动', reason: 'signups.already_signed_up' });
    expect(errorBody(signupErrors.blockedForNoShows({ count: 3, until: '2026-12-20' }))).toEqual({
      code: 'SIGNUP_CLOSED',
      message: '你在本小组的活动中已缺席 3 次，2026-12-20 前暂不能报名',
      reason: 'signups.blocked_for_no_shows',
      params: { count: 3, until: '2026-12-20' },
    });
  });

  it('make field cases with their one issue', () => {
    expect(errorBody(hourErrors.serviceDateTooOld({ days: 90 }))).toEqual({
      code: 'INVALID_INPUT',
      message: 'serviceDate: 只能申报 90 天内的服务',
      issues: [{ path: 'serviceDate', message: '只能申报 90 天内的服务' }],
      reason: 'hours.service_date_too_old',
      params: { days: 90 },
    });
    expect(errorBody(contentErrors.rejected({ field: 'text' }))).toMatchObject({ message: 'text: 内容含有违规信息，无法发布', issues: [{ path: 'text', message: '内容含有违规信息，无法发布' }] });
    // A message without the field's prefix, and an issue with its own words.
    expect(errorBody(volunteerErrors.communityRequired())).toMatchObject({ message: '请先在“我的”中选择所在社区', issues: [{ path: 'community', message: '请先选择所在社区' }] });
  });

  it('make AppErrors, and the envelope masks anything else as before', () => {
    expect(isAppError(signupErrors.closed())).toBe(true);
    expect(errorBody(new Error('boom'))).toEqual({ code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' });
  });

  it('are said in either locale by reason', () => {
    expect(errorTextOf('signups.already_signed_up', 'en')).toBe('You have already signed up for this activity.');
    expect(errorTextOf('store.per_person_limit', 'zh-CN', { limit: 2 })).toBe('每人最多兑换 2 件');
    expect(errorTextOf('volunteers.community_required', 'en', undefined, { field: true })).toBe('Please choose your community first.');
    expect(errorTextOf('no.such_case', 'en')).toBeUndefined();
  });
});

/** Every `new AppError(...)` in the functions and shared code, outside the catalogue. */
function appErrorCalls(): Array<{ where: string; code: string; message: ts.Expression | undefined; file: ts.SourceFile }> {
  const found: Array<{ where: string; code: string; message: ts.Expression | undefined; file: ts.SourceFile }> = [];
  const skipped = [join(root, 'src', 'shared', 'domainErrors'), join(root, 'src', 'shared', 'errors.ts')];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (skipped.includes(full) || entry.name === 'node_modules') continue;
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const file = ts.createSourceFile(full, readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node): void => {
          if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'AppError') {
            const [code, message] = node.arguments ?? [];
            const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
            found.push({ where: `${relative(root, full)}:${line}`, code: code && ts.isStringLiteral(code) ? code.text : '?', message, file });
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
      }
    }
  };
  walk(join(root, 'cloudfunctions'));
  walk(join(root, 'src', 'shared'));
  return found;
}

describe('after the codemod', () => {
  it('no catch-all CONFLICT with a hand-written message is left (CONFLICT is the category of named cases only)', () => {
    const literal = (node: ts.Expression | undefined): boolean =>
      !!node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node) || (ts.isConditionalExpression(node) && (literal(node.whenTrue) || literal(node.whenFalse))));
    const left = appErrorCalls()
      .filter((call) => call.code === 'CONFLICT' && literal(call.message))
      .map((call) => `${call.where} ${call.message?.getText(call.file)}`);
    expect(left).toEqual([]);
  });
});
