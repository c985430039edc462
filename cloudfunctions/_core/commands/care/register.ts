/**
 * care.register: the committee records a resident who needs regular care — only with the consent
 * of the resident or her guardian, witnessed by the staff member registering her (the schema
 * refuses a registration without it, before anything is read or written). Phone, address and
 * notes are sealed at rest.
 */
import type { CareRecipientView, CareRegisterInput } from '../../../../src/shared/schemas/care';
import { openedRecipient } from '../../authz/care';
import type { Actor } from '../../authz/actor';
import { careResource, loadRegisterCommunity } from '../../authz/care';
import { presentRecipient } from '../../presenters/care';
import { sealPersonal } from '../../privacy/personalData';
import { addRecipientOnce, findRecipient, type CareRecipientDoc } from '../../repositories/careRecipients';
import { findUser } from '../../repositories/users';
import { chinaDayOf } from '../../runtime/chinaDay';
import { digest } from '../../runtime/hash';
import { auditCare } from './audit';
import { dueDayOf } from './dueDates';
import { careErrors } from '../../../../src/shared/domainErrors';

/** Registers a person with her recorded consent; a retry of the same request answers the same person. */
export async function registerRecipient(actor: Actor, input: CareRegisterInput, requestId: string, now: Date): Promise<CareRecipientView> {
  const region = await loadRegisterCommunity(actor, input.communityId, 'care.register');
  if (input.userId && !(await findUser(input.userId))) throw careErrors.userNotFound();
  const [countyId = '', streetId = ''] = region.ancestorIds;
  const registeredDay = chinaDayOf(now);
  const doc: CareRecipientDoc = {
    _id: `cr${digest('care-recipient', actor.userId, requestId).slice(0, 30)}`,
    communityId: region._id,
    streetId,
    countyId,
    category: input.category,
    name: input.name,
    phoneSealed: input.phone ? sealPersonal(input.phone) : null,
    addressSealed: sealPersonal(input.address),
    notesSealed: input.notes ? sealPersonal(input.notes) : null,
    userId: input.userId ?? null,
    frequencyDays: input.frequencyDays,
    consent: {
      by: input.consent.by,
      guardianName: input.consent.by === 'guardian' ? (input.consent.guardianName ?? null) : null,
      witnessedBy: actor.userId,
      witnessedByName: actor.user.nickname,
      reference: input.consent.reference,
      recordedAt: now,
    },
    status: 'active',
    closedReason: null,
    closedAt: null,
    closedBy: null,
    registeredDay,
    lastVisitDay: null,
    dueDay: dueDayOf({ lastVisitDay: null, registeredDay, frequencyDays: input.frequencyDays }),
    overdueNotified: false,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  };
  // The id comes from the request: a retry that outlived the stored reply finds the first write.
  const stored = (await addRecipientOnce(doc)) ? doc : ((await findRecipient(doc._id)) ?? doc);
  await auditCare(
    actor,
    'care.register',
    { type: 'care_recipient', id: stored._id, communityId: region._id },
    { category: stored.category, consentBy: stored.consent.by, consentReference: stored.consent.reference, frequencyDays: stored.frequencyDays },
    null,
    stored._id,
    now,
  );
  return presentRecipient(actor, stored, openedRecipient(stored), region, [], careResource(stored, region, []), registeredDay);
}
