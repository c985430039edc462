/**
 * How the store's writes are committed and made durable: each write atomic under the write
 * lock, the writes of one turn of the event loop optionally committed together (group commit),
 * and the WAL fsynced once per burst of commits instead of once per commit.
 */
import type Database from 'better-sqlite3';
import { closeSync, fsync, openSync } from 'node:fs';
import { asError } from '../../../src/shared/errors';

export interface CommitOptions {
  /** The database file; its WAL is `<file>-wal`. */
  file: string;
  /** Acknowledged writes survive power loss (the WAL is fsynced), not only a process crash. */
  durable: boolean;
  /** Group the writes of one turn into one SQLite transaction (see StoreOptions.groupCommit). */
  groupCommit: boolean;
}

interface GroupCommit {
  /** Settles when the group is committed; rejects when its writes were lost. */
  done: Promise<void>;
  settle: (error?: Error) => void;
  open: boolean;
}

/** The commit schedule of one SQLite connection. */
export class Commits {
  private readonly walFile: string;
  private walFd: number | undefined;
  private flushing: Promise<void> | undefined;
  private flushQueued: Promise<void> | undefined;
  private readonly durable: boolean;
  private readonly groupCommit: boolean;
  /** The open group: the writes of this turn, committed together. */
  private group: GroupCommit | undefined;

  constructor(
    private readonly db: Database.Database,
    options: CommitOptions,
  ) {
    this.walFile = `${options.file}-wal`;
    this.durable = options.durable;
    this.groupCommit = options.groupCommit;
  }

  /** Commits the open group and lets go of the WAL; the caller closes the connection after. */
  close(): void {
    if (this.group) {
      const group = this.group;
      this.db.exec('COMMIT');
      this.endGroup(group);
    }
    if (this.walFd !== undefined) closeSync(this.walFd);
    this.walFd = undefined;
  }

  /**
   * Group commit: resolves once everything written so far is committed and on disk. Writes of
   * one burst share one fsync of the WAL (run off the event loop), instead of one per commit.
   */
  async flushWal(): Promise<void> {
    await this.settled();
    if (!this.durable) return;
    if (this.flushing) {
      // Commits made while a flush runs need the next one.
      this.flushQueued ??= this.flushing.then(() => {
        this.flushQueued = undefined;
        return this.flushWal();
      });
      return this.flushQueued;
    }
    const run = async () => {
      this.walFd ??= openSync(this.walFile, 'r');
      await new Promise<void>((resolve, reject) => fsync(this.walFd!, (error) => (error ? reject(error) : resolve())));
    };
    this.flushing = run().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  /**
   * Settles once the writes made so far are committed; rejects when their group failed to
   * commit (none of them happened then). Resolved at once without group commit.
   */
  settled(): Promise<void> {
    return this.group?.done ?? Promise.resolve();
  }

  /**
   * Runs `fn` atomically, holding the write lock from its start: a deferred transaction that
   * reads first could not take the lock once another connection to the file (the dev sessions)
   * has committed since its read, and would fail at once with SQLITE_BUSY instead of waiting its
   * turn. With group commit it is a savepoint of the turn's transaction, which is committed
   * once the turn's other work is done: one commit (and one set of WAL page writes) for a crowd.
   */
  atomically<T>(fn: () => T): T {
    if (!this.groupCommit) return this.db.transaction(fn).immediate();
    const group = this.group ?? this.openGroup();
    try {
      return this.db.transaction(fn)();
    } finally {
      // Some failures (a full disk, an I/O error) roll the whole transaction back, not just the
      // savepoint: everything of this turn is lost, and its callers must hear so.
      if (!this.db.inTransaction) this.endGroup(group, new Error('the writes of this turn were rolled back'));
    }
  }

  private openGroup(): GroupCommit {
    this.db.exec('BEGIN IMMEDIATE');
    let settle!: (error?: Error) => void;
    const done = new Promise<void>((resolve, reject) => {
      settle = (error) => (error ? reject(error) : resolve());
    });
    // A failed group is reported to each caller waiting on it; this keeps it from being "unhandled".
    done.catch(() => undefined);
    const group: GroupCommit = { done, settle, open: true };
    this.group = group;
    setImmediate(() => {
      if (!group.open) return;
      try {
        this.db.exec('COMMIT');
        this.endGroup(group);
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        this.endGroup(group, asError(error));
      }
    });
    return group;
  }

  private endGroup(group: GroupCommit, error?: Error): void {
    if (!group.open) return;
    group.open = false;
    if (this.group === group) this.group = undefined;
    group.settle(error);
  }
}
