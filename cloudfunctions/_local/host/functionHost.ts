/**
 * Runs the deployable bundles (cloudfunctions/<fn>/index.js) in this process, calling their
 * `main(event, context)` with a context shaped like CloudBase's: the caller's openid travels
 * in `context.environment`, exactly where the platform puts it.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './config';

export type FunctionMain = (event: unknown, context: unknown) => Promise<unknown>;

/** Where calls go once the local cloud is up, when not to this thread's own bundles (functionPools.ts). */
export type CallDispatcher = (name: string, event: unknown, context: CallContext) => Promise<unknown>;

/** The context CloudBase passes to `main(event, context)`. */
export interface CallContext {
  request_id: string;
  function_name: string;
  namespace: string;
  /** JSON of the caller's environment: the openid travels here (`WX_OPENID`), as on the platform. */
  environment: string;
}

export interface TimerTrigger {
  fn: string;
  name: string;
  /** CloudBase cron: second minute hour day month weekday year. */
  cron: string;
  /**
   * True for the function's timer trigger (config.json `triggers`), which fires on its cron;
   * false for a job behind it (config.json `jobs`), which the trigger runs when the job's cron
   * is due and which can be fired by name locally (POST /api/dev/timers/<fn>/<job>).
   */
  scheduled: boolean;
}

const functionsDir = join(projectRoot, 'cloudfunctions');

/** Names of the deployable functions (folders not starting with `_`). */
export function deployableFunctions(): string[] {
  return readdirSync(functionsDir)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .filter((name) => existsSync(join(functionsDir, name, 'src', 'main.ts')))
    .sort();
}

/**
 * How many invocations run at once; the rest queue, as on CloudBase where each instance takes
 * a bounded number of requests. Without a bound, a crowd of thousands would start thousands of
 * database round trips at once and every one of them would be slow.
 */
const MAX_CONCURRENT_INVOCATIONS = 48;

export class FunctionHost {
  /** Bundle path by function name; each is required on its first call, like a cold start. */
  private readonly bundles = new Map<string, string>();
  private readonly mains = new Map<string, FunctionMain>();
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private dispatcher: CallDispatcher | undefined;

  /**
   * Sends every call from now on (client calls, timers, function-to-function calls, dev sessions)
   * to `dispatcher` instead of this thread's bundles: the instances of CloudBase's model. The seed
   * runs before, on this thread.
   */
  dispatchTo(dispatcher: CallDispatcher): void {
    this.dispatcher = dispatcher;
  }

  /**
   * Finds every built bundle; the caller builds them first when missing. Requiring all sixteen
   * at start took about a second (each carries node-sdk, zod and the contract; exceljs and pdfkit
   * weigh more), so a bundle is required when first called, as CloudBase cold-starts a function.
   */
  load(): void {
    for (const name of deployableFunctions()) {
      const bundle = join(functionsDir, name, 'index.js');
      if (!existsSync(bundle)) throw new Error(`function ${name} is not built: run npm run build:functions`);
      delete require.cache[require.resolve(bundle)];
      this.bundles.set(name, bundle);
    }
    this.mains.clear();
  }

  has(name: string): boolean {
    return this.bundles.has(name);
  }

  names(): string[] {
    return [...this.bundles.keys()];
  }

  /**
   * Requires the bundles not called yet, one per turn of the event loop, once the local cloud is
   * up: the first person to open the app then finds warm functions, and a request arriving
   * meanwhile waits for one bundle at most.
   */
  warmUp(): void {
    const pending = [...this.bundles.keys()].filter((name) => !this.mains.has(name));
    const next = () => {
      const name = pending.shift();
      if (name === undefined) return;
      try {
        this.mainOf(name);
      } catch {
        // A broken bundle answers its callers with the error when it is called.
      }
      setTimeout(next, 0).unref();
    };
    setTimeout(next, 0).unref();
  }

  /** Loads `name`'s bundle now (an instance's cold start); a broken bundle is reported when called. */
  prepare(name: string): void {
    try {
      this.mainOf(name);
    } catch {
      // Answered to the callers by runHere.
    }
  }

  private mainOf(name: string): FunctionMain | undefined {
    const loaded = this.mains.get(name);
    if (loaded) return loaded;
    const bundle = this.bundles.get(name);
    if (!bundle) return undefined;
    const exports = require(bundle) as { main?: FunctionMain };
    if (typeof exports.main !== 'function') throw new Error(`function ${name} has no main export`);
    this.mains.set(name, exports.main);
    return exports.main;
  }

  /** Invokes a function as a mini-program user (openid) or anonymously (null). */
  async invoke(name: string, event: unknown, openid: string | null, callId: string = randomUUID()): Promise<unknown> {
    return this.route(name, event, callContext(name, openid, callId));
  }

  /** Fires a timer trigger the way CloudBase does; `firedAt` is the time it was scheduled for. */
  async fireTimer(trigger: TimerTrigger, firedAt: Date = new Date()): Promise<unknown> {
    const environment = { TCB_ENV: 'local', TRIGGER_SRC: 'timer' };
    const event = { Type: 'Timer', TriggerName: trigger.name, Time: firedAt.toISOString() };
    return this.route(trigger.fn, event, {
      request_id: randomUUID(),
      function_name: trigger.fn,
      namespace: 'local',
      environment: JSON.stringify(environment),
    });
  }

  private route(name: string, event: unknown, context: CallContext): Promise<unknown> {
    if (!this.has(name)) return Promise.reject(new Error(`unknown function ${name}`));
    return this.dispatcher ? this.dispatcher(name, event, context) : this.runHere(name, event, context);
  }

  /** Runs a call on this thread's own bundles. */
  async runHere(name: string, event: unknown, context: unknown): Promise<unknown> {
    const main = this.mainOf(name);
    if (!main) throw new Error(`unknown function ${name}`);
    // A finishing invocation hands its slot straight to the longest waiting one, so the queue is
    // first-in first-out and newcomers cannot slip past it while the slot changes hands.
    if (this.running >= MAX_CONCURRENT_INVOCATIONS || this.waiting.length > 0) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await main(event, context);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  /** Timer triggers declared in every function's config.json, and the jobs behind them. */
  timerTriggers(): TimerTrigger[] {
    const triggers: TimerTrigger[] = [];
    for (const fn of deployableFunctions()) {
      const file = join(functionsDir, fn, 'config.json');
      if (!existsSync(file)) continue;
      const config = JSON.parse(readFileSync(file, 'utf8')) as {
        triggers?: Array<{ name: string; type: string; config: string }>;
        jobs?: Record<string, string>;
      };
      for (const trigger of config.triggers ?? []) {
        if (trigger.type === 'timer') triggers.push({ fn, name: trigger.name, cron: trigger.config, scheduled: true });
      }
      for (const [name, cron] of Object.entries(config.jobs ?? {})) triggers.push({ fn, name, cron, scheduled: false });
    }
    return triggers;
  }
}

/** The context of a call as a mini-program user (openid) or anonymously (null). */
export function callContext(name: string, openid: string | null, callId: string = randomUUID()): CallContext {
  const environment: Record<string, string> = { TCB_ENV: 'local' };
  if (openid) {
    environment.WX_OPENID = openid;
    environment.WX_CONTEXT_KEYS = 'WX_OPENID';
  }
  return { request_id: callId, function_name: name, namespace: 'local', environment: JSON.stringify(environment) };
}
