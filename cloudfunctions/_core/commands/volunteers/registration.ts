/** Shared by volunteers.register and volunteers.update: sealed phones, volunteer numbers, the grid-area check. */
import { gridAreaAllowed } from '../../../../src/shared/schemas/regions';
import { maskPhone, sealPersonal } from '../../privacy/personalData';
import { nextCount } from '../../repositories/counters';
import { findRegion } from '../../repositories/regions';
import type { Transaction } from '../../runtime/transactions';
import { regionErrors } from '../../../../src/shared/domainErrors';

/** A phone number sealed, with its masked form for lists. */
export const sealPhone = (phone: string) => ({ sealed: sealPersonal(phone), masked: maskPhone(phone) });

/** Next volunteer number of a year: V + year + six-digit sequence, from a counter document. */
export async function nextVolunteerNo(year: string, tx: Transaction): Promise<string> {
  const value = await nextCount(`volunteer-no-${year}`, tx);
  return `V${year}${String(value).padStart(6, '0')}`;
}

/**
 * Once a community's grid areas are imported, a volunteer picks one of them; the value she
 * already has (free text from before the import) stays acceptable, so saving a profile never
 * fails on it. Read fresh, not from the cached directory: an import just made must count.
 */
export async function assertGridAreaOffered(communityId: string | null, gridArea: string | null | undefined, stored: string | null): Promise<void> {
  if (!gridArea || !communityId) return;
  const offered = (await findRegion(communityId))?.gridAreas ?? [];
  if (!gridAreaAllowed(offered, gridArea, stored)) throw regionErrors.gridAreaNotOffered();
}
