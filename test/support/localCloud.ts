/**
 * Starts the real local cloud (`npm start`'s entry) as a child process on a free port and a
 * fresh data folder, and gives tests a client for its stable HTTP face (DESIGN §4).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '../../src/shared/errors';

const root = join(__dirname, '..', '..');

export interface RunningCloud {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A fresh temporary data folder. */
export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'linli-test-'));
}

/** Spawns the local cloud and waits until it prints its URL. */
export async function startCloud(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningCloud> {
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
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`local cloud did not start:\n${output}`)), 30_000);
    const check = () => {
      const match = /open:\s+(http:\/\/\S+?)\/?\s/.exec(output);
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
  return {
    url,
    dataDir,
    child,
    output: () => output,
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
