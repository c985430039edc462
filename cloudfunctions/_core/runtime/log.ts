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

let sink: Sink = (line) => process.stdout.write(`${line}\n`);

/** Redirects log lines (tests and the local cloud's quiet mode use this). */
export function setLogSink(next: Sink): void {
  sink = next;
}

/** Writes one call's log line. */
export function logCall(line: CallLogLine): void {
  sink(JSON.stringify({ ts: new Date().toISOString(), level: line.code === 'INTERNAL' ? 'error' : 'info', ...line }));
}
