/**
 * The local cloud's window on the emulated WeChat (loopback callers only, with dev sessions on):
 *
 * - `GET /api/dev/wechat/messages` — subscribe messages sent, newest first (JSON; `?openid=`
 *   filters); `GET /api/dev/wechat/messages.html` — the same as a small page.
 * - `GET /api/dev/wechat/codes` — mini-program codes issued (page, scene, what the QR holds).
 * - `GET /api/dev/wechat/media-checks` — image checks and their verdicts.
 * - `POST /api/dev/wechat/faults` with `{ faults: [{ api?, openid?, errcode, times?, delayMs? }] }`
 *   — the errors WeChat should answer next (see ./faults.ts); `{ faults: [] }` clears them.
 *
 * The records live in the emulator's thread; these routes reach them through its admin API
 * (`wx.dev`), the way every SDK request does.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../host/http';

type Admin = (raw: string) => Promise<string>;

const LISTS: Record<string, string> = { messages: 'messages', codes: 'codes', 'media-checks': 'mediaChecks' };

async function ask(admin: Admin, body: Record<string, unknown>): Promise<{ data?: Record<string, unknown>; code?: string; message?: string }> {
  return JSON.parse(await admin(JSON.stringify({ action: 'wx.dev', ...body }))) as { data?: Record<string, unknown> };
}

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function page(messages: Array<Record<string, unknown>>): string {
  const rows = messages
    .map((m) => {
      const data = Object.entries((m.data ?? {}) as Record<string, { value?: string }>)
        .map(([key, entry]) => `${escape(key)}: ${escape(String(entry?.value ?? ''))}`)
        .join('<br>');
      return `<tr><td>${escape(String(m.at))}</td><td>${escape(String(m.openid))}</td><td>${escape(String(m.templateId))}</td><td>${escape(String(m.page ?? ''))}</td><td>${data}</td></tr>`;
    })
    .join('');
  return `<!doctype html><meta charset="utf-8"><title>WeChat subscribe messages (local)</title><style>body{font:14px sans-serif;margin:16px}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}table{border-collapse:collapse}</style><h1>Subscribe messages sent (emulated WeChat)</h1><table><tr><th>at</th><th>openid</th><th>template</th><th>page</th><th>data</th></tr>${rows}</table>`;
}

/** Handles one /api/dev/wechat/* request. */
export async function wechatDevRoute(req: IncomingMessage, res: ServerResponse, url: URL, admin: Admin): Promise<void> {
  const name = url.pathname.slice('/api/dev/wechat/'.length);
  if (name === 'faults' && req.method === 'POST') {
    let faults: unknown = [];
    try {
      const raw = (await readBody(req, 64 * 1024)).toString('utf8');
      faults = raw ? ((JSON.parse(raw) as { faults?: unknown }).faults ?? []) : [];
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'body must be JSON { faults: [...] }' } });
    }
    const reply = await ask(admin, { op: 'faults', faults });
    return sendJson(res, 200, { ok: true, data: reply.data });
  }
  const html = name === 'messages.html';
  const op = LISTS[html ? 'messages' : name];
  if (!op || req.method !== 'GET') return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'no such dev route' } });
  const openid = url.searchParams.get('openid');
  const reply = await ask(admin, { op, filter: openid ? { openid } : {} });
  const list = (reply.data?.list ?? []) as Array<Record<string, unknown>>;
  if (!html) return sendJson(res, 200, { ok: true, data: list });
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(page(list));
}
