/**
 * The local cloud: one Node process that is, on one machine, what CloudBase is in production —
 * the database and storage API (emulated on SQLite and disk), the function runtime (the same
 * bundles that deploy), timer triggers, and the H5 app. See DESIGN §2 and §4.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import http, { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { httpStatusOf, type Envelope } from '../../../src/shared/errors';
import Database from 'better-sqlite3';
import { setLogSink } from '../../_core/runtime/log';
import { describeContract } from './contractDescription';
import { readConfig, type LocalCloudConfig } from './config';
import { DevSessions } from './devSessions';
import { FunctionHost } from './functionHost';
import { FunctionInstances } from './functionInstances';
import { FunctionCallFailed, MAX_PAYLOAD_BYTES, type FunctionFailureCode } from './functionLimits';
import { FunctionPools } from './functionPools';
import { BodyTooLarge, isLoopback, mimeOf, readBody, sendJson } from './http';
import { TimerScheduler } from './timers';
import { FileStorage } from '../emulator/fileStorage';
import { startEmulatorThread, type EmulatorThread } from './emulatorThread';
import { seedDemoData, type SeedStep } from '../seed/seed';
import { imageFormatOf } from '../../_core/ports/imageCheck';
import { wechatDevRoute } from '../wechat/devRoutes';

/** Where the emulator's Unix socket goes: the data folder, or the temp folder when that path is too long. */
function emulatorSocketPath(dataDir: string): string | undefined {
  if (process.platform === 'win32') return undefined;
  const inData = join(dataDir, 'emulator.sock');
  if (Buffer.byteLength(inData) < 100) return inData;
  const inTemp = join(tmpdir(), `linli-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}.sock`);
  return Buffer.byteLength(inTemp) < 100 ? inTemp : undefined;
}

/**
 * The local key for personal data: generated once per data folder and kept beside the data
 * (owner-only), so a copied database without its key file shows no phone or ID numbers.
 */
