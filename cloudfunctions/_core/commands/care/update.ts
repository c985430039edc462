/** care.update: the committee corrects a person's record (a new frequency moves her due day). */
import { carePolicies } from '../../../../src/shared/policies/care';
import { openedRecipient } from '../../authz/care';
import type { CareRecipientView, CareUpdateInput } from '../../../../src/shared/schemas/care';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleRecipient } from '../../authz/care';
import { presentRecipient } from '../../presenters/care';
import { sealPersonal } from '../../privacy/personalData';
import { updateRecipient, type CareRecipientDoc } from '../../repositories/careRecipients';
import { findUser } from '../../repositories/users';
import { chinaDayOf } from '../../runtime/chinaDay';
import { auditCare } from './audit';
import { dueDayOf } from './dueDates';
import { careErrors } from '../../../../src/shared/domainErrors';

/** Applies the changes given; the audit log names the fields changed, never their values. */
export async function updateRecipientRecord(actor: Actor, input: CareUpdateInput, requestId: string, now: Date): Promise<CareRecipientView> {
  const { doc, region, pairs, resource } = await loadVisibleRecipient(actor, input.recipientId);
  if (doc.status !== 'active') throw careErrors.closed();
  authorize(carePolicies, 'care.update', actor, resource);
  if (input.userId && !(await findUser(input.userId))) throw careErrors.userNotFound();
  const changes: Partial<CareRecipientDoc> = { updatedAt: now };
  if (input.category !== undefined) changes.category = input.category;
  if (input.name !== undefined) changes.name = input.name;
  if (input.phone !== undefined) changes.phoneSealed = input.phone === null ? null : sealPersonal(input.phone);
  if (input.address !== undefined) changes.addressSealed = sealPersonal(input.address);
  if (input.notes !== undefined) changes.notesSealed = input.notes === null ? null : sealPersonal(input.notes);
  if (input.userId !== undefined) changes.userId = input.userId;
  if (input.frequencyDays !== undefined && input.frequencyDays !== doc.frequencyDays) {
    changes.frequencyDays = input.frequencyDays;
    changes.dueDay = dueDayOf({ ...doc, frequencyDays: input.frequencyDays });
    // A new due day is a new period: the committee is told again if she falls overdue on it.
    changes.overdueNotified = false;
  }
  await updateRecipient(doc._id, changes);
  const fields = Object.keys(input).filter((key) => key !== 'recipientId');
  await auditCare(actor, 'care.update', { type: 'care_recipient', id: doc._id, communityId: doc.communityId }, { fields }, null, `${actor.userId}-${requestId}`, now);
  return presentRecipient(actor, { ...doc, ...changes }, openedRecipient({ ...doc, ...changes }), region, pairs, resource, chinaDayOf(now));
}
