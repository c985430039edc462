/** volunteers.me: my volunteer profile. */
import type { VolunteerProfile } from '../../../../src/shared/schemas/volunteers';
import type { Actor } from '../../authz/actor';
import { findVolunteer } from '../../repositories/volunteers';
import { volunteerProfile } from './profile';

/** The caller's own profile, or null when she is not (or no longer) a volunteer. */
export async function myVolunteerProfile(actor: Actor, now: Date): Promise<VolunteerProfile | null> {
  const volunteer = await findVolunteer(actor.userId);
  return volunteer && volunteer.status === 'active' ? volunteerProfile(volunteer, 'full', now) : null;
}
