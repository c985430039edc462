/**
 * The error-taxonomy codemod (config/codemods/errorTaxonomy.ts) on source strings: what it maps,
 * what it leaves and reports, the imports it writes, and that a second run changes nothing.
 */
import { rewriteSource } from '../../config/codemods/errorTaxonomy';
import { catalogueEntries } from '../../src/shared/domainErrors/catalogue';

const SPEC = '../../../src/shared/domainErrors';
const rewrite = (text: string) => rewriteSource('cloudfunctions/_core/commands/x.ts', text, SPEC, catalogueEntries);

const SOURCE = `import { AppError, asError } from '../../../src/shared/errors';
import { groupErrors } from '../../../src/shared/domainErrors';

export function f(existing: { status: string }, total: number, activity: { minAge: number }) {
  if (total > 3) throw new AppError('CONFLICT', \`已有 \${total} 人报名，名额不能少于 \${total}\`);
  if (activity.minAge > 1) throw new AppError('FORBIDDEN', \`本活动要求年满 \${activity.minAge} 周岁\`);
  if (total > 2) {
    throw new AppError('INVALID_INPUT', 'guardianConsent: 未满 18 周岁，报名需要监护人同意', [
      { path: 'guardianConsent', message: '未满 18 周岁，报名需要监护人同意' },
    ]);
  }
  if (total > 1) throw new AppError('CONFLICT', existing.status === 'no_show' ? '你已缺席过本次活动' : '你已经报名了本次活动');
  if (total > 0) throw groupErrors.notFound();
  throw asError(new AppError('CONFLICT', '一句目录里没有的话'));
}
`;

describe('rewriteSource', () => {
  const result = rewrite(SOURCE);

  it('maps literal, template and conditional messages and multi-line issues to factories, with params', () => {
    expect(result.mapped).toBe(4);
    expect(result.text).toContain('throw activityErrors.capacityBelowSignups({ total });');
    expect(result.text).toContain('throw signupErrors.tooYoung({ minAge: activity.minAge });');
    expect(result.text).toContain('throw signupErrors.guardianConsentRequired();');
    expect(result.text).toContain("throw existing.status === 'no_show' ? signupErrors.alreadyNoShow() : signupErrors.alreadySignedUp();");
  });

  it('leaves a message the catalogue does not know as it is, and reports it with its line', () => {
    expect(result.text).toContain("new AppError('CONFLICT', '一句目录里没有的话')");
    expect(result.unmapped).toEqual([expect.objectContaining({ line: 14, code: 'CONFLICT', message: '一句目录里没有的话' })]);
  });

  it('merges the groups into the existing catalogue import and keeps AppError while it is used', () => {
    expect(result.text).toContain(`import { activityErrors, groupErrors, signupErrors } from '${SPEC}';`);
    expect(result.text).toContain("import { AppError, asError } from '../../../src/shared/errors';");
  });

  it('is idempotent', () => {
    const again = rewrite(result.text);
    expect(again.text).toBe(result.text);
    expect(again.mapped).toBe(0);
  });

  it('drops AppError from the imports once nothing uses it, or keeps it as a type', () => {
    const gone = rewrite(`import { AppError } from '../errors';\nimport { x } from './x';\n\nexport const f = () => { throw new AppError('RATE_LIMITED', '操作太频繁，请稍后再试'); };\n`);
    expect(gone.text).toBe(`import { x } from './x';\nimport { requestErrors } from '${SPEC}';\n\nexport const f = () => { throw requestErrors.tooFrequent(); };\n`);
    const typed = rewrite(`import { AppError } from '../errors';\n\nexport function f(): AppError {\n  return new AppError('NOT_FOUND', '小组不存在或已解散');\n}\n`);
    expect(typed.text).toContain("import type { AppError } from '../errors';");
    expect(typed.text).toContain('return groupErrors.notFound();');
  });

  it('maps only when the issues are exactly the case’s', () => {
    const other = rewrite(`import { AppError } from '../errors';\nthrow new AppError('INVALID_INPUT', 'code: 签到码不正确或已过期', [{ path: 'otherField', message: '签到码不正确或已过期' }]);\n`);
    expect(other.mapped).toBe(0);
    expect(other.unmapped).toHaveLength(1);
  });
});
