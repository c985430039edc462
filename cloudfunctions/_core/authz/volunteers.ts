/** Volunteers as authorization sees them: actions that need the caller to be a registered volunteer. */
import { AppError } from '../../../src/shared/errors';
import { findVolunteer, type VolunteerDoc } from '../repositories/volunteers';
import type { Actor } from './actor';

/** The volunteer of the caller, or NOT_A_VOLUNTEER 请先完成志愿者登记. */
export async function requireVolunteer(actor: Actor): Promise<VolunteerDoc> {
  const volunteer = await findVolunteer(actor.userId);
  if (!volunteer || volunteer.status !== 'active') throw new AppError('NOT_A_VOLUNTEER', '请先完成志愿者登记');
  return volunteer;
}
