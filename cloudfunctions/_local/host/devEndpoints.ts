/**
 * Development and test endpoints of the local cloud (loopback or dev sessions only, see the
 * route table in localCloud.ts): sign in as anyone, fire a timer now, hold an action's calls.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpStatusOf, type Envelope } from '../../../src/shared/errors';
import type { DevSessions } from './devSessions';
import type { FunctionHost } from './functionHost';
import type { FunctionPools } from './functionPools';
import { readBody, sendJson } from './http';

/** `POST /api/dev/session {openid?, nickname?}`: a session token for that user (created on first use). */
export async function devSession(req: IncomingMessage, res: ServerResponse, functions: FunctionHost, sessions: DevSessions): Promise<void> {
  let body: { openid?: unknown; nickname?: unknown } = {};
  try {
    const raw = (await readBody(req, 16 * 1024)).toString('utf8');
    body = raw ? (JSON.parse(raw) as typeof body) : {};
  } catch {
    return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求不是有效的 JSON' } });
  }
  const openid = body.openid === undefined ? `dev-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}` : body.openid;
  if (typeof openid !== 'string' || !/^[A-Za-z0-9_-]{3,64}$/.test(openid)) {
    return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'openid: 格式不正确' } });
  }
  const me = (await functions.invoke('account', { action: 'account.me', input: {} }, openid)) as Envelope<{ account: { nickname: string } }>;
  if (!me.ok) return sendJson(res, httpStatusOf(me.error.code), me);
  let account = me.data;
  if (typeof body.nickname === 'string' && body.nickname !== account.account.nickname) {
    const updated = (await functions.invoke(
      'account',
      { action: 'account.updateProfile', input: { nickname: body.nickname }, requestId: `dev-session-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}` },
      openid,
    )) as Envelope<{ account: { nickname: string } }>;
    if (!updated.ok) return sendJson(res, httpStatusOf(updated.error.code), updated);
    account = updated.data;
  }
  sendJson(res, 200, { token: sessions.create(openid), openid, user: account.account });
}

/** Fires a declared timer trigger now (local development and tests: no waiting for the clock). */
export async function fireTimer(res: ServerResponse, functions: FunctionHost, spec: string): Promise<void> {
  const [fn, name] = spec.split('/');
  const trigger = functions.timerTriggers().find((t) => t.fn === fn && t.name === name);
  if (!trigger) return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `没有这个定时触发器：${spec.slice(0, 60)}` } });
  sendJson(res, 200, await functions.fireTimer(trigger));
}

/**
 * Tests only (LINLI_TEST_HOLDS=1, CloudBase's model): `POST /api/dev/holds {fn, action}` holds
 * the calls of that action starting from now inside their instance, busy as a slow call is;
 * `POST /api/dev/holds/release` lets them all go on. /api/health counts them (`held`), so a
 * test waits for a condition, never for time.
 */
export async function holds(req: IncomingMessage, res: ServerResponse, path: string, functions: FunctionHost, pools: FunctionPools | undefined): Promise<void> {
  if (!pools) return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'holds need LINLI_INSTANCE_MODE=cloudbase' } });
  if (path === '/api/dev/holds/release') {
    pools.releaseAll();
    return sendJson(res, 200, { ok: true });
  }
  let body: { fn?: unknown; action?: unknown };
  try {
    body = JSON.parse((await readBody(req, 4096)).toString('utf8')) as typeof body;
  } catch {
    return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求不是有效的 JSON' } });
  }
  if (typeof body.fn !== 'string' || !functions.has(body.fn) || typeof body.action !== 'string') {
    return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'fn and action are required' } });
  }
  pools.hold(body.fn, body.action);
  sendJson(res, 200, { ok: true });
}
