/** Shared by the care actions: every change to the register and its pairings goes to the audit log. */
import type { Actor } from '../../authz/actor';
import { recordAudit, type AuditEntry } from '../../repositories/auditLog';

/** One audit entry of a care action; `key` makes a retry log once. */
export async function auditCare(
  actor: Actor,
  action: 'care.register' | 'care.update' | 'care.close' | 'care.pair' | 'care.unpair',
  target: { type: Extract<AuditEntry['targetType'], 'care_recipient' | 'care_pair'>; id: string; communityId: string },
  details: Record<string, unknown>,
  reason: string | null,
  key: string,
  now: Date,
): Promise<void> {
  await recordAudit({ actorId: actor.userId, action, targetType: target.type, targetId: target.id, regionId: target.communityId, reason, details }, `${action}-${key}`, now);
}
