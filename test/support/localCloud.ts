/**
 * Starts the real local cloud (`npm start`'s entry) as a child process on a free port and a
 * fresh data folder, and gives tests a client for its stable HTTP face (DESIGN §4).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../src/shared/errors';
import type { SeedStep } from '../../cloudfunctions/_local/seed/seed';

const root = join(__dirname, '..', '..');

export interface RunningCloud {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Lets a start-up held by `pauseSeedAt` go on (see untilReady). */
  resume(): void;
  /** Resolves once /api/health says the cloud is ready (startCloud already waited, unless paused). */
  untilReady(): Promise<void>;
}

/** How long a cloud may take to start, however loaded the machine: a bound for a broken start, not a wait. */
const START_DEADLINE_MS = 30_000;

/** A fresh temporary data folder. */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'linli-test-'));
}

/** What /api/health answers: 503 and `ready: false` while starting, 200 and `ready: true` after. */
export interface Health {
  ready: boolean;
  starting?: { phase: string; step?: string };
  functionInstances?: Array<{ instance: string; calls: number }>;
  database?: { requestsAnswered: number };
}

export async function healthOf(url: string): Promise<{ status: number; retryAfter: string | null; body: Health }> {
  const res = await fetch(`${url}/api/health`);
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Health };
}

/**
 * Spawns the local cloud and waits until it is ready: its URL printed, and /api/health saying so.
 * With `pauseSeedAt` it resolves as soon as start-up is held before that seed step (the URL is
 * printed then, for tests only); `resume()` lets it go on and `untilReady()` waits for the rest.
 */
export async function startCloud(options: { dataDir?: string; env?: Record<string, string>; pauseSeedAt?: SeedStep } = {}): Promise<RunningCloud> {
  const dataDir = options.dataDir ?? freshDataDir();
  // LINLI_CLOUD_NODE_FLAGS: extra node flags for the cloud process (e.g. --cpu-prof when profiling the bench).
  const child = spawn(process.execPath, [...(process.env.LINLI_CLOUD_NODE_FLAGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', join(root, 'cloudfunctions/_local/cli/start.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      LINLI_DATA_DIR: dataDir,
      LINLI_QUIET: '1',
      LINLI_TIMERS: '0',
      LINLI_BUILD_H5: '0',
      ...(options.pauseSeedAt ? { LINLI_START_PAUSE_AT: options.pauseSeedAt } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + START_DEADLINE_MS;
  let exited = false;
  child.once('exit', () => (exited = true));
  // The ready line carries the URL; a held start-up prints it on its "paused" line instead.
  const urlLine = options.pauseSeedAt ? /paused before seed step \S+ at (http:\/\/\S+)\s/ : /open:\s+(http:\/\/\S+?)\/?\s/;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local cloud did not start:\n${output}`)), deadline - Date.now());
    const check = () => {
      const match = urlLine.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local cloud exited with ${code}:\n${output}`));
    });
  });
  /** Polls /api/health until it says ready: the condition tools are told to wait for. */
  const untilReady = async (): Promise<void> => {
    for (;;) {
      if (exited) throw new Error(`local cloud exited while starting:\n${output}`);
      if (Date.now() > deadline) throw new Error(`local cloud not ready in ${START_DEADLINE_MS} ms:\n${output}`);
      const health = await healthOf(url);
      if (health.status === 200 && health.body.ready) return;
      // Not ready yet: ask again shortly (the cloud says Retry-After: 1 s; start-up is usually closer than that).
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  if (!options.pauseSeedAt) await untilReady();
  return {
    url,
    dataDir,
    child,
    output: () => output,
    resume: () => void child.kill('SIGUSR2'),
    untilReady,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        // A process killed by a signal has no exit code, only a signal code; either means it is gone
        // (and its 'exit' event may have fired already).
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

/** Removes a data folder. */
export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface CallResult<T = unknown> {
  status: number;
  body: Envelope<T>;
}

/** A signed-in client of the HTTP face. */
export class Client {
  private counter = 0;
  constructor(
    readonly url: string,
    readonly token: string | null,
    readonly openid: string | null,
  ) {}

  static async signIn(url: string, openid?: string, nickname?: string): Promise<Client> {
    const res = await fetch(`${url}/api/dev/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...(openid ? { openid } : {}), ...(nickname ? { nickname } : {}) }),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { token: string; openid: string };
    return new Client(url, body.token, body.openid);
  }

  static anonymous(url: string): Client {
    return new Client(url, null, null);
  }

  /** A requestId unique to this client. */
  nextRequestId(): string {
    this.counter += 1;
    return `req-${this.openid ?? 'anon'}-${Date.now().toString(36)}-${this.counter}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  }

  async raw(fn: string, body: unknown): Promise<CallResult> {
    const res = await fetch(`${this.url}/api/functions/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Envelope<unknown> };
  }

  /** Calls an action; mutations get a fresh requestId unless one is given. */
  async call<T = unknown>(fn: string, action: string, input: unknown = {}, requestId?: string | null): Promise<CallResult<T>> {
    const body: Record<string, unknown> = { action, input };
    if (requestId !== null) body.requestId = requestId ?? this.nextRequestId();
    return (await this.raw(fn, body)) as CallResult<T>;
  }
}

/** The data of a successful call; a failed one fails the test with its envelope. */
export async function dataOf<T>(promise: Promise<CallResult>): Promise<T> {
  const { body } = await promise;
  if (!body.ok) throw new Error(JSON.stringify(body));
  return body.data as T;
}

/** What a functions-over-HTTP suite runs against: a fresh local cloud (and its database). */
export interface CloudSuite {
  cloud: RunningCloud;
}

/**
 * Registers a suite's set-up and tear-down: a local cloud on a fresh data folder before its
 * tests (with `options` as for `startCloud`), stopped and its folder removed after them. The
 * field is there once `beforeAll` has run.
 */
export function cloudSuite(options: Parameters<typeof startCloud>[0] = {}): CloudSuite {
  const suite = {} as CloudSuite;
  beforeAll(async () => {
    suite.cloud = await startCloud(options);
  }, 120_000);
  afterAll(async () => {
    if (!suite.cloud) return;
    await suite.cloud.stop();
    removeDataDir(suite.cloud.dataDir);
  });
  return suite;
}

/** What one function's instances have asked of the cloud so far (its calls, their requests and sequential round trips: /api/health). */
export interface FunctionUsage {
  fn: string;
  calls: number;
  cloudRequests: number;
  cloudTrips: number;
  /** Calls by the number of sequential round trips each took. */
  callsByTrips: Record<string, number>;
}

export async function functionUsageOf(url: string, fn: string): Promise<FunctionUsage> {
  const health = (await (await fetch(`${url}/api/health`)).json()) as { functions?: FunctionUsage[] };
  return health.functions?.find((pool) => pool.fn === fn) ?? { fn, calls: 0, cloudRequests: 0, cloudTrips: 0, callsByTrips: {} };
}
