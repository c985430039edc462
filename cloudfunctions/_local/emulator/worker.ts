/**
 * The emulator on its own thread: the document store (SQLite, mingo), transactions and the
 * storage metadata run here, with their own loopback-only HTTP endpoint for node-sdk, so the
 * database work of a crowd runs beside the function code instead of taking turns with it on
 * the main thread. The main thread forwards `/tcb/admin` of the public port here and runs the
 * local cloud functions that `functions.invokeFunction` asks for.
 *
 * Protocol (structured-clone messages):
 *   main → worker: { type: 'admin', id, body }   body: the request text → { type: 'admin', id, reply }
 *                  { type: 'baseUrl', url }      the public URL, once the main port listens
 *                  { type: 'invoked', id, result?, error? }  answer to an 'invoke'
 *                  { type: 'stats', id }         → { type: 'stats', id, requests } (node-sdk requests answered)
 *                  { type: 'close' }             → { type: 'closed' } once the store is closed
 *   worker → main: { type: 'ready', port } | { type: 'failed', error }
 *                  { type: 'invoke', id, name, data }
 */
import { chmodSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { Collections } from '../../_core/repositories/collections';
import { indexDeclarations } from '../../_core/repositories/indexes';
import { isLoopback, readBody, sendJson } from '../host/http';
import { startCheckpointer } from './checkpointer';
import { FileStorage } from './fileStorage';
import { handleWxOpenApi } from '../wechat/emulatedWeChat';
import { isMultipart, readMultipart } from './multipart';
import { handleAdminRequest, type AdminApiDeps } from './protocol';
import { DocumentStore } from './store';
import { TransactionManager } from './transactions';

export interface EmulatorWorkerData {
  dataDir: string;
  synchronous: 'FULL' | 'NORMAL';
  /** Shared with the main thread's FileStorage, so either can sign and verify download URLs. */
  storageSecret: Uint8Array;
  /** A Unix socket to answer on as well (owner-only): cheaper than TCP for the host's own SDK. */
  socketPath?: string;
}

export type ToWorker =
  | { type: 'admin'; id: number; body: string }
  | { type: 'baseUrl'; url: string }
  | { type: 'invoked'; id: number; result?: unknown; error?: string }
  | { type: 'stats'; id: number }
  | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; port: number; socketPath?: string }
  | { type: 'failed'; error: string }
  | { type: 'admin'; id: number; reply: string }
  | { type: 'invoke'; id: number; name: string; data: unknown }
  | { type: 'stats'; id: number; requests: number }
  | { type: 'closed' };

const ADMIN_BODY_LIMIT = 32 * 1024 * 1024;

/** Database requests answered since start (for /api/health and the bench's round-trip counts). */
let requestsAnswered = 0;

/** Parses and answers one admin request body; always a JSON reply text. */
async function answer(text: string, deps: AdminApiDeps): Promise<string> {
  requestsAnswered += 1;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return JSON.stringify({ code: 'INVALID_PARAM', message: 'body is not JSON' });
  }
  return JSON.stringify(await handleAdminRequest(body, deps));
}

/**
 * Answers one multipart admin request: node-sdk's `wx.openApi` (callCompatibleWxOpenApi), whose
 * reply is raw bytes (a protobuf CommOpenApiResp) or, for a gateway error, JSON text.
 */
async function answerForm(contentType: string, raw: Buffer, deps: AdminApiDeps): Promise<string | Buffer> {
  requestsAnswered += 1;
  const fields = await readMultipart(contentType, raw);
  if (fields.action !== 'wx.openApi') return JSON.stringify({ code: 'INVALID_PARAM', message: `multipart action ${String(fields.action)} is not emulated` });
  const reply = await handleWxOpenApi(fields, deps);
  return Buffer.isBuffer(reply) ? reply : JSON.stringify(reply);
}

