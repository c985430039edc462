/**
 * The transport (src/services/cloud.ts) on H5: envelope handling, typed errors with localized
 * messages, requestId reuse across network retries, and the 401 → sign-in flow. `fetch` is the
 * only thing replaced.
 */
import { act } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { call, devSignIn, isClientError, RETRY_DELAYS_MS, type ClientError } from '../../src/services/cloud';
import { clearToken, getToken, setToken } from '../../src/services/token';
import { setLocale } from '../../src/stores/settings';
import { account, groupDetail } from './support/fixtures';

type FetchArgs = [string, { method: string; headers: Record<string, string>; body: string }];
const fetchMock = jest.fn<Promise<Response>, FetchArgs>();

function reply(status: number, body: unknown): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function sentBody(index: number): { action: string; input: unknown; requestId?: string; attempt?: number } {
  return JSON.parse(fetchMock.mock.calls[index]![1].body) as { action: string; input: unknown; requestId?: string; attempt?: number };
}

async function failure(promise: Promise<unknown>): Promise<ClientError> {
  try {
    await promise;
  } catch (error) {
    if (isClientError(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});

beforeEach(() => {
  fetchMock.mockReset();
  setToken('token-of-wang');
});

afterEach(() => {
  jest.useRealTimers();
  act(() => setLocale('zh-CN'));
});

describe('cloud transport (H5)', () => {
  it('POSTs the action to /api/functions/<fn> with the bearer token and returns the data', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { ok: true, data: account() }));
    const me = await call('account.me', {});

    expect(me.account.nickname).toBe('王阿姨');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/functions/account');
    expect(init.method).toBe('POST');
    expect(init.headers.authorization).toBe('Bearer token-of-wang');
    // queries carry no requestId
    expect(sentBody(0)).toEqual({ action: 'account.me', input: {} });
  });

  it('reuses the requestId of a mutation when it retries after a network failure', async () => {
    jest.useFakeTimers();
    fetchMock
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(reply(502, '<html>bad gateway</html>'))
      .mockResolvedValueOnce(reply(200, { ok: true, data: groupDetail() }));

    const joined = call('groups.join', { groupId: 'g-taiji' });
    await jest.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0]!);
    await jest.advanceTimersByTimeAsync(RETRY_DELAYS_MS[1]!);
    await expect(joined).resolves.toMatchObject({ id: 'g-taiji' });

    expect(fetchMock).toHaveBeenCalledTimes(3);
    const ids = [0, 1, 2].map((i) => sentBody(i).requestId);
    expect(ids[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(new Set(ids)).toEqual(new Set([ids[0]]));
    expect(sentBody(0)).toEqual({ action: 'groups.join', input: { groupId: 'g-taiji' }, requestId: ids[0] });
    // Each resend says which send it is: the server then skips work a replay would only undo.
    expect([1, 2].map((i) => sentBody(i))).toEqual([
      { action: 'groups.join', input: { groupId: 'g-taiji' }, requestId: ids[0], attempt: 2 },
      { action: 'groups.join', input: { groupId: 'g-taiji' }, requestId: ids[0], attempt: 3 },
    ]);
  });

  it('retries, with the same requestId, while the local cloud answers 503 because it is still starting', async () => {
    jest.useFakeTimers();
    const starting = () => new Response(JSON.stringify({ ok: false, error: { code: 'UNAVAILABLE', message: '本地云正在启动（seed），请稍后再试' } }), { status: 503, headers: { 'content-type': 'application/json', 'retry-after': '1' } });
    fetchMock.mockResolvedValueOnce(starting()).mockResolvedValueOnce(starting()).mockResolvedValueOnce(reply(200, { ok: true, data: groupDetail() }));

    const joined = call('groups.join', { groupId: 'g-taiji' });
    await jest.advanceTimersByTimeAsync(RETRY_DELAYS_MS[0]!);
    await jest.advanceTimersByTimeAsync(RETRY_DELAYS_MS[1]!);
    await expect(joined).resolves.toMatchObject({ id: 'g-taiji' });
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(new Set([0, 1, 2].map((i) => sentBody(i).requestId)).size).toBe(1);
  });

  it('uses a new requestId for each new mutation', async () => {
    fetchMock.mockImplementation(async () => reply(200, { ok: true, data: groupDetail() }));
    await call('groups.join', { groupId: 'g-taiji' });
    await call('groups.leave', { groupId: 'g-taiji' });
    expect(sentBody(0).requestId).not.toBe(sentBody(1).requestId);
  });

  it('gives up after two retries with a NETWORK error in the current language', async () => {
    jest.useFakeTimers();
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const pending = failure(call('groups.list', { area: 'community' }));
    await jest.advanceTimersByTimeAsync(RETRY_DELAYS_MS.reduce((a, b) => a + b, 0));
    const error = await pending;

    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ClientError');
    expect(error.code).toBe('NETWORK');
    expect(error.message).toBe('网络不太顺畅，请检查网络后重试');
  });

  it('turns an error envelope into a ClientError: the server\'s own words in Chinese, the catalogue in English', async () => {
    fetchMock.mockResolvedValueOnce(reply(409, { ok: false, error: { code: 'CONFLICT', message: '你已经报名了本次活动' } }));
    const error = await failure(call('groups.join', { groupId: 'g-dongmen' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('你已经报名了本次活动');
    fetchMock.mockResolvedValueOnce(reply(500, { ok: false, error: { code: 'INTERNAL', message: 'db exploded' } }));
    expect((await failure(call('groups.join', { groupId: 'g-dongmen' }))).message).not.toContain('db exploded');

    act(() => setLocale('en'));
    fetchMock.mockResolvedValueOnce(reply(409, { ok: false, error: { code: 'GROUP_NOT_JOINABLE', message: 'invite only' } }));
    expect((await failure(call('groups.join', { groupId: 'g-dongmen' }))).message).toBe('This group is invitation only.');
  });

  it('shows the field messages of INVALID_INPUT', async () => {
    fetchMock.mockResolvedValueOnce(
      reply(400, { ok: false, error: { code: 'INVALID_INPUT', message: 'bad', issues: [{ path: 'nickname', message: '不能超过 20 个字' }] } }),
    );
    const error = await failure(call('account.updateProfile', { nickname: '张阿姨' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues).toEqual([{ path: 'nickname', message: '不能超过 20 个字' }]);
    expect(error.message).toBe('填写的内容有误：昵称不能超过 20 个字');
  });

  it("says a server issue a shared schema wrote in the user's language (issue 17)", async () => {
    act(() => setLocale('en'));
    fetchMock.mockResolvedValueOnce(
      reply(400, { ok: false, error: { code: 'INVALID_INPUT', message: 'bad', issues: [{ path: 'serviceDate', message: '请输入有效的手机号或座机号' }] } }),
    );
    const error = await failure(call('account.updateProfile', { nickname: '张阿姨' }));
    expect(error.message).toContain('Enter a valid mobile or landline number');
    expect(error.message).not.toContain('请输入');
  });

  it('never shows a field path without a name for people: the message alone', async () => {
    fetchMock.mockResolvedValueOnce(
      reply(400, { ok: false, error: { code: 'INVALID_INPUT', message: 'bad', issues: [{ path: 'serviceDate', message: '只能申报 90 天内的服务' }] } }),
    );
    const error = await failure(call('account.updateProfile', { nickname: '张阿姨' }));
    expect(error.message).toBe('填写的内容有误：只能申报 90 天内的服务');
  });

  it('checks input against the contract before sending anything', async () => {
    const error = await failure(call('groups.get', { groupId: '' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toBe('填写的内容有误：组织不能为空；组织格式不正确');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('rejects a reply that does not match the output schema', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { ok: true, data: { account: { id: 'x' } } }));
    expect((await failure(call('account.me', {}))).code).toBe('BAD_RESPONSE');
    fetchMock.mockResolvedValueOnce(reply(200, '"not an envelope"'));
    expect((await failure(call('account.me', {}))).code).toBe('BAD_RESPONSE');
  });

  it('on 401 forgets the token and sends the user to the sign-in page', async () => {
    fetchMock.mockResolvedValueOnce(reply(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }));
    const error = await failure(call('account.me', {}));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(getToken()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('calls a public action (proofs.verify) without the bearer token, signed in or not', async () => {
    const valid = { valid: false };
    fetchMock.mockResolvedValueOnce(reply(200, { ok: true, data: valid }));
    await expect(call('proofs.verify', { code: 'ab12cd34ef' })).resolves.toEqual(valid);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/functions/proofs');
    expect(init.headers).not.toHaveProperty('authorization');
    // the schema normalises the code; what is sent is what the caller typed
    expect(sentBody(0)).toEqual({ action: 'proofs.verify', input: { code: 'ab12cd34ef' } });

    act(() => clearToken());
    fetchMock.mockResolvedValueOnce(reply(200, { ok: true, data: valid }));
    await call('proofs.verify', { code: 'AB12CD34EF' });
    expect(fetchMock.mock.calls[1]![1].headers).not.toHaveProperty('authorization');
  });

  it('never sends the reader of a public action to the sign-in page, even on a 401', async () => {
    fetchMock.mockResolvedValueOnce(reply(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }));
    const error = await failure(call('proofs.verify', { code: 'AB12CD34EF' }));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(Taro.reLaunch).not.toHaveBeenCalled();
    // the signed-in user's own session is left alone
    expect(getToken()).toBe('token-of-wang');
  });

  it('starts a dev session and keeps its token', async () => {
    fetchMock.mockResolvedValueOnce(reply(200, { token: 'fresh-token-123456', openid: 'demo-resident', user: {} }));
    await expect(devSignIn({ openid: 'demo-resident' })).resolves.toEqual({ token: 'fresh-token-123456', openid: 'demo-resident' });
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/dev/session');
    expect(JSON.parse(fetchMock.mock.calls[0]![1].body)).toEqual({ openid: 'demo-resident' });
    expect(getToken()).toBe('fresh-token-123456');
  });
});
