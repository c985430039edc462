/**
 * The shared mode (LINLI_INSTANCE_MODE=shared): client calls spread over function instances
 * that each run every function and many calls at once — the host thread's own FunctionHost and,
 * where the machine has cores to spare, worker threads running the same bundles. Looser than
 * CloudBase (module state is shared by concurrent calls, no timeout), kept for speed and for
 * comparison in the bench; the default is functionPools.ts.
 * Calls go to the host thread's instance while it is not busy, then to the instance with the
 * fewest calls in flight; an instance still starting takes none. Timers, the seed and function-to-function calls stay on the host thread.
 */
import { randomUUID } from 'node:crypto';
import { callContext, type FunctionHost } from './functionHost';
import type { FunctionWorkerData } from './functionWorker';
import { WorkerInstance } from './workerInstance';

/** Calls in flight on the host thread before others go to a worker instance. */
const SPILL_OVER_AT = 4;

interface Instance {
  inFlight: number;
  /** Client calls answered so far (shown by /api/health). */
  served: number;
  ready: boolean;
  invoke(name: string, event: unknown, openid: string | null, callId: string): Promise<unknown>;
}

export class FunctionInstances {
  private readonly local: Instance;
  private readonly workers: WorkerInstance[] = [];
  private closing = false;

  constructor(
    host: FunctionHost,
    private readonly data: FunctionWorkerData,
  ) {
    this.local = { inFlight: 0, served: 0, ready: true, invoke: (name, event, openid, callId) => host.invoke(name, event, openid, callId) };
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
    const instance = new WorkerInstance(this.data, {
      onExit: (gone) => {
        this.workers.splice(this.workers.indexOf(gone), 1);
        // A crashed instance is replaced, as the platform starts a new one.
        if (!this.closing) this.spawn();
      },
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
    let chosen: Instance | WorkerInstance = this.local;
    if (this.local.inFlight >= SPILL_OVER_AT) for (const worker of this.workers) if (worker.ready && worker.inFlight < chosen.inFlight) chosen = worker;
    if (chosen === this.local) {
      this.local.inFlight += 1;
      try {
        return await this.local.invoke(name, event, openid, randomUUID());
      } finally {
        this.local.inFlight -= 1;
        this.local.served += 1;
      }
    }
    return JSON.parse((await (chosen as WorkerInstance).call(name, JSON.stringify(event), JSON.stringify(callContext(name, openid)))).json) as unknown;
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
