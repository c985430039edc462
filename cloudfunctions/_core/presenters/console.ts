/** What the console function shows: audit entries and undelivered notices (recipients masked). */
import { maskNickname } from '../privacy/personalData';
import type { AuditEntryDoc } from '../repositories/auditLog';
import type { FailureDoc } from '../repositories/notifyFailures';
import type { RegionDoc } from '../repositories/regions';

/** An audit entry with its staff member's nickname (the id when she is gone) and its region's name. */
export function presentAuditEntry(e: AuditEntryDoc, staffName: string | undefined, regions: Map<string, RegionDoc>) {
  return {
    id: e._id,
    at: e.createdAt.toISOString(),
    staff: { id: e.actorId, nickname: staffName ?? e.actorId },
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    regionName: (e.regionId && regions.get(e.regionId)?.name) || '',
    reason: e.reason,
  };
}

/** A notice WeChat did not take, the recipient's nickname masked (王＊). */
export function presentFailure(f: FailureDoc, nickname: string) {
  return { id: f._id, kind: f.kind, errcode: f.errcode, message: f.message, recipient: maskNickname(nickname), createdAt: f.createdAt.toISOString() };
}
