/**
 * `POST /tcb/admin` of the public port: node-sdk's database and storage API, answered by the
 * emulator on its own thread (emulatorThread.ts). Loopback only (checked by the route table).
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { EmulatorThread } from './emulatorThread';
import { readBody, sendJson } from './http';

const ADMIN_BODY_LIMIT = 32 * 1024 * 1024;

/** Passes one admin request to the emulator and its reply back. */
export async function adminApi(req: IncomingMessage, res: ServerResponse, emulator: EmulatorThread): Promise<void> {
  const raw = await readBody(req, ADMIN_BODY_LIMIT);
  // Multipart calls (node-sdk's `wx.openApi`) answer raw bytes: passed to the emulator's own endpoint as they are.
  if (/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) return forwardRaw(req, res, raw, emulator.port);
  const reply = await emulator.admin(raw.toString('utf8'));
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(reply), 'cache-control': 'no-store' });
  res.end(reply);
}

function forwardRaw(req: IncomingMessage, res: ServerResponse, body: Buffer, port: number): Promise<void> {
  return new Promise((resolve) => {
    const headers = { 'content-type': req.headers['content-type'] ?? '', 'content-length': String(body.length) };
    const forward = http.request({ host: '127.0.0.1', port, path: '/tcb/admin', method: 'POST', headers }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, { 'content-type': reply.headers['content-type'] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      reply.pipe(res).on('finish', resolve);
    });
    forward.on('error', (error) => {
      if (!res.headersSent) sendJson(res, 200, { code: 'SYS_ERR', message: error.message });
      resolve();
    });
    forward.end(body);
  });
}
