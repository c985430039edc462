/** Shared by the credit movements: the time-bank check, the recipient by volunteer number, the audit entry. */
import type { Actor } from '../../authz/actor';
import { recordAudit } from '../../repositories/auditLog';
import { settingsFor } from '../../repositories/communitySettings';
import { findVolunteerByNo, type VolunteerDoc } from '../../repositories/volunteers';
import { creditErrors, volunteerErrors } from '../../../../src/shared/domainErrors';

/** Refuses unless the community runs a time bank (FORBIDDEN). */
export async function requireTimeBank(communityId: string | null) {
  const settings = await settingsFor(communityId);
  if (!communityId || !settings.timeBank) throw creditErrors.timeBankClosed();
}

/** The active volunteer of a number, or NOT_FOUND 没有这个志愿者编号. */
export async function recipient(volunteerNo: string): Promise<VolunteerDoc> {
  const volunteer = await findVolunteerByNo(volunteerNo);
  if (!volunteer || volunteer.status !== 'active') throw volunteerErrors.unknownVolunteerNo();
  return volunteer;
}

/** Staff grants and adjustments go to the audit log. */
export async function auditCredits(actor: Actor, action: string, volunteer: VolunteerDoc, reason: string, details: Record<string, unknown>, requestId: string, now: Date) {
  await recordAudit(
    { actorId: actor.userId, action, targetType: 'user', targetId: volunteer.userId, regionId: volunteer.homeCommunityId, reason, details: { volunteerNo: volunteer.volunteerNo, ...details } },
    `${action}-${actor.userId}-${requestId}`,
    now,
  );
}
