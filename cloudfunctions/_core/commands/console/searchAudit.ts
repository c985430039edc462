/** audit.search: the audit log of a region and below for staff over it, newest first, filtered by staff, target and time. */
import type { Actor } from '../../authz/actor';
import { loadStaffRegion } from '../../authz/staffScope';
import { presentAuditEntry } from '../../presenters/console';
import { countAuditEntries } from '../../repositories/auditLog';
import { auditPage, auditSearchOf } from './auditPage';

/** The audit log of a region and below, newest first, filtered by staff, target and time. */
export async function searchAudit(actor: Actor, input: { regionId: string; staffId?: string; targetId?: string; from?: string; to?: string; offset: number; limit: number }) {
  const { region, regions } = await loadStaffRegion(actor, input.regionId);
  const where = auditSearchOf(region, regions, input);
  const [{ entries, staff }, total] = await Promise.all([auditPage(where, input.offset, input.limit), countAuditEntries(where)]);
  return {
    items: entries.map((e) => presentAuditEntry(e, staff.get(e.actorId), regions)),
    total,
    hasMore: input.offset + entries.length < total,
  };
}
