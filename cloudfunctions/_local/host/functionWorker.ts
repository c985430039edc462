/**
 * One more function instance, on its own thread: the same bundles, the same SDK and emulator,
 * the same environment (shared with the host thread). CloudBase runs a busy function on many
 * instances; here a second one lets client calls use the core the host thread would leave idle.
 *
 * Protocol (structured-clone messages):
 *   host → instance: { type: 'invoke', id, name, event, openid, callId }
 *   instance → host: { type: 'ready' } | { type: 'result', id, result } | { type: 'failed', id, error }
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { setLogSink } from '../../_core/runtime/log';
import { EmulatorAgent } from './emulatorThread';
import { FunctionHost } from './functionHost';

export interface FunctionWorkerData {
  emulatorPort: number;
  socketPath?: string;
  quiet: boolean;
}

export type ToInstance = { type: 'invoke'; id: number; name: string; event: unknown; openid: string | null; callId: string };
export type FromInstance = { type: 'ready' } | { type: 'result'; id: number; result: unknown } | { type: 'failed'; id: number; error: string };

function run(): void {
  const port = parentPort!;
  const data = workerData as FunctionWorkerData;
  const send = (message: FromInstance) => port.postMessage(message);
  // As on the host thread: the SDK's requests to the emulator go over its Unix socket.
  http.globalAgent = new EmulatorAgent(data.emulatorPort, data.socketPath);
  if (data.quiet) setLogSink((line) => (line.includes('"level":"error"') ? process.stderr.write(`${line}\n`) : undefined));
  const functions = new FunctionHost();
  functions.load();
  port.on('message', (message: ToInstance) => {
    if (message.type !== 'invoke') return;
    functions.invoke(message.name, message.event, message.openid, message.callId).then(
      (result) => send({ type: 'result', id: message.id, result }),
      (error: unknown) => send({ type: 'failed', id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  // No warm-up: each bundle loads on its first call here (a cold start, as on CloudBase), which
  // spares every local cloud the CPU of loading all of them twice at start.
  send({ type: 'ready' });
}

run();
