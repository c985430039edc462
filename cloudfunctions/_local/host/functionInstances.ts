/**
 * Client calls spread over function instances: the host thread's own FunctionHost and, where
 * the machine has cores to spare, worker threads running the same bundles (functionWorker.ts).
 * Calls go to the host thread's instance while it is not busy, then to the instance with the
 * fewest calls in flight; an instance still starting takes none. Timers, the seed and function-to-function calls stay on the host thread.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { FunctionHost } from './functionHost';
import type { FromInstance, FunctionWorkerData, ToInstance } from './functionWorker';

const workerFile = require.resolve('./functionWorker');
/** Calls in flight on the host thread before others go to a worker instance. */
const SPILL_OVER_AT = 4;

interface Instance {
  inFlight: number;
  /** Client calls answered so far (shown by /api/health). */
  served: number;
  invoke(name: string, event: unknown, openid: string | null, callId: string): Promise<unknown>;
}

/** A function instance on a worker thread; calls in flight fail if the thread dies. */
class WorkerInstance implements Instance {
  inFlight = 0;
  served = 0;
  ready = false;
  /** Settles once the thread is ready to take calls, or has stopped before it was. */
  readonly started: Promise<void>;
  private readonly worker: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(data: FunctionWorkerData, onExit: (instance: WorkerInstance) => void) {
    const source = workerFile.endsWith('.ts') ? `require('tsx/cjs');\nrequire(${JSON.stringify(workerFile)});` : `require(${JSON.stringify(workerFile)});`;
    // The instance gets a copy of the environment, taken after the host has set the SDK's configuration
    // in it. A larger young generation: the SDK allocates a lot per call, and scavenges took ~10 % of the thread.
    this.worker = new Worker(source, { eval: true, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    let settle: () => void = () => undefined;
    this.started = new Promise((resolve) => (settle = resolve));
    this.worker.on('message', (message: FromInstance) => {
      if (message.type === 'ready') {
        this.ready = true;
        settle();
        return;
      }
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.type === 'result') waiting?.resolve(message.result);
      else waiting?.reject(new Error(message.error));
    });
    this.worker.once('exit', (code) => {
      this.ready = false;
      // A thread that dies while starting is replaced (below); start-up does not wait for that one.
      settle();
      for (const waiting of this.pending.values()) waiting.reject(new Error(`function instance stopped (exit code ${code})`));
      this.pending.clear();
      onExit(this);
    });
    // An error is followed by 'exit'; listening keeps it from becoming an uncaught exception.
    this.worker.on('error', () => undefined);
  }

  invoke(name: string, event: unknown, openid: string | null, callId: string): Promise<unknown> {
    this.nextId += 1;
    const id = this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const message: ToInstance = { type: 'invoke', id, name, event, openid, callId };
      this.worker.postMessage(message);
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

export class FunctionInstances {
  private readonly local: Instance;
  private readonly workers: WorkerInstance[] = [];
  private closing = false;

  constructor(
    host: FunctionHost,
    private readonly data: FunctionWorkerData,
  ) {
    this.local = { inFlight: 0, served: 0, invoke: (name, event, openid, callId) => host.invoke(name, event, openid, callId) };
  }

  /**
   * Starts `count` worker instances; settles once each is ready to take calls (or has stopped
   * before it was). The local cloud awaits this before it reports ready.
   */
  async start(count: number): Promise<void> {
    const started: Array<Promise<void>> = [];
    for (let i = 0; i < count; i += 1) started.push(this.spawn().started);
    await Promise.all(started);
  }

  private spawn(): WorkerInstance {
    const instance = new WorkerInstance(this.data, (gone) => {
      this.workers.splice(this.workers.indexOf(gone), 1);
      // A crashed instance is replaced, as the platform starts a new one.
      if (!this.closing) this.spawn();
    });
    this.workers.push(instance);
    return instance;
  }

  /**
   * Runs a client call on the host thread's instance (whose bundles are warm) until it has a few
   * calls in flight, then on the least busy instance: a person using the app is answered by warm
   * functions, and only a crowd spills over to the worker threads (loading a bundle there on its
   * first call, as a new CloudBase instance would).
   */
  async invoke(name: string, event: unknown, openid: string | null): Promise<unknown> {
    let chosen = this.local;
    if (this.local.inFlight >= SPILL_OVER_AT) for (const worker of this.workers) if (worker.ready && worker.inFlight < chosen.inFlight) chosen = worker;
    chosen.inFlight += 1;
    try {
      return await chosen.invoke(name, event, openid, randomUUID());
    } finally {
      chosen.inFlight -= 1;
      chosen.served += 1;
    }
  }

  /** The instances answering client calls now, with how many calls each has answered. */
  describe(): Array<{ instance: string; calls: number }> {
    return [{ instance: 'main', calls: this.local.served }, ...this.workers.filter((w) => w.ready).map((w, i) => ({ instance: `worker-${i + 1}`, calls: w.served }))];
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.stop()));
  }
}