function run(): void {
  const port = parentPort!;
  const send = (message: FromWorker) => port.postMessage(message);
  const data = workerData as EmulatorWorkerData;
  const file = join(data.dataDir, 'linli.sqlite');
  const store = new DocumentStore({ file, indexes: indexDeclarations, synchronous: data.synchronous, groupCommit: true, backgroundCheckpoints: true });
  const checkpointer = startCheckpointer(file);
  for (const name of Object.values(Collections)) store.createCollection(name);
  let baseUrl = '';
  let nextInvoke = 0;
  const invocations = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const deps: AdminApiDeps = {
    store,
    transactions: new TransactionManager(store),
    storage: new FileStorage(data.dataDir, () => baseUrl, Buffer.from(data.storageSecret)),
    invokeFunction: (name, payload) =>
      new Promise((resolve, reject) => {
        nextInvoke += 1;
        invocations.set(nextInvoke, { resolve, reject });
        send({ type: 'invoke', id: nextInvoke, name, data: payload });
      }),
  };

  const handle = (local: boolean) => (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?', 1)[0];
    // The database itself: never reachable from beyond this machine, whatever the bind.
    if (!local && !isLoopback(req)) return sendJson(res, 403, { code: 'FORBIDDEN', message: 'loopback only' });
    if (path !== '/tcb/admin' || req.method !== 'POST') return sendJson(res, 404, { code: 'NOT_FOUND', message: 'no such endpoint' });
    const contentType = req.headers['content-type'];
    readBody(req, ADMIN_BODY_LIMIT)
      .then((raw) => (isMultipart(contentType) ? answerForm(contentType!, raw, deps) : answer(raw.toString('utf8'), deps)))
      .then((reply) => {
        const type = typeof reply === 'string' ? 'application/json; charset=utf-8' : 'application/octet-stream';
        res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(reply), 'cache-control': 'no-store' });
        res.end(reply);
      })
      .catch(() => {
        if (!res.headersSent) sendJson(res, 200, { code: 'INVALID_PARAM', message: 'request body too large or unreadable' });
      });
  };
  const server = createServer(handle(false));
  server.keepAliveTimeout = 60_000;
  // A Unix socket is local by construction; its file is readable by this user only.
  const socketServer = data.socketPath ? createServer(handle(true)) : undefined;
  if (socketServer) socketServer.keepAliveTimeout = 60_000;

  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'admin':
        void answer(message.body, deps).then((reply) => send({ type: 'admin', id: message.id, reply }));
        break;
      case 'baseUrl':
        baseUrl = message.url;
        break;
      case 'stats':
        send({ type: 'stats', id: message.id, requests: requestsAnswered });
        break;
      case 'invoked': {
        const waiting = invocations.get(message.id);
        invocations.delete(message.id);
        if (message.error !== undefined) waiting?.reject(new Error(message.error));
        else waiting?.resolve(message.result);
        break;
      }
      case 'close':
        server.close();
        server.closeAllConnections();
        socketServer?.close();
        socketServer?.closeAllConnections();
        if (data.socketPath) rmSync(data.socketPath, { force: true });
        void checkpointer.close().finally(() => {
          store.close();
          send({ type: 'closed' });
        });
        break;
    }
  });

  server.once('error', (error) => send({ type: 'failed', error: error.message }));
  server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
    const ready = () => send({ type: 'ready', port: (server.address() as AddressInfo).port, socketPath: socketServer ? data.socketPath : undefined });
    if (!socketServer || !data.socketPath) return ready();
    const socketPath = data.socketPath;
    rmSync(socketPath, { force: true }); // left by a killed run
    socketServer.once('error', () => {
      socketServer.close();
      send({ type: 'ready', port: (server.address() as AddressInfo).port }); // TCP alone then
    });
    socketServer.listen({ path: socketPath, backlog: 4096 }, () => {
      chmodSync(socketPath, 0o600);
      ready();
    });
  });
}

if (parentPort) {
  try {
    run();
  } catch (error) {
    parentPort.postMessage({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies FromWorker);
  }
}
