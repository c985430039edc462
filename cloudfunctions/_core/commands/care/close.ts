/**
 * care.close: consent withdrawn or care no longer needed. Her pairings end at once (the paired no
 * longer see her), and the record is cut to what the visit log and hour records still need: the
 * sealed phone, address and notes are dropped, the name masked and the account link removed. The
 * consent on record stays: it shows the processing while she was in care was lawful.
 */
import { carePolicies } from '../../../../src/shared/policies/care';
import { openedRecipient } from '../../authz/care';
import type { CareCloseInput, CareRecipientView } from '../../../../src/shared/schemas/care';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { careResource, loadVisibleRecipient } from '../../authz/care';
import { presentRecipient } from '../../presenters/care';
import { maskName } from '../../privacy/personalData';
import { endPairsOfRecipient, pairsOfRecipient } from '../../repositories/carePairs';
import { findRecipient, updateRecipient, type CareRecipientDoc } from '../../repositories/careRecipients';
import { chinaDayOf } from '../../runtime/chinaDay';
import { inTransaction } from '../../runtime/transactions';
import { auditCare } from './audit';
import { careErrors } from '../../../../src/shared/domainErrors';

/** Ends care for a person: closed once, whoever closes at the same time. */
export async function closeRecipient(actor: Actor, input: CareCloseInput, requestId: string, now: Date): Promise<CareRecipientView> {
  const { doc, region, resource } = await loadVisibleRecipient(actor, input.recipientId);
  if (doc.status !== 'active') throw careErrors.closed();
  authorize(carePolicies, 'care.close', actor, resource);
  const changes: Partial<CareRecipientDoc> = {
    status: 'closed',
    closedReason: input.reason,
    closedAt: now,
    closedBy: actor.userId,
    name: maskName(doc.name),
    phoneSealed: null,
    addressSealed: null,
    notesSealed: null,
    userId: null,
    updatedAt: now,
  };
  await inTransaction(async (tx) => {
    const current = await findRecipient(doc._id, tx);
    if (!current || current.status !== 'active') throw careErrors.closed();
    await updateRecipient(doc._id, changes, tx);
  });
  const ended = await endPairsOfRecipient(doc._id, actor.userId, input.reason, now);
  await auditCare(
    actor,
    'care.close',
    { type: 'care_recipient', id: doc._id, communityId: doc.communityId },
    { closedReason: input.reason, pairsEnded: ended },
    input.note ?? null,
    `${actor.userId}-${requestId}`,
    now,
  );
  const closed = { ...doc, ...changes };
  return presentRecipient(actor, closed, openedRecipient(closed), region, await pairsOfRecipient(doc._id), careResource(closed, region, []), chinaDayOf(now));
}
