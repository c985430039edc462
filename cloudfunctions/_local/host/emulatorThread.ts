/**
 * Starts the emulator (emulator/worker.ts) on a worker thread and talks to it: forwards
 * admin requests that reach the public port, runs the functions it asks for, closes it.
 */
import { Agent, type ClientRequest, type ClientRequestArgs } from 'node:http';
import { createConnection } from 'node:net';
import type { Duplex } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { EmulatorWorkerData, FromWorker, ToWorker } from '../emulator/worker';
import { RequestChain } from './requestChain';

export interface EmulatorThread {
  /** The worker's own loopback endpoint for node-sdk (`serviceUrl`). */
  serviceUrl: string;
  /**
   * An HTTP agent that reaches `serviceUrl` over the worker's Unix socket (other hosts as
   * usual); the host makes it the process's global agent, which the SDK uses.
   */
  agent: Agent;
  /** What another thread needs to build the same agent. */
  port: number;
  socketPath?: string;
  /** Answers one admin request body (text) with the reply text. */
  admin(body: string): Promise<string>;
  setBaseUrl(url: string): void;
  /** How many node-sdk requests the emulator has answered. */
  requestsAnswered(): Promise<number>;
  close(): Promise<void>;
}

const workerFile = require.resolve('../emulator/worker');

/**
 * The worker runs the same TypeScript sources: under tsx (npm start, tests) it registers tsx's
 * require hook first; a compiled build would point at its .js file the same way.
 */
function spawn(data: EmulatorWorkerData): Worker {
  const source = workerFile.endsWith('.ts') ? `require('tsx/cjs');\nrequire(${JSON.stringify(workerFile)});` : `require(${JSON.stringify(workerFile)});`;
  return new Worker(source, { eval: true, workerData: data });
}

/** Node's global agent settings, with connections to the emulator's port made on its socket. */
/** What a call asked of the cloud (database, storage, open APIs): see RequestChain. */
export interface CloudUsage {
  /** Requests sent: what a call costs on CloudBase (each one is billed and served). */
  requests: number;
  /** Sequential round trips: what a call waits for on CloudBase (requests sent side by side share one). */
  trips: number;
}

export class EmulatorAgent extends Agent {
  /** The requests of the call being run (an instance under CloudBase's model runs one at a time). */
  private chain = new RequestChain();

  constructor(
    private readonly port: number,
    private readonly socketPath: string | undefined,
  ) {
    super({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });
    // Every request node-sdk sends passes the agent's addRequest (Node's http.Agent; not in its
    // typings): counting there sees each one, whichever of the SDK's code paths sent it.
    const agent = this as unknown as { addRequest: (req: ClientRequest, options: unknown) => void };
    const addRequest = agent.addRequest.bind(this);
    agent.addRequest = (req, options) => {
      const answered = this.chain.sent();
      req.once('close', answered);
      addRequest(req, options);
    };
  }

  /** Starts counting a new call's requests. */
  beginCall(): void {
    this.chain = new RequestChain();
  }

  /** The requests and round trips of the call begun last. */
  callUsage(): CloudUsage {
    return { requests: this.chain.requests, trips: this.chain.trips };
  }

  override createConnection(options: ClientRequestArgs, callback?: (error: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const toEmulator = this.socketPath !== undefined && Number(options.port) === this.port && (options.host ?? options.hostname) === '127.0.0.1';
    // A returned socket is taken as created; the agent's callback is for asynchronous creation.
    return toEmulator ? createConnection({ path: this.socketPath! }) : super.createConnection(options, callback);
  }
}

export async function startEmulatorThread(
  data: EmulatorWorkerData,
  invokeFunction: (name: string, payload: unknown) => Promise<unknown>,
): Promise<EmulatorThread> {
  const worker = spawn(data);
  const send = (message: ToWorker) => worker.postMessage(message);
  let nextId = 0;
  const pending = new Map<number, (reply: string) => void>();
  const statsWaiting = new Map<number, (requests: number) => void>();
  let closed: (() => void) | undefined;
  let closing = false;
  let failure: Error | undefined;

  const { port, socketPath } = await new Promise<{ port: number; socketPath?: string }>((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          resolve(message);
          break;
        case 'failed':
          reject(new Error(`emulator thread failed: ${message.error}`));
          break;
        case 'admin':
          pending.get(message.id)?.(message.reply);
          pending.delete(message.id);
          break;
        case 'invoke':
          invokeFunction(message.name, message.data).then(
            (result) => send({ type: 'invoked', id: message.id, result: JSON.parse(JSON.stringify(result ?? null)) as unknown }),
            (error: unknown) => send({ type: 'invoked', id: message.id, error: error instanceof Error ? error.message : String(error) }),
          );
          break;
        case 'stats':
          statsWaiting.get(message.id)?.(message.requests);
          statsWaiting.delete(message.id);
          break;
        case 'closed':
          closed?.();
          break;
      }
    });
    worker.once('error', (error) => {
      failure = error;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!failure && !closing) {
        // A local cloud without its database cannot answer anything: fail loudly, as a crash would.
        console.error(`[local-cloud] the emulator thread stopped unexpectedly (exit code ${code})`);
        process.exitCode = 1;
        setImmediate(() => process.exit(1));
      }
      failure ??= new Error(`emulator thread exited with ${code}`);
      reject(failure);
      closed?.();
      // Nothing can answer the callers still waiting: the database is gone.
      for (const answer of pending.values()) answer(JSON.stringify({ code: 'SYS_ERR', message: failure.message }));
      pending.clear();
      for (const answer of statsWaiting.values()) answer(0);
      statsWaiting.clear();
    });
  });

  return {
    serviceUrl: `http://127.0.0.1:${port}/tcb/admin`,
    agent: new EmulatorAgent(port, socketPath),
    port,
    ...(socketPath ? { socketPath } : {}),
    admin(body) {
      if (failure) return Promise.resolve(JSON.stringify({ code: 'SYS_ERR', message: failure.message }));
      nextId += 1;
      const id = nextId;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        send({ type: 'admin', id, body });
      });
    },
    setBaseUrl(url) {
      send({ type: 'baseUrl', url });
    },
    requestsAnswered() {
      if (failure) return Promise.resolve(0);
      nextId += 1;
      const id = nextId;
      return new Promise((resolve) => {
        statsWaiting.set(id, resolve);
        send({ type: 'stats', id });
      });
    },
    async close() {
      if (failure) return;
      closing = true;
      await new Promise<void>((resolve) => {
        closed = resolve;
        send({ type: 'close' });
      });
      await worker.terminate();
    },
  };
}
