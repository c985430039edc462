/**
 * The local cloud: one Node process that is, on one machine, what CloudBase is in production —
 * the database and storage API (emulated on SQLite and disk), the function runtime (the same
 * bundles that deploy), timer triggers, and the H5 app. See DESIGN §2 and §4.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import http, { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Envelope } from '../../../src/shared/errors';
import Database from 'better-sqlite3';
import { setLogSink } from '../../_core/runtime/log';
import { adminApi } from './adminEndpoint';
import { callFunction, openidOfRequest } from './clientCalls';
import { describeContract } from './contractDescription';
import { readConfig, type LocalCloudConfig } from './config';
import { emulatorSocketPath, localDataKey } from './dataFolder';
import { devSession, fireTimer, holds } from './devEndpoints';
import { DevSessions } from './devSessions';
import { FunctionHost } from './functionHost';
import { FunctionInstances } from './functionInstances';
import { FunctionPools } from './functionPools';
import { isLoopback, sendJson } from './http';
import { staticH5 } from './staticH5';
import { download, upload, uploadForUser } from './storageRoutes';
import { TimerScheduler } from './timers';
import { FileStorage } from '../emulator/fileStorage';
import { startEmulatorThread, type EmulatorThread } from './emulatorThread';
import { seedDemoData, type SeedStep } from '../seed/seed';
import { wechatDevRoute } from '../wechat/devRoutes';

export interface LocalCloud {
  url: string;
  config: LocalCloudConfig;
  functions: FunctionHost;
  sessions: DevSessions;
  close(): Promise<void>;
}

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
      if (path === '/tcb/admin' && req.method === 'POST') return up ? adminApi(req, res, up.emulator) : notReady(res, { code: 'UNAVAILABLE', message: 'local cloud is starting' });
      // Upload URLs are handed out by the database itself (start-up may be using one): always answered.
      if (path.startsWith('/tcb/upload/') && req.method === 'PUT') return upload(req, res, storage, decodeURIComponent(path.slice('/tcb/upload/'.length)));
      return sendJson(res, 404, { code: 'NOT_FOUND', message: 'no such endpoint' });
    }
    if (path.startsWith('/api/functions/') && req.method === 'POST') return up ? callFunction(req, res, path.slice('/api/functions/'.length), { functions, sessions: up.sessions, devSessions: config.devSessions, clientCalls: up.clientCalls }) : notReady(res);
    if (path === '/api/dev/session' && req.method === 'POST' && config.devSessions) return up ? devSession(req, res, functions, up.sessions) : notReady(res);
    if (path === '/api/files' && req.method === 'POST') return up ? uploadForUser(req, res, storage, openidOfRequest(req, up.sessions, config.devSessions), url) : notReady(res);
    if (path.startsWith('/api/dev/timers/') && req.method === 'POST' && config.devSessions && isLoopback(req)) return up ? fireTimer(res, functions, path.slice('/api/dev/timers/'.length)) : notReady(res);
    if (path.startsWith('/api/dev/holds') && req.method === 'POST' && config.testHolds && isLoopback(req)) return up ? holds(req, res, path, functions, pools) : notReady(res);
    if (path.startsWith('/api/dev/wechat/') && config.devSessions && isLoopback(req)) return up ? wechatDevRoute(req, res, url, (raw) => up.emulator.admin(raw)) : notReady(res);
    if (path === '/api/contract' && req.method === 'GET') return sendJson(res, 200, describeContract());
    if (path === '/api/health') return health(res, up);
    if (path.startsWith('/files/') && (req.method === 'GET' || req.method === 'HEAD')) return download(req, res, storage, url);
    if (req.method === 'GET' || req.method === 'HEAD') return staticH5(res, config.h5Dir, path);
    return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '接口不存在' } });
  }

  /** Ready: the instances and the database's count; starting: 503 with what start-up is doing. */
  async function health(res: ServerResponse, up: Running | null): Promise<void> {
    if (!up) return notReady(res, { ok: false, ready: false, starting: { ...starting, ms: Date.now() - startedAt } });
    sendJson(res, 200, { ok: true, ready: true, ...up.describeInstances(), database: { requestsAnswered: await up.emulator.requestsAnswered() } });
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
