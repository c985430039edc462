/**
 * `POST /api/functions/<fn>`: the app's calls of a cloud function over HTTP (what
 * `wx.cloud.callFunction` is in WeChat), with identity from the dev session, never the body.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { httpStatusOf, type Envelope } from '../../../src/shared/errors';
import type { DevSessions } from './devSessions';
import type { FunctionHost } from './functionHost';
import { FunctionCallFailed, MAX_PAYLOAD_BYTES, type FunctionFailureCode } from './functionLimits';
import { BodyTooLarge, readBody, sendJson } from './http';

/** CloudBase's request limit of a function call (functionLimits.ts); the body is the event's JSON. */
const FUNCTION_BODY_LIMIT = MAX_PAYLOAD_BYTES;

/**
 * HTTP status of a call the platform failed, and the envelope the app reads: INTERNAL (the app
 * shows its generic message), with CloudBase's own code and message beside it for tools, as
 * CloudBase's HTTP access answers `{ code, message, requestId }` (docs.cloudbase.net/error-code/).
 */
const FAILURE_STATUS: Record<FunctionFailureCode, number> = { FUNCTIONS_TIME_LIMIT_EXCEEDED: 504, EXCEED_MAX_PAYLOAD_SIZE: 413, FUNCTIONS_EXECUTE_FAIL: 502 };
const FAILURE_MESSAGE: Record<FunctionFailureCode, string> = {
  FUNCTIONS_TIME_LIMIT_EXCEEDED: '云函数执行超时，请稍后再试',
  EXCEED_MAX_PAYLOAD_SIZE: '请求或返回的内容超过 6 MB',
  FUNCTIONS_EXECUTE_FAIL: '云函数执行失败，请稍后再试',
};

function sendFailure(res: ServerResponse, failure: FunctionCallFailed): void {
  sendJson(res, FAILURE_STATUS[failure.code], {
    ok: false,
    error: { code: failure.code === 'EXCEED_MAX_PAYLOAD_SIZE' ? 'INVALID_INPUT' : 'INTERNAL', message: FAILURE_MESSAGE[failure.code] },
    code: failure.code,
    message: failure.message,
    requestId: randomUUID(),
  });
}

export interface ClientCallDeps {
  functions: FunctionHost;
  sessions: DevSessions;
  /** Dev sessions are on (config.devSessions): a bearer token names the caller. */
  devSessions: boolean;
  /** Runs the call: CloudBase's model (every call through the pools) or the shared mode's instances. */
  clientCalls: (fn: string, event: unknown, openid: string | null) => Promise<unknown>;
}

/** Answers one client call of `fn` with its envelope (or the platform's failure). */
export async function callFunction(req: IncomingMessage, res: ServerResponse, fn: string, { functions, sessions, devSessions, clientCalls }: ClientCallDeps): Promise<void> {
  if (!functions.has(fn)) return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `云函数不存在：${fn.slice(0, 40)}` } });
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req, FUNCTION_BODY_LIMIT)).toString('utf8'));
  } catch (error) {
    // Over 6 MB: refused as CloudBase refuses it, before any instance runs.
    if (error instanceof BodyTooLarge) return sendFailure(res, new FunctionCallFailed('EXCEED_MAX_PAYLOAD_SIZE', `request body exceeds the 6 MB limit of a cloud function`));
    return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求不是有效的 JSON' } });
  }
  const openid = openidOfRequest(req, sessions, devSessions);
  // Only the call fields pass through; identity comes from the session, never the body.
  const { action, input, requestId, attempt } = (body ?? {}) as Record<string, unknown>;
  let envelope: Envelope<unknown>;
  try {
    envelope = (await clientCalls(fn, { action, input, requestId, ...(attempt === undefined ? {} : { attempt }) }, openid)) as Envelope<unknown>;
  } catch (error) {
    if (error instanceof FunctionCallFailed) return sendFailure(res, error);
    throw error;
  }
  sendJson(res, envelope.ok ? 200 : httpStatusOf(envelope.error.code), envelope);
}

/** The caller's openid from the request's dev-session token; null without one (or without dev sessions). */
export function openidOfRequest(req: IncomingMessage, sessions: DevSessions, devSessions: boolean): string | null {
  if (!devSessions) return null;
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+([A-Za-z0-9_-]{16,128})$/.exec(header);
  return match ? sessions.openidOf(match[1]!) : null;
}
