/** Shared by audit.search and the audit export: a page of the audit log with its staff members' nicknames. */
import { auditEntries, auditWhere, type AuditEntryDoc, type AuditFilters } from '../../repositories/auditLog';
import type { RegionDoc } from '../../repositories/regions';
import { usersById } from '../../repositories/users';

/** The query of the audit log of a region and below, filtered by staff, target and time. */
export function auditSearchOf(region: RegionDoc, regions: Map<string, RegionDoc>, filters: AuditFilters): Record<string, unknown> {
  const below = [...regions.values()].filter((r) => r._id === region._id || r.ancestorIds.includes(region._id)).map((r) => r._id);
  return auditWhere(below, filters);
}

/** A page of the audit log, newest first, and the staff members' nicknames. */
export async function auditPage(where: Record<string, unknown>, offset: number, limit: number): Promise<{ entries: AuditEntryDoc[]; staff: Map<string, string> }> {
  const entries = await auditEntries(where, offset, limit);
  const users = await usersById(entries.map((e) => e.actorId));
  return { entries, staff: new Map([...users.values()].map((u) => [u._id, u.nickname] as const)) };
}
