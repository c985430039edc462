/** The audit log: every staff action and role grant, append-only. */
import { orderedSlice } from './newestFirstPage';
import { database } from '../runtime/cloudbase';
import { Collections } from './collections';
import { countOf } from './figures';

export interface AuditEntry {
  actorId: string;
  action: string;
  targetType: 'group' | 'membership' | 'post' | 'user' | 'role' | 'hour_record' | 'correction' | 'store_item' | 'redemption' | 'proof' | 'region' | 'rollcall' | 'activity' | 'notice' | 'care_recipient' | 'care_pair';
  targetId: string;
  regionId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/** Appends one entry; the id is derived from the request so a retry cannot log twice. */
export async function recordAudit(entry: AuditEntry, requestKey: string, now: Date): Promise<void> {
  try {
    await database()
      .collection(Collections.auditLog)
      .add({ _id: `a-${requestKey}`, ...entry, createdAt: now });
  } catch (error) {
    if (!/DUPLICATE/i.test(String((error as { code?: unknown }).code))) throw error;
  }
}

/** An entry as stored. */
export interface AuditEntryDoc {
  _id: string;
  actorId: string;
  action: string;
  targetType: string;
  targetId: string;
  regionId: string | null;
  reason: string | null;
  createdAt: Date;
}

/** The audit log's search: entries of some regions, by staff, target and time. */
export interface AuditFilters {
  staffId?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

/** The query of a search over the entries of `regionIds`. */
export function auditWhere(regionIds: string[], filters: AuditFilters): Record<string, unknown> {
  const _ = database().command;
  const where: Record<string, unknown> = { regionId: _.in(regionIds) };
  if (filters.staffId) where.actorId = filters.staffId;
  if (filters.targetId) where.targetId = filters.targetId;
  if (filters.from || filters.to) {
    where.createdAt = filters.from && filters.to ? _.gte(new Date(filters.from)).and(_.lte(new Date(filters.to))) : filters.from ? _.gte(new Date(filters.from)) : _.lte(new Date(filters.to!));
  }
  return where;
}

/** A page of a search, newest first. */
export async function auditEntries(where: Record<string, unknown>, offset: number, limit: number): Promise<AuditEntryDoc[]> {
  return orderedSlice<AuditEntryDoc>(Collections.auditLog, where, [['createdAt', 'desc']], offset, limit);
}

/** How many entries a search finds (counted by the database). */
export async function countAuditEntries(where: Record<string, unknown>): Promise<number> {
  return countOf(Collections.auditLog, where);
}
