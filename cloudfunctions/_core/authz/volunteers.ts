/** Volunteers as authorization sees them: actions that need the caller to be a registered volunteer. */
import { findVolunteer, type VolunteerDoc } from '../repositories/volunteers';
import type { Actor } from './actor';
import { volunteerErrors } from '../../../src/shared/domainErrors';

/** The volunteer of the caller, or NOT_A_VOLUNTEER 请先完成志愿者登记. */
export async function requireVolunteer(actor: Actor): Promise<VolunteerDoc> {
  const volunteer = await findVolunteer(actor.userId);
  if (!volunteer || volunteer.status !== 'active') throw volunteerErrors.registrationRequired();
  return volunteer;
}