function localDataKey(dataDir: string): string {
  const file = join(dataDir, 'data.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  return readFileSync(file, 'utf8').trim();
}

export interface LocalCloud {
  url: string;
  config: LocalCloudConfig;
  functions: FunctionHost;
  sessions: DevSessions;
  close(): Promise<void>;
}

/** CloudBase's request limit of a function call (functionLimits.ts); the body is the event's JSON. */
const FUNCTION_BODY_LIMIT = MAX_PAYLOAD_BYTES;
const ADMIN_BODY_LIMIT = 32 * 1024 * 1024;
const UPLOAD_LIMIT = 20 * 1024 * 1024;

/** What start-up is doing; /api/health shows it until the cloud is ready. */
export type StartPhase = 'database' | 'functions' | 'seed' | 'instances' | 'timers';

/** Observers of start-up (the CLI and tests); none of them is needed to start. */
export interface StartHooks {
  /** The port is bound and the URL known; only /api/health, the H5 files and storage answer yet. */
  onListening?(url: string): void;
  /** Awaited before each seed step, once /api/health shows that step (a test holds start-up here). */
  beforeSeedStep?(step: SeedStep): Promise<void>;
}

/** The parts that answer calls; they exist once start-up has finished. */
interface Running {
  emulator: EmulatorThread;
  sessions: DevSessions;
  /** Client calls: CloudBase's model (every call through the pools) or the shared mode's instances. */
  clientCalls: (fn: string, event: unknown, openid: string | null) => Promise<unknown>;
  describeInstances(): Record<string, unknown>;
}

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

/** Seconds a client is told to wait (`Retry-After`) while the cloud is starting: start-up takes about one. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Starts the local cloud and resolves once it is ready. The port is bound first, so /api/health
 * can say what start-up is doing; everything that reads or writes data (function calls, dev
 * sessions, uploads, timers fired by hand, the database endpoint) answers 503 with `Retry-After`
 * until the database, the bundles, the demo seed, the function instances and the timers are all
 * up. A 503 rather than holding the request: a tool sees at once that it came too early, nothing
 * is answered from a half-seeded database, and the H5 app retries it (services/cloud.ts).
 */
export async function startLocalCloud(overrides: Partial<LocalCloudConfig> = {}, hooks: StartHooks = {}): Promise<LocalCloud> {
  const config = readConfig(overrides);
  mkdirSync(config.dataDir, { recursive: true });
  const functions = new FunctionHost();
  let baseUrl = '';
  const storageSecret = randomBytes(32);
  const storage = new FileStorage(config.dataDir, () => baseUrl, storageSecret);
  const startedAt = Date.now();
  // Set while starting (what is being done), cleared once the cloud is ready.
  let starting: { phase: StartPhase; step?: SeedStep } | null = { phase: 'database' };
  let running: Running | null = null;

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } });
      if (!config.quiet) console.error('[local-cloud]', error);
    });
  });
  server.keepAliveTimeout = 60_000;

  /** The reply to anything that needs data while the cloud is still starting. */
  function notReady(res: ServerResponse, body: unknown = { ok: false, error: { code: 'UNAVAILABLE', message: `本地云正在启动（${starting?.phase ?? 'starting'}），请稍后再试` } }): void {
    sendJson(res, 503, body, { 'retry-after': String(RETRY_AFTER_SECONDS) });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    const up = running;
    if (path.startsWith('/tcb/')) {
      // The emulator is the database itself: never reachable from beyond this machine.
      if (!isLoopback(req)) return sendJson(res, 403, { code: 'FORBIDDEN', message: 'loopback only' });
      if (path === '/tcb/admin' && req.method === 'POST') return up ? adminApi(req, res, up) : notReady(res, { code: 'UNAVAILABLE', message: 'local cloud is starting' });
      // Upload URLs are handed out by the database itself (start-up may be using one): always answered.
      if (path.startsWith('/tcb/upload/') && req.method === 'PUT') return upload(req, res, decodeURIComponent(path.slice('/tcb/upload/'.length)));
      return sendJson(res, 404, { code: 'NOT_FOUND', message: 'no such endpoint' });
    }
    if (path.startsWith('/api/functions/') && req.method === 'POST') return up ? callFunction(req, res, up, path.slice('/api/functions/'.length)) : notReady(res);
    if (path === '/api/dev/session' && req.method === 'POST' && config.devSessions) return up ? devSession(req, res, up) : notReady(res);
    if (path === '/api/files' && req.method === 'POST') return up ? uploadForUser(req, res, up, url) : notReady(res);
    if (path.startsWith('/api/dev/timers/') && req.method === 'POST' && config.devSessions && isLoopback(req)) return up ? fireTimer(res, path.slice('/api/dev/timers/'.length)) : notReady(res);
    if (path.startsWith('/api/dev/holds') && req.method === 'POST' && config.testHolds && isLoopback(req)) return up ? holds(req, res, path) : notReady(res);
    if (path.startsWith('/api/dev/wechat/') && config.devSessions && isLoopback(req)) return up ? wechatDevRoute(req, res, url, (raw) => up.emulator.admin(raw)) : notReady(res);
    if (path === '/api/contract' && req.method === 'GET') return sendJson(res, 200, describeContract());
    if (path === '/api/health') return health(res, up);
    if (path.startsWith('/files/') && (req.method === 'GET' || req.method === 'HEAD')) return download(req, res, url);
    if (req.method === 'GET' || req.method === 'HEAD') return staticH5(res, path);
    return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '接口不存在' } });
  }

  /** Ready: the instances and the database's count; starting: 503 with what start-up is doing. */
  async function health(res: ServerResponse, up: Running | null): Promise<void> {
    if (!up) return notReady(res, { ok: false, ready: false, starting: { ...starting, ms: Date.now() - startedAt } });
    sendJson(res, 200, { ok: true, ready: true, ...up.describeInstances(), database: { requestsAnswered: await up.emulator.requestsAnswered() } });
  }

  /**
   * Tests only (LINLI_TEST_HOLDS=1, CloudBase's model): `POST /api/dev/holds {fn, action}` holds
   * the calls of that action starting from now inside their instance, busy as a slow call is;
   * `POST /api/dev/holds/release` lets them all go on. /api/health counts them (`held`), so a
   * test waits for a condition, never for time.
   */
  async function holds(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
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

  async function adminApi(req: IncomingMessage, res: ServerResponse, { emulator }: Running): Promise<void> {
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

  async function upload(req: IncomingMessage, res: ServerResponse, cloudPath: string): Promise<void> {
    let target: string;
    try {
      target = storage.prepareUpload(cloudPath);
    } catch {
      res.writeHead(400).end('<Error><Code>InvalidPath</Code><Message>invalid path</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>');
      return;
    }
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > UPLOAD_LIMIT) req.destroy(new BodyTooLarge('upload too large'));
    });
    const temp = `${target}.uploading`;
    await pipeline(req, createWriteStream(temp));
    renameSync(temp, target);
    res.writeHead(200).end();
  }

  async function download(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const cloudPath = decodeURIComponent(url.pathname.slice('/files/'.length));
    const ok = storage.verify(cloudPath, Number(url.searchParams.get('expires')), url.searchParams.get('sign') ?? '') && storage.exists(cloudPath);
    if (!ok) return void res.writeHead(404).end();
    const file = storage.pathOf(cloudPath);
    res.writeHead(200, { 'content-type': mimeOf(file), 'content-length': statSync(file).size, 'cache-control': 'private, max-age=600' });
    if (req.method === 'HEAD') return void res.end();
    await pipeline(createReadStream(file), res);
  }

  async function callFunction(req: IncomingMessage, res: ServerResponse, { clientCalls, sessions }: Running, fn: string): Promise<void> {
    if (!functions.has(fn)) return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `云函数不存在：${fn.slice(0, 40)}` } });
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, FUNCTION_BODY_LIMIT)).toString('utf8'));
    } catch (error) {
      // Over 6 MB: refused as CloudBase refuses it, before any instance runs.
      if (error instanceof BodyTooLarge) return sendFailure(res, new FunctionCallFailed('EXCEED_MAX_PAYLOAD_SIZE', `request body exceeds the 6 MB limit of a cloud function`));
      return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '请求不是有效的 JSON' } });
    }
    const openid = openidOfRequest(req, sessions);
    // Only the three call fields pass through; identity comes from the session, never the body.
    const { action, input, requestId } = (body ?? {}) as Record<string, unknown>;
    let envelope: Envelope<unknown>;
    try {
      envelope = (await clientCalls(fn, { action, input, requestId }, openid)) as Envelope<unknown>;
    } catch (error) {
      if (error instanceof FunctionCallFailed) return sendFailure(res, error);
      throw error;
    }
    sendJson(res, envelope.ok ? 200 : httpStatusOf(envelope.error.code), envelope);
  }

  function openidOfRequest(req: IncomingMessage, sessions: DevSessions): string | null {
    if (!config.devSessions) return null;
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+([A-Za-z0-9_-]{16,128})$/.exec(header);
    return match ? sessions.openidOf(match[1]!) : null;
  }

  /**
   * H5 uploads (images for posts, covers, avatars): what `wx.cloud.uploadFile` is in WeChat.
   * Signed-in users only; images only; stored under the user's own folder. Answers the file id.
   */
  async function uploadForUser(req: IncomingMessage, res: ServerResponse, { sessions }: Running, url: URL): Promise<void> {
    const openid = openidOfRequest(req, sessions);
    if (!openid) return sendJson(res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    let bytes: Buffer;
    try {
      bytes = await readBody(req, UPLOAD_LIMIT);
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '图片不能超过 20 MB' } });
    }
    const format = imageFormatOf(bytes);
    if (!format) return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: '只能上传 PNG、JPEG、GIF 或 WebP 图片' } });
    const folder = createHash('sha256').update(openid).digest('hex').slice(0, 16);
    const kind = /^[a-z]{1,20}$/.test(url.searchParams.get('kind') ?? '') ? url.searchParams.get('kind')! : 'uploads';
    const cloudPath = `${kind}/${folder}/${randomBytes(12).toString('hex')}.${format === 'jpeg' ? 'jpg' : format}`;
    writeFileSync(storage.prepareUpload(cloudPath), bytes);
    sendJson(res, 200, { ok: true, data: { fileID: storage.uploadMetadata(cloudPath).fileId } });
  }

  async function devSession(req: IncomingMessage, res: ServerResponse, { sessions }: Running): Promise<void> {
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
  async function fireTimer(res: ServerResponse, spec: string): Promise<void> {
    const [fn, name] = spec.split('/');
    const trigger = functions.timerTriggers().find((t) => t.fn === fn && t.name === name);
    if (!trigger) return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `没有这个定时触发器：${spec.slice(0, 60)}` } });
    sendJson(res, 200, await functions.fireTimer(trigger));
  }

  function staticH5(res: ServerResponse, path: string): void {
    if (!existsSync(join(config.h5Dir, 'index.html'))) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><meta charset="utf-8"><title>Linli 邻里</title><p>本地云已启动。H5 页面尚未构建：运行 <code>npm run build:h5</code>。</p>');
      return;
    }
    const root = resolve(config.h5Dir);
    const wanted = resolve(root, `.${normalize(decodeURIComponent(path))}`);
    const file = wanted.startsWith(root + sep) && existsSync(wanted) && statSync(wanted).isFile() ? wanted : join(root, 'index.html');
    res.writeHead(200, {
      'content-type': mimeOf(file),
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
    });
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    // A deep accept queue: a crowd signing up at once must queue, not be reset.
    server.listen({ port: config.port, host: config.host, backlog: 4096 }, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  baseUrl = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  hooks.onListening?.(baseUrl);

  // What has been started, so a failed start-up stops it again (the port above included).
  let emulator: EmulatorThread | undefined;
  let sessionDb: Database.Database | undefined;
  let instances: FunctionInstances | undefined;
  let pools: FunctionPools | undefined;
  const scheduler = new TimerScheduler(functions, (trigger, error) => {
    if (!config.quiet) console.error(`[local-cloud] timer ${trigger.fn}.${trigger.name} failed:`, error);
  });
  try {
    // The database runs on its own thread (its own loopback endpoint for the SDK).
    const emulatorStarting = startEmulatorThread({ dataDir: config.dataDir, synchronous: config.synchronous, storageSecret, socketPath: emulatorSocketPath(config.dataDir) }, (name, data) =>
      functions.invoke(name, data, null),
    );
    // The bundles load while the thread starts (they read their configuration only when called).
    starting = { phase: 'functions' };
    try {
      functions.load();
    } catch (error) {
      await emulatorStarting.then((started) => started.close()).catch(() => undefined);
      throw error;
    }
    starting = { phase: 'database' };
    emulator = await emulatorStarting;
    // The SDK in the bundles uses Node's global agent (see runtime/cloudbase.ts): this one reaches
    // the emulator over its Unix socket, everything else as before.
    http.globalAgent = emulator.agent;
    emulator.setBaseUrl(baseUrl);
    // Dev sessions are the host's own table, on a connection of its own to the same file.
    sessionDb = new Database(join(config.dataDir, 'linli.sqlite'));
    sessionDb.pragma('busy_timeout = 5000');
    const sessions = new DevSessions(sessionDb);
    // Quiet mode drops the per-call lines (of every bundle: the sink is process-wide) but never an internal error.
    if (config.quiet) setLogSink((line) => (line.includes('"level":"error"') ? process.stderr.write(`${line}\n`) : undefined));

    // The SDK inside the bundles reaches the emulator through configuration only.
    process.env.TENCENTCLOUD = 'true';
    process.env.SILENCE = 'true';
    process.env.TCB_ENV = 'local';
    process.env.TCB_SERVICE_URL = emulator.serviceUrl;
    process.env.LINLI_SDK_TIMEOUT_MS ??= '60000';
    process.env.LINLI_PLATFORM = 'local';
    process.env.LINLI_PUBLIC_URL = baseUrl;
    process.env.LINLI_DATA_KEY ??= localDataKey(config.dataDir);

    // The worker instances start now, after the environment above (they take a copy of it), so
    // their threads come up while the seed runs; they load bundles only on their first calls.
    const instanceData = { emulatorPort: emulator.port, ...(emulator.socketPath ? { socketPath: emulator.socketPath } : {}), quiet: config.quiet };
    let instancesStarted: Promise<void> = Promise.resolve();
    if (config.instanceMode === 'shared') {
      instances = new FunctionInstances(functions, instanceData);
      instancesStarted = instances.start(config.functionInstances);
    } else {
      // CloudBase's model: instances start on demand, each loading its own function's bundle.
      pools = new FunctionPools(config.instancesPerFunction, instanceData);
    }
    starting = { phase: 'seed' };
    await seedDemoData(
      async (fn, openid, action, input, requestId) => {
        const envelope = (await functions.invoke(fn, { action, input, requestId }, openid)) as Envelope<unknown>;
        if (!envelope.ok) throw new Error(`seed: ${action} failed: ${envelope.error.code} ${envelope.error.message}`);
        return envelope.data;
      },
      async (step) => {
        starting = { phase: 'seed', step };
        await hooks.beforeSeedStep?.(step);
      },
    );
    starting = { phase: 'instances' };
    await instancesStarted;
    starting = { phase: 'timers' };
    if (config.timers) scheduler.start();
    if (pools) {
      // From now on every call (clients, timers, dev sessions, function to function) runs on the
      // pools; the seed above ran on this thread before anyone could call.
      const dispatcher = pools;
      functions.dispatchTo((name, event, context) => dispatcher.call(name, event, context));
      running = {
        emulator,
        sessions,
        clientCalls: (fn, event, openid) => functions.invoke(fn, event, openid),
        describeInstances: () => ({ instanceMode: 'cloudbase', instancesPerFunction: config.instancesPerFunction, functions: dispatcher.describe() }),
      };
    } else {
      const shared = instances!;
      running = { emulator, sessions, clientCalls: (fn, event, openid) => shared.invoke(fn, event, openid), describeInstances: () => ({ instanceMode: 'shared', functionInstances: shared.describe() }) };
    }
    starting = null;
  } catch (error) {
    scheduler.stop();
    await new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
    await instances?.close();
    await pools?.close();
    sessionDb?.close();
    await emulator?.close();
    throw error;
  }
  // After ready (shared mode): loading the bundles not called yet only saves the first callers a
  // cold start. Under CloudBase's model this thread's bundles take no calls after the seed.
  if (config.instanceMode === 'shared') functions.warmUp();

  const up = running;
  const openSessionDb = sessionDb;
  let closed = false;
  return {
    url: baseUrl,
    config,
    functions,
    sessions: up.sessions,
    async close() {
      if (closed) return;
      closed = true;
      scheduler.stop();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await instances?.close();
      await pools?.close();
      openSessionDb.close();
      await up.emulator.close();
    },
  };
}
