/** volunteers.update: a volunteer keeps her profile up to date. */
import type { VolunteerProfile, VolunteerUpdateInput } from '../../../../src/shared/schemas/volunteers';
import type { Actor } from '../../authz/actor';
import { requireVolunteer } from '../../authz/volunteers';
import { assertContentAllowed } from '../../ports/contentCheck';
import { findVolunteer, putVolunteer, type VolunteerDoc } from '../../repositories/volunteers';
import { inTransaction } from '../../runtime/transactions';
import { volunteerProfile } from './profile';
import { assertGridAreaOffered, sealPhone } from './registration';
import { volunteerErrors } from '../../../../src/shared/domainErrors';

/** The volunteer changes her phone, skills, grid area or emergency contact. */
export async function updateVolunteer(actor: Actor, input: VolunteerUpdateInput, now: Date): Promise<VolunteerProfile> {
  const volunteer = await requireVolunteer(actor);
  if (input.gridArea) await assertGridAreaOffered(volunteer.homeCommunityId, input.gridArea, volunteer.gridArea ?? null);
  if (input.skills || input.gridArea || input.emergencyContact) {
    await assertContentAllowed({ skills: input.skills?.join('，'), gridArea: input.gridArea ?? undefined, emergencyContact: input.emergencyContact?.name }, 1, actor.openid);
  }
  const changes: Partial<VolunteerDoc> = { updatedAt: now };
  if (input.phone !== undefined) changes.phone = input.phone ? sealPhone(input.phone) : null;
  if (input.skills !== undefined) changes.skills = input.skills;
  if (input.gridArea !== undefined) changes.gridArea = input.gridArea;
  if (input.emergencyContact !== undefined) {
    changes.emergencyContact = input.emergencyContact ? { name: input.emergencyContact.name, phone: sealPhone(input.emergencyContact.phone) } : null;
  }
  const updated = await inTransaction(async (tx) => {
    const current = await findVolunteer(volunteer._id, tx);
    if (!current || current.status !== 'active') throw volunteerErrors.registrationRequired();
    const next = { ...current, ...changes };
    const { _id: _ignored, ...fields } = next;
    await putVolunteer(volunteer._id, fields, tx);
    return next;
  });
  return volunteerProfile(updated, 'full', now);
}
