/** Shared schemas: exact messages for each failure class (they reach users verbatim). */
import { AccountUpdateProfileInput } from '../../src/shared/schemas/account';
import { ActivitiesListInput } from '../../src/shared/schemas/activities';
import { Id, RequestId, text } from '../../src/shared/schemas/common';

const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.success ? [] : result.error!.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`);

describe('common', () => {
  test('text trims, bounds and refuses control characters', () => {
    const nickname = text(1, 5);
    expect(nickname.parse('  王阿姨 ')).toBe('王阿姨');
    expect(issues(nickname.safeParse('   '))).toEqual([': 不能为空']);
    expect(issues(nickname.safeParse('一二三四五六'))).toEqual([': 不能超过 5 个字']);
    expect(issues(nickname.safeParse('a\u0000b'))).toEqual([': 包含不允许的控制字符']);
    expect(issues(nickname.safeParse(5))).toEqual([': 必须是文本']);
  });

  test('ids and request ids are short ASCII tokens', () => {
    expect(Id.safeParse('cm-beiyuan').success).toBe(true);
    expect(issues(Id.safeParse('a b'))).toEqual([': 格式不正确']);
    expect(issues(Id.safeParse({ $gt: '' }))).toEqual([': 必须是文本']);
    expect(issues(RequestId.safeParse('short'))).toEqual([': 过短']);
    expect(RequestId.safeParse('req-abc12345').success).toBe(true);
  });
});

describe('account.updateProfile input', () => {
  test('accepts any one field, refuses an empty change and unknown keys', () => {
    expect(AccountUpdateProfileInput.parse({ nickname: '老周' })).toEqual({ nickname: '老周' });
    expect(AccountUpdateProfileInput.parse({ avatar: null })).toEqual({ avatar: null });
    expect(issues(AccountUpdateProfileInput.safeParse({}))).toEqual([': 至少修改一项']);
    expect(issues(AccountUpdateProfileInput.safeParse({ nickname: '甲', openid: 'x' }))).toHaveLength(1);
    expect(issues(AccountUpdateProfileInput.safeParse({ avatar: 'javascript:alert(1)' }))).toEqual(['avatar: 不是有效的文件地址']);
  });
});

describe('activities.list near', () => {
  test('takes a place in degrees within range, and nothing else', () => {
    expect(ActivitiesListInput.parse({ near: { latitude: 30.25, longitude: 120.15 } }).near).toEqual({ latitude: 30.25, longitude: 120.15 });
    expect(ActivitiesListInput.parse({}).near).toBeUndefined();
    expect(issues(ActivitiesListInput.safeParse({ near: { latitude: 90.5, longitude: 0 } }))).toEqual(['near.latitude: 纬度应在 -90 到 90 之间']);
    expect(issues(ActivitiesListInput.safeParse({ near: { latitude: 0, longitude: -181 } }))).toEqual(['near.longitude: 经度应在 -180 到 180 之间']);
    expect(issues(ActivitiesListInput.safeParse({ near: { latitude: '30', longitude: 120 } }))).toEqual(['near.latitude: 纬度必须是数字']);
    expect(issues(ActivitiesListInput.safeParse({ near: { latitude: Number.NaN, longitude: 120 } }))).toEqual(['near.latitude: 纬度必须是数字']);
    expect(ActivitiesListInput.safeParse({ near: { latitude: 30, longitude: 120, maxDistance: 10 } }).success).toBe(false);
  });
});
