/**
 * Volunteer registration (志愿服务条例: identity, skills, contact; consent before sensitive
 * data; guardians for minors). ID and phone numbers are sealed before anything is stored and
 * shown unmasked only to the volunteer and to staff over their home community.
 */
import { birthDateOf, maskIdNumber } from '../../../src/shared/identity/idNumber';
import { hasStaffRoleOver, isStaff } from '../../../src/shared/policies/actor';
import { gridAreaAllowed } from '../../../src/shared/schemas/regions';
import type { VolunteerProfile, VolunteerRegisterInput, VolunteerUpdateInput } from '../../../src/shared/schemas/volunteers';
import { assertContentAllowed } from '../ports/contentCheck';
import { blindIndex, maskName, maskPhone, openPersonal, sealPersonal } from '../privacy/personalData';
import { recordAudit } from '../repositories/auditLog';
import { Collections } from '../repositories/collections';
import { settingsFor, starsOf } from '../repositories/communitySettings';
import { confirmedMinutesOf } from '../repositories/hourRecords';
import { findRegion, regionDirectory } from '../repositories/regions';
import { activeVolunteerWithId, findVolunteer, findVolunteerByNo, type VolunteerDoc } from '../repositories/volunteers';
import type { Actor } from '../runtime/actor';
import { addYears, chinaDayOf } from '../runtime/chinaDay';
import { inTransaction } from '../runtime/transactions';
import { regionErrors, volunteerErrors } from '../../../src/shared/domainErrors';

const sealPhone = (phone: string) => ({ sealed: sealPersonal(phone), masked: maskPhone(phone) });

/** The volunteer of the caller, or NOT_A_VOLUNTEER. */
export async function requireVolunteer(actor: Actor): Promise<VolunteerDoc> {
  const volunteer = await findVolunteer(actor.userId);
  if (!volunteer || volunteer.status !== 'active') throw volunteerErrors.registrationRequired();
  return volunteer;
}

/** Next volunteer number of a year: V + year + six-digit sequence, from a counter document. */
async function nextVolunteerNo(year: string, tx: Parameters<Parameters<typeof inTransaction>[0]>[0]): Promise<string> {
  const id = `volunteer-no-${year}`;
  const { data } = (await tx.collection(Collections.counters).doc(id).get()) as { data: { value: number } | null };
  const value = (data?.value ?? 0) + 1;
  await tx.collection(Collections.counters).doc(id).set({ value });
  return `V${year}${String(value).padStart(6, '0')}`;
}

/**
 * Once a community's grid areas are imported, a volunteer picks one of them; the value she
 * already has (free text from before the import) stays acceptable, so saving a profile never
 * fails on it. Read fresh, not from the cached directory: an import just made must count.
 */
async function assertGridAreaOffered(communityId: string | null, gridArea: string | null | undefined, stored: string | null): Promise<void> {
  if (!gridArea || !communityId) return;
  const offered = (await findRegion(communityId))?.gridAreas ?? [];
  if (!gridAreaAllowed(offered, gridArea, stored)) throw regionErrors.gridAreaNotOffered();
}

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
    const { data: existing } = (await tx.collection(Collections.volunteers).doc(actor.userId).get()) as { data: VolunteerDoc | null };
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
    await tx.collection(Collections.volunteers).doc(actor.userId).set(fields);
    return { _id: actor.userId, ...fields };
  });
  return presentVolunteer(doc, 'full', now);
}

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
    const { data: current } = (await tx.collection(Collections.volunteers).doc(volunteer._id).get()) as { data: VolunteerDoc | null };
    if (!current || current.status !== 'active') throw volunteerErrors.registrationRequired();
    const next = { ...current, ...changes };
    const { _id: _ignored, ...fields } = next;
    await tx.collection(Collections.volunteers).doc(volunteer._id).set(fields);
    return next;
  });
  return presentVolunteer(updated, 'full', now);
}

/**
 * Withdrawing deletes the personal data and keeps a pseudonymous shell: the volunteer number
 * and user id stay so hour records and ledger entries remain whole and summable.
 */
export async function withdrawVolunteer(actor: Actor, now: Date): Promise<void> {
  await inTransaction(async (tx) => {
    const { data: current } = (await tx.collection(Collections.volunteers).doc(actor.userId).get()) as { data: VolunteerDoc | null };
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
    await tx.collection(Collections.volunteers).doc(actor.userId).set(shell);
  });
}

/** Staff over the volunteer's home community may see the unmasked record. */
async function mayReadUnmasked(actor: Actor, volunteer: VolunteerDoc): Promise<boolean> {
  if (actor.userId === volunteer.userId) return true;
  if (!volunteer.homeCommunityId) return false;
  const region = (await regionDirectory()).get(volunteer.homeCommunityId);
  if (!region) return false;
  return hasStaffRoleOver(actor, ['committee', 'street', 'county'], { regionId: region._id, ancestorIds: region.ancestorIds });
}

export async function volunteerByNo(actor: Actor, volunteerNo: string, now: Date): Promise<VolunteerProfile> {
  // Looking people up by number is for staff only; to anyone else the number says nothing.
  if (!isStaff(actor)) throw volunteerErrors.unknownVolunteerNo();
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
  return presentVolunteer(volunteer, full ? 'full' : 'masked', now);
}

export async function myVolunteerProfile(actor: Actor, now: Date): Promise<VolunteerProfile | null> {
  const volunteer = await findVolunteer(actor.userId);
  return volunteer && volunteer.status === 'active' ? presentVolunteer(volunteer, 'full', now) : null;
}

/** The volunteer as `view` allows: 'full' opens the sealed values, 'masked' never touches them. */
export async function presentVolunteer(doc: VolunteerDoc, view: 'full' | 'masked', now: Date): Promise<VolunteerProfile> {
  const open = (sealed: string | null | undefined) => (sealed ? openPersonal(sealed) : null);
  const full = view === 'full' && doc.status === 'active';
  const phone = (p: { sealed: string; masked: string } | null) => (p ? (full ? openPersonal(p.sealed) : p.masked) : null);
  const [totalMinutes, settings] = await Promise.all([confirmedMinutesOf(doc.userId), settingsFor(doc.homeCommunityId)]);
  const { stars, nextStarHours } = starsOf(totalMinutes, settings.starThresholds);
  return {
    volunteerNo: doc.volunteerNo,
    realName: full ? (open(doc.realNameSealed) ?? doc.nameMasked) : doc.nameMasked,
    idType: doc.idType,
    idNumber: full ? open(doc.idSealed) : doc.idMasked,
    phone: phone(doc.phone),
    skills: doc.skills,
    // Where someone can be found is for her and the staff over her community only.
    gridArea: full ? (doc.gridArea ?? null) : null,
    emergencyContact: doc.emergencyContact ? { name: doc.emergencyContact.name, phone: phone(doc.emergencyContact.phone)! } : null,
    guardian: doc.guardian ? { name: doc.guardian.name, relation: doc.guardian.relation, phone: phone(doc.guardian.phone)! } : null,
    isMinor: doc.adultFrom !== null && chinaDayOf(now) < doc.adultFrom,
    status: doc.status,
    registeredAt: doc.registeredAt.toISOString(),
    masked: !full,
    totalMinutes,
    stars,
    nextStarHours,
  };
}
