/**
 * CloudBase's model of function instances, the local cloud's default (docs/limits.md):
 *
 * - each function has its own instances; an instance runs ONE call at a time (CloudBase event
 *   functions: "单实例单并发", one request per instance), so module-level state — caches,
 *   request coalescers — is shared only by the calls one instance runs one after another,
 *   never by calls running at the same time;
 * - instances start as load needs them (a cold start loads the function's bundle), up to
 *   `maxPerFunction`; calls beyond that queue, first come first served, for the next free one;
 * - a call runs at most the function's `timeout`: then it fails with FUNCTIONS_TIME_LIMIT_EXCEEDED
 *   and its instance is stopped (the next call gets a fresh one), never reused with the call stuck in it;
 * - an instance's heap is the function's `memorySize`; request and response at most 6 MB.
 *
 * Why one worker thread per instance, not several copies of a bundle on one thread: a thread can
 * be stopped at a timeout (a copy on a shared thread could not: a stuck loop would hold every
 * other instance), its heap can be bounded to the function's memory, and its module state is
 * its own by construction — node-sdk's included, which a second copy of a bundle would share
 * through `require`'s cache. It costs a thread start and a bundle load per instance (measured
 * in docs/limits.md), paid once per instance, as CloudBase pays a cold start.
 */
import { FunctionCallFailed, checkPayload, limitsOf, type FunctionLimits } from './functionLimits';
import type { CallContext } from './functionHost';
import type { FunctionWorkerData } from './functionWorker';
import { WorkerInstance } from './workerInstance';

/** What /api/health shows of one function's instances. */
export interface PoolState {
  fn: string;
  instances: number;
  busy: number;
  queued: number;
  held: number;
  calls: number;
  /** Cloud requests and sequential round trips of the calls answered (emulatorThread.ts, CloudUsage). */
  cloudRequests: number;
  cloudTrips: number;
  /** How many calls took each number of sequential round trips (`"2": 2323`): a mean hides the few long ones. */
  callsByTrips: Record<string, number>;
}

class FunctionPool {
  private readonly instances = new Set<WorkerInstance>();
  private readonly idle: WorkerInstance[] = [];
  private readonly queue: Array<{ resolve: (instance: WorkerInstance) => void; reject: (error: Error) => void }> = [];
  private calls = 0;
  private held = 0;
  private readonly usage = { requests: 0, trips: 0 };
  private readonly callsByTrips: Record<string, number> = {};
  private readonly limits: FunctionLimits;

  constructor(
    readonly fn: string,
    private readonly maxInstances: number,
    private readonly data: FunctionWorkerData,
    private readonly isClosing: () => boolean,
  ) {
    this.limits = limitsOf(fn);
  }

  /** `isHeld` is asked once an instance is free, so a call queued before a release is not held after it. */
  async call(event: unknown, context: CallContext, isHeld: () => boolean): Promise<unknown> {
    // The platform refuses an oversized request before any instance sees it.
    const eventJson = JSON.stringify(event ?? null);
    checkPayload(eventJson, 'request');
    const instance = await this.acquire();
    const held = isHeld();
    if (held) this.held += 1;
    try {
      const { json, usage } = await instance.call(this.fn, eventJson, JSON.stringify(context), { timeoutMs: this.limits.timeoutMs, held });
      this.usage.requests += usage.requests;
      this.usage.trips += usage.trips;
      this.callsByTrips[usage.trips] = (this.callsByTrips[usage.trips] ?? 0) + 1;
      return JSON.parse(json) as unknown;
    } finally {
      if (held) this.held -= 1;
      this.calls += 1;
      this.release(instance);
    }
  }

  /** A free instance: an idle one, else a new one while under the limit, else the next to be freed. */
  private acquire(): Promise<WorkerInstance> {
    const idle = this.idle.pop();
    if (idle) return Promise.resolve(idle);
    if (this.instances.size < this.maxInstances) return this.spawn();
    return new Promise((resolve, reject) => this.queue.push({ resolve, reject }));
  }

  private release(instance: WorkerInstance): void {
    if (this.isClosing()) return;
    const next = this.queue.shift();
    if (instance.alive) {
      if (next) next.resolve(instance);
      else this.idle.push(instance);
      return;
    }
    // The instance was stopped (a timeout, a crash): a waiting call gets a fresh one.
    if (next) this.spawn().then(next.resolve, next.reject);
  }

  private async spawn(): Promise<WorkerInstance> {
    const instance = new WorkerInstance(
      { ...this.data, preload: this.fn },
      {
        memoryMb: this.limits.memoryMb,
        onExit: (gone) => {
          this.instances.delete(gone);
          const at = this.idle.indexOf(gone);
          if (at >= 0) this.idle.splice(at, 1);
        },
      },
    );
    this.instances.add(instance);
    await instance.started;
    if (!instance.alive) throw new FunctionCallFailed('FUNCTIONS_EXECUTE_FAIL', `function ${this.fn}: instance failed to start`);
    return instance;
  }

  releaseHeld(): void {
    for (const instance of this.instances) instance.release();
  }

  state(): PoolState {
    return { fn: this.fn, instances: this.instances.size, busy: this.instances.size - this.idle.length, queued: this.queue.length, held: this.held, calls: this.calls, cloudRequests: this.usage.requests, cloudTrips: this.usage.trips, callsByTrips: { ...this.callsByTrips } };
  }

  async close(): Promise<void> {
    for (const waiting of this.queue.splice(0)) waiting.reject(new FunctionCallFailed('FUNCTIONS_EXECUTE_FAIL', 'local cloud is stopping'));
    await Promise.all([...this.instances].map((instance) => instance.stop()));
  }
}

export class FunctionPools {
  private readonly pools = new Map<string, FunctionPool>();
  private closing = false;
  /** Actions whose calls are held inside their instance until released (tests only: LINLI_TEST_HOLDS=1). */
  private readonly holding = new Set<string>();

  constructor(
    private readonly maxPerFunction: number,
    private readonly data: FunctionWorkerData,
  ) {}

  /** Runs one call on an instance of `fn` (see the module comment). */
  call(fn: string, event: unknown, context: CallContext): Promise<unknown> {
    let pool = this.pools.get(fn);
    if (!pool) {
      pool = new FunctionPool(fn, this.maxPerFunction, this.data, () => this.closing);
      this.pools.set(fn, pool);
    }
    const action = (event as { action?: unknown } | null)?.action;
    return pool.call(event, context, () => typeof action === 'string' && this.holding.has(`${fn}/${action}`));
  }

  /** Holds the calls of `fn`'s `action` that start from now on inside their instances. */
  hold(fn: string, action: string): void {
    this.holding.add(`${fn}/${action}`);
  }

  /** Stops holding and lets every held call go on. */
  releaseAll(): void {
    this.holding.clear();
    for (const pool of this.pools.values()) pool.releaseHeld();
  }

  describe(): PoolState[] {
    return [...this.pools.values()].map((pool) => pool.state()).sort((a, b) => a.fn.localeCompare(b.fn));
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.pools.values()].map((pool) => pool.close()));
  }
}
