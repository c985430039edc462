/** One structured JSON line per call; never the input (it may hold personal data). */
export interface CallLogLine {
  requestId: string;
  fn: string;
  action: string;
  actor: string | null;
  code: string;
  ms: number;
  replayed?: boolean;
  error?: string;
}

type Sink = (line: string) => void;

const defaultSink: Sink = (line) => process.stdout.write(`${line}\n`);

/**
 * The sink is kept on a process-wide key, not in this module: every function bundle carries
 * its own copy of this module, and a host running several bundles in one process (the local
 * cloud) must redirect all of them at once.
 */
const SINK = Symbol.for('linli.logSink');
type WithSink = typeof globalThis & { [SINK]?: Sink };

/** Redirects log lines of every function in this process (tests and the local cloud use this). */
export function setLogSink(next: Sink): void {
  (globalThis as WithSink)[SINK] = next;
}

/** Writes one call's log line. */
export function logCall(line: CallLogLine): void {
  const sink = (globalThis as WithSink)[SINK] ?? defaultSink;
  sink(JSON.stringify({ ts: new Date().toISOString(), level: line.code === 'INTERNAL' ? 'error' : 'info', ...line }));
}

/** Writes one event line (a warning the call itself survived, e.g. a subscribe message WeChat refused). */
export function logEvent(level: 'warn' | 'error', event: string, fields: Record<string, unknown>): void {
  const sink = (globalThis as WithSink)[SINK] ?? defaultSink;
  sink(JSON.stringify({ ts: new Date().toISOString(), level, event, ...fields }));
}
