/** volunteers.get: staff look a volunteer up by number. */
import type { VolunteerProfile } from '../../../../src/shared/schemas/volunteers';
import type { Actor } from '../../authz/actor';
import { allows, authorize } from '../../authz/authorize';
import { scopeOf, staffRolePolicies, staffScopePolicies } from '../../authz/staffScope';
import { recordAudit } from '../../repositories/auditLog';
import { regionDirectory } from '../../repositories/regions';
import { findVolunteerByNo, type VolunteerDoc } from '../../repositories/volunteers';
import { volunteerProfile } from './profile';
import { volunteerErrors } from '../../../../src/shared/domainErrors';

/** Staff over the volunteer's home community may see the unmasked record. */
async function mayReadUnmasked(actor: Actor, volunteer: VolunteerDoc): Promise<boolean> {
  if (actor.userId === volunteer.userId) return true;
  if (!volunteer.homeCommunityId) return false;
  const region = (await regionDirectory()).get(volunteer.homeCommunityId);
  if (!region) return false;
  return allows(staffScopePolicies, 'region.oversee', actor, scopeOf(region));
}

/** A volunteer by number, for staff: unmasked (and audited) over her home community, masked elsewhere. */
export async function volunteerByNo(actor: Actor, volunteerNo: string, now: Date): Promise<VolunteerProfile> {
  // Looking people up by number is for staff only; to anyone else the number says nothing.
  authorize(staffRolePolicies, 'staff.any', actor, null, volunteerErrors.unknownVolunteerNo());
  const volunteer = await findVolunteerByNo(volunteerNo);
  if (!volunteer) throw volunteerErrors.unknownVolunteerNo();
  const full = await mayReadUnmasked(actor, volunteer);
  if (full && actor.userId !== volunteer.userId) {
    // Reading someone's unmasked ID is a staff action like any other: it goes to the audit log.
    await recordAudit(
      { actorId: actor.userId, action: 'volunteer.read', targetType: 'user', targetId: volunteer.userId, regionId: volunteer.homeCommunityId, reason: null, details: { volunteerNo } },
      `vread-${actor.userId}-${volunteer.userId}-${now.getTime()}`,
      now,
    );
  }
  return volunteerProfile(volunteer, full ? 'full' : 'masked', now);
}
