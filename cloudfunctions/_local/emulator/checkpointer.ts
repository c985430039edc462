/**
 * Copies the WAL back into the database file on a thread of its own. SQLite's automatic
 * checkpoint runs inside whichever commit crosses the threshold — on the emulator's thread, which
 * then answers nobody while it copies and fsyncs megabytes; a passive checkpoint from another
 * connection copies what is committed without blocking the writer or its readers. The store keeps
 * a high automatic threshold as the fallback should this thread stop.
 */
import { Worker } from 'node:worker_threads';

const EVERY_MS = 250;

/** The thread's whole program: a connection of its own and a passive checkpoint now and then. */
const program = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closing: the next round does it */ }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.postMessage('closed');
});
`;

export interface Checkpointer {
  close(): Promise<void>;
}

export function startCheckpointer(file: string): Checkpointer {
  const worker = new Worker(program, { eval: true, workerData: { file, everyMs: EVERY_MS, driver: require.resolve('better-sqlite3') } });
  // A checkpointer that fails leaves the store's own automatic checkpoint to do the work.
  worker.on('error', () => undefined);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        const done = () => void worker.terminate().then(() => resolve(), () => resolve());
        worker.once('message', done);
        worker.once('exit', () => resolve());
        worker.postMessage('close');
      }),
  };
}
