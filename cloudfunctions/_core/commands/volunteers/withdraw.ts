/** volunteers.withdraw: a volunteer leaves; her personal data is deleted. */
import type { Actor } from '../../authz/actor';
import { findVolunteer, putVolunteer, type VolunteerDoc } from '../../repositories/volunteers';
import { inTransaction } from '../../runtime/transactions';
import { volunteerErrors } from '../../../../src/shared/domainErrors';

/**
 * Withdrawing deletes the personal data and keeps a pseudonymous shell: the volunteer number
 * and user id stay so hour records and ledger entries remain whole and summable.
 */
export async function withdrawVolunteer(actor: Actor, now: Date): Promise<void> {
  await inTransaction(async (tx) => {
    const current = await findVolunteer(actor.userId, tx);
    if (!current || current.status !== 'active') throw volunteerErrors.notRegistered();
    const { _id: _ignored, ...rest } = current;
    const shell: Omit<VolunteerDoc, '_id'> = {
      ...rest,
      status: 'withdrawn',
      realNameSealed: null,
      nameMasked: '已注销志愿者',
      idType: null,
      idSealed: null,
      idMasked: null,
      idDigest: null,
      adultFrom: null,
      phone: null,
      skills: [],
      gridArea: null,
      emergencyContact: null,
      guardian: null,
      sensitiveConsentAt: null,
      updatedAt: now,
      withdrawnAt: now,
    };
    await putVolunteer(actor.userId, shell, tx);
  });
}
