/**
 * A function instance on its own thread (see workerInstance.ts): the same bundles, the same SDK
 * and emulator, the same environment (a copy of the host thread's). Under CloudBase's model
 * (functionPools.ts) each thread is one instance of one function, taking one call at a time;
 * in the shared mode (functionInstances.ts) it runs any function, many calls at once.
 *
 * Protocol (structured-clone messages; events, contexts and results as JSON text):
 *   host → instance: { type: 'invoke', id, name, event, context, held } | { type: 'release' }
 *   instance → host: { type: 'ready' } | { type: 'result', id, result } | { type: 'failed', id, error, code? }
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { setLogSink } from '../../_core/runtime/log';
import { EmulatorAgent, type CloudUsage } from './emulatorThread';
import { FunctionHost } from './functionHost';
import { checkPayload, FunctionCallFailed, type FunctionFailureCode } from './functionLimits';

export interface FunctionWorkerData {
  emulatorPort: number;
  socketPath?: string;
  quiet: boolean;
  /** The function this instance belongs to: its bundle loads before the instance says ready (a cold start). */
  preload?: string;
}

export type ToInstance = { type: 'invoke'; id: number; name: string; event: string; context: string; held: boolean } | { type: 'release' };
export type FromInstance = { type: 'ready' } | { type: 'result'; id: number; result: string; usage: CloudUsage } | { type: 'failed'; id: number; error: string; code?: FunctionFailureCode };

function run(): void {
  const port = parentPort!;
  const data = workerData as FunctionWorkerData;
  const send = (message: FromInstance) => port.postMessage(message);
  // As on the host thread: the SDK's requests to the emulator go over its Unix socket.
  const agent = new EmulatorAgent(data.emulatorPort, data.socketPath);
  http.globalAgent = agent;
  if (data.quiet) setLogSink((line) => (line.includes('"level":"error"') ? process.stderr.write(`${line}\n`) : undefined));
  const functions = new FunctionHost();
  functions.load();
  // A broken bundle answers its callers with the error when called, as in the shared mode.
  if (data.preload) functions.prepare(data.preload);
  let held: Array<() => void> = [];
  port.on('message', (message: ToInstance) => {
    if (message.type === 'release') {
      for (const go of held) go();
      held = [];
      return;
    }
    const gate = message.held ? new Promise<void>((resolve) => held.push(resolve)) : Promise.resolve();
    gate
      .then(async () => {
        // Under CloudBase's model an instance runs one call at a time, so what the agent counts
        // from here to the answer is that call's own (docs/limits.md).
        agent.beginCall();
        const result = JSON.stringify((await functions.runHere(message.name, JSON.parse(message.event), JSON.parse(message.context))) ?? null);
        checkPayload(result, 'response');
        return result;
      })
      .then(
        (result) => send({ type: 'result', id: message.id, result, usage: agent.callUsage() }),
        (error: unknown) =>
          send({ type: 'failed', id: message.id, error: error instanceof Error ? error.message : String(error), ...(error instanceof FunctionCallFailed ? { code: error.code } : {}) }),
      );
  });
  send({ type: 'ready' });
}

run();
