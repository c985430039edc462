/**
 * A function instance on a worker thread (functionWorker.ts): the deployed bundles, node-sdk
 * and the emulator's socket, in a thread of its own. Events and replies cross as JSON text, as
 * they cross CloudBase's wire (a Date in a reply arrives as a string, as there).
 */
import { Worker } from 'node:worker_threads';
import { FunctionCallFailed, timeoutMessage } from './functionLimits';
import type { CloudUsage } from './emulatorThread';
import type { FromInstance, FunctionWorkerData, ToInstance } from './functionWorker';

const workerFile = require.resolve('./functionWorker');

interface Pending {
  resolve: (reply: { json: string; usage: CloudUsage }) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

export interface InstanceOptions {
  /** Old-generation heap of the thread: the function's memory size. */
  memoryMb?: number;
  /** Called once the thread has stopped (crashed, terminated after a timeout, or closed). */
  onExit?: (instance: WorkerInstance) => void;
}

export class WorkerInstance {
  /** Calls in flight. */
  inFlight = 0;
  /** Calls answered so far (shown by /api/health). */
  served = 0;
  ready = false;
  /** False once the thread is stopping or stopped: it takes no more calls. */
  alive = true;
  /** Settles once the thread is ready to take calls, or has stopped before it was. */
  readonly started: Promise<void>;
  private readonly worker: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(data: FunctionWorkerData, options: InstanceOptions = {}) {
    const source = workerFile.endsWith('.ts') ? `require('tsx/cjs');\nrequire(${JSON.stringify(workerFile)});` : `require(${JSON.stringify(workerFile)});`;
    // The instance gets a copy of the environment, taken after the host has set the SDK's configuration
    // in it. A larger young generation: the SDK allocates a lot per call, and scavenges took ~10 % of the thread.
    this.worker = new Worker(source, {
      eval: true,
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: 64, ...(options.memoryMb ? { maxOldGenerationSizeMb: options.memoryMb } : {}) },
    });
    let settle: () => void = () => undefined;
    this.started = new Promise((resolve) => (settle = resolve));
    this.worker.on('message', (message: FromInstance) => {
      if (message.type === 'ready') {
        this.ready = true;
        settle();
        return;
      }
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.type === 'result') waiting.resolve({ json: message.result, usage: message.usage });
      else waiting.reject(message.code ? new FunctionCallFailed(message.code, message.error) : new Error(message.error));
    });
    this.worker.once('exit', (code) => {
      this.ready = false;
      this.alive = false;
      settle();
      for (const waiting of this.pending.values()) {
        clearTimeout(waiting.timer);
        waiting.reject(new FunctionCallFailed('FUNCTIONS_EXECUTE_FAIL', `function instance stopped (exit code ${code})`));
      }
      this.pending.clear();
      options.onExit?.(this);
    });
    // An error (out of memory, an uncaught exception) is followed by 'exit'; listening keeps it
    // from becoming the host's uncaught exception.
    this.worker.on('error', () => undefined);
  }

  /**
   * Runs one call: `event` and `context` as JSON text, the reply as JSON text. With `timeoutMs`
   * the call fails with FUNCTIONS_TIME_LIMIT_EXCEEDED once it has run that long and the thread
   * is stopped with whatever it was doing, as CloudBase ends a timed-out invocation: the
   * instance is never reused while the stuck call could still run. `held` keeps the call
   * waiting inside the instance until `release` (tests: a slow call made deterministic).
   * Answers the reply and what the call asked of the cloud (its requests and round trips).
   */
  call(name: string, event: string, context: string, options: { timeoutMs?: number; held?: boolean } = {}): Promise<{ json: string; usage: CloudUsage }> {
    if (!this.alive) return Promise.reject(new FunctionCallFailed('FUNCTIONS_EXECUTE_FAIL', 'function instance stopped'));
    this.nextId += 1;
    const id = this.nextId;
    this.inFlight += 1;
    return new Promise<{ json: string; usage: CloudUsage }>((resolve, reject) => {
      const waiting: Pending = { resolve, reject };
      if (options.timeoutMs !== undefined) {
        waiting.timer = setTimeout(() => {
          this.pending.delete(id);
          reject(new FunctionCallFailed('FUNCTIONS_TIME_LIMIT_EXCEEDED', timeoutMessage(options.timeoutMs!)));
          void this.stop();
        }, options.timeoutMs);
      }
      this.pending.set(id, waiting);
      const message: ToInstance = { type: 'invoke', id, name, event, context, held: options.held === true };
      this.worker.postMessage(message);
    }).finally(() => {
      this.inFlight -= 1;
      this.served += 1;
    });
  }

  /** Lets every held call of this instance go on. */
  release(): void {
    if (this.alive) this.worker.postMessage({ type: 'release' } satisfies ToInstance);
  }

  async stop(): Promise<void> {
    this.alive = false;
    await this.worker.terminate();
  }
}
