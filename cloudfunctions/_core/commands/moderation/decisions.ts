/** Shared by moderation.decide and moderation.decideAppeal: bringing an item back, the audit entry, the author's link. */
import type { Actor } from '../../authz/actor';
import { recordAudit } from '../../repositories/auditLog';
import { unsuspendGroup, setUserSuspendedUntil } from '../../repositories/moderatedItems';
import type { CaseDoc } from '../../repositories/moderationCases';
import { reportsSince } from '../../repositories/reports';
import { digest } from '../../runtime/hash';
import { loadTarget, setHidden } from './items';

/** The author's notices page (package-me), where the decision and the appeal button are. */
export const noticesLink = (caseId: string) => `package-me/notices/index?id=${caseId}`;

/** Every staff decision on a case goes to the audit log. */
export async function auditCase(actor: Actor, action: string, c: CaseDoc, reason: string, requestId: string, now: Date): Promise<void> {
  await recordAudit(
    { actorId: actor.userId, action, targetType: c.targetType === 'user' ? 'user' : c.targetType === 'group' ? 'group' : 'post', targetId: c.targetId, regionId: c.communityId ?? c.streetId, reason, details: { caseId: c._id } },
    digest('audit', actor.userId, requestId),
    now,
  );
}

/**
 * Brings a hidden or suspended item back: its status, a suspended group's or person's standing.
 * Used by restore, a dismissed report and an overturned appeal.
 */
export async function bringBack(c: CaseDoc, now: Date): Promise<void> {
  const target = await loadTarget(c.targetType, c.targetId).catch(() => null);
  if (target) await setHidden(target, c.targetId, false);
  if (c.state !== 'suspended') return;
  if (c.targetType === 'group') await unsuspendGroup(c.targetId, now);
  if (c.targetType === 'user') await setUserSuspendedUntil(c.targetId, null);
}

/** The people whose reports a decision closes: those who reported since the one before it. */
export async function openReporters(c: CaseDoc): Promise<string[]> {
  const since = c.decisions.at(-1)?.at ?? new Date(0);
  return [...new Set((await reportsSince(c._id, since)).map((r) => r.reporterId))];
}
