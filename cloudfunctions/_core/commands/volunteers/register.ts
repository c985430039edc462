/**
 * volunteers.register: volunteer registration (志愿服务条例: identity, skills, contact; consent
 * before sensitive data; guardians for minors). ID and phone numbers are sealed before anything
 * is stored and shown unmasked only to the volunteer and to staff over their home community.
 */
import { birthDateOf, maskIdNumber } from '../../../../src/shared/identity/idNumber';
import type { VolunteerProfile, VolunteerRegisterInput } from '../../../../src/shared/schemas/volunteers';
import type { Actor } from '../../authz/actor';
import { assertContentAllowed } from '../../ports/contentCheck';
import { blindIndex, maskName, sealPersonal } from '../../privacy/personalData';
import { activeVolunteerWithId, findVolunteer, putVolunteer, type VolunteerDoc } from '../../repositories/volunteers';
import { addYears, chinaDayOf } from '../../runtime/chinaDay';
import { inTransaction } from '../../runtime/transactions';
import { volunteerProfile } from './profile';
import { assertGridAreaOffered, nextVolunteerNo, sealPhone } from './registration';
import { volunteerErrors } from '../../../../src/shared/domainErrors';

/** Registers the caller as a volunteer of her home community (a returning volunteer keeps her number). */
export async function registerVolunteer(actor: Actor, input: VolunteerRegisterInput, now: Date): Promise<VolunteerProfile> {
  const communityId = actor.user.homeCommunityId;
  if (!communityId) throw volunteerErrors.communityRequired();
  const birthDate = input.idType === 'mainland_id' ? birthDateOf(input.idNumber)! : input.birthDate!;
  const today = chinaDayOf(now);
  if (birthDate > today) throw volunteerErrors.birthDateAfterToday();
  const adultFrom = addYears(birthDate, 18);
  const minor = today < adultFrom;
  if (minor && !input.guardian) {
    throw volunteerErrors.guardianRequired();
  }
  await assertGridAreaOffered(communityId, input.gridArea, null);
  await assertContentAllowed({ skills: input.skills.join('，'), gridArea: input.gridArea, emergencyContact: input.emergencyContact?.name }, 1, actor.openid);

  const idDigest = blindIndex(input.idType, input.idNumber);
  const holder = await activeVolunteerWithId(idDigest);
  if (holder && holder._id !== actor.userId) throw volunteerErrors.idAlreadyRegistered();

  const doc = await inTransaction(async (tx) => {
    const existing = await findVolunteer(actor.userId, tx);
    if (existing?.status === 'active') throw volunteerErrors.alreadyRegistered();
    const fields: Omit<VolunteerDoc, '_id'> = {
      userId: actor.userId,
      // A returning volunteer keeps the number their old records carry.
      volunteerNo: existing?.volunteerNo ?? (await nextVolunteerNo(today.slice(0, 4), tx)),
      status: 'active',
      realNameSealed: sealPersonal(input.realName),
      nameMasked: maskName(input.realName),
      idType: input.idType,
      idSealed: sealPersonal(input.idNumber),
      idMasked: maskIdNumber(input.idNumber),
      idDigest,
      adultFrom,
      phone: input.phone ? sealPhone(input.phone) : null,
      skills: input.skills,
      gridArea: input.gridArea ?? null,
      emergencyContact: input.emergencyContact ? { name: input.emergencyContact.name, phone: sealPhone(input.emergencyContact.phone) } : null,
      guardian: minor && input.guardian ? { name: input.guardian.name, relation: input.guardian.relation, phone: sealPhone(input.guardian.phone), consentAt: now } : null,
      sensitiveConsentAt: now,
      homeCommunityId: communityId,
      registeredAt: existing?.registeredAt ?? now,
      updatedAt: now,
      withdrawnAt: null,
    };
    await putVolunteer(actor.userId, fields, tx);
    return { _id: actor.userId, ...fields };
  });
  return volunteerProfile(doc, 'full', now);
}
