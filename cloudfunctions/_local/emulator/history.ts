/**
 * What transactions need to read a snapshot: every row write gets a sequence number, and while
 * any transaction holds a snapshot, the row's content before the write (its pre-image) is kept.
 * A transaction whose snapshot is sequence S reads a document as the pre-image of its first
 * write after S, or as stored when there is none — MongoDB's snapshot read concern, which
 * CloudBase transactions use (the vendor's `读快照`/`读偏` cases in node-sdk
 * test/database/unit/transaction.test.ts). The same entries tell whether a document changed after
 * S, which is a write conflict.
 *
 * With no snapshot open nothing is kept: a write costs one increment, so the paths that never
 * use transactions pay nothing for them.
 */
import type { Doc } from './values';

interface PreImage {
  seq: number;
  doc: Doc | null;
}

export function rowKey(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}

export class WriteHistory {
  private seq = 0;
  /** Pre-images by row, oldest first, for writes after the oldest open snapshot. */
  private readonly images = new Map<string, PreImage[]>();
  /** Open snapshots by transaction id. */
  private readonly snapshots = new Map<string, number>();

  /** Called by the store after each row write, with the row's content before it. */
  record(collection: string, id: string, previous: Doc | null): void {
    this.seq += 1;
    if (this.snapshots.size === 0) return;
    const key = rowKey(collection, id);
    const image = { seq: this.seq, doc: previous };
    const list = this.images.get(key);
    if (list) list.push(image);
    else this.images.set(key, [image]);
  }

  /** How many snapshots are open (pre-images are kept only while some are). */
  get openSnapshots(): number {
    return this.snapshots.size;
  }

  /** Opens a snapshot of the data as it is now. */
  open(owner: string): number {
    this.snapshots.set(owner, this.seq);
    return this.seq;
  }

  /** Closes a snapshot and forgets the pre-images no open snapshot needs any more. */
  close(owner: string): void {
    if (!this.snapshots.delete(owner)) return;
    if (this.snapshots.size === 0) {
      this.images.clear();
      return;
    }
    const oldest = Math.min(...this.snapshots.values());
    for (const [key, list] of this.images) {
      const keep = list.filter((image) => image.seq > oldest);
      if (keep.length === 0) this.images.delete(key);
      else if (keep.length !== list.length) this.images.set(key, keep);
    }
  }

  /** True when the row was written after sequence `since`. */
  changedSince(collection: string, id: string, since: number): boolean {
    const list = this.images.get(rowKey(collection, id));
    return list !== undefined && list[list.length - 1]!.seq > since;
  }

  /** The row as it was at `since`, or undefined when it has not changed since (read it as stored). */
  imageAt(collection: string, id: string, since: number): { doc: Doc | null } | undefined {
    const list = this.images.get(rowKey(collection, id));
    return list?.find((image) => image.seq > since);
  }

  /** Ids of the collection's rows written after `since`. */
  changedIds(collection: string, since: number): string[] {
    const prefix = `${collection}\u0000`;
    const ids: string[] = [];
    for (const [key, list] of this.images) {
      if (key.startsWith(prefix) && list[list.length - 1]!.seq > since) ids.push(key.slice(prefix.length));
    }
    return ids;
  }
}
