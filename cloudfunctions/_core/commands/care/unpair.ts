/** care.unpair: the committee ends a pairing (kept for the record); the volunteer or group no longer sees the person. */
import { carePolicies } from '../../../../src/shared/policies/care';
import { openedRecipient } from '../../authz/care';
import type { CareRecipientView, CareUnpairInput } from '../../../../src/shared/schemas/care';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVisibleRecipient } from '../../authz/care';
import { presentRecipient } from '../../presenters/care';
import { findPair, pairsOfRecipient, updatePair } from '../../repositories/carePairs';
import { chinaDayOf } from '../../runtime/chinaDay';
import { auditCare } from './audit';
import { AppError } from '../../../../src/shared/errors';
import { careErrors } from '../../../../src/shared/domainErrors';

/** Ends one pairing; a pairing the actor may not manage answers like one that does not exist. */
export async function unpair(actor: Actor, input: CareUnpairInput, requestId: string, now: Date): Promise<CareRecipientView> {
  const pair = await findPair(input.pairId);
  if (!pair) throw careErrors.pairNotFound();
  // A pairing of a person the actor may not see is as private as she is: it does not exist.
  const { doc, region, resource } = await loadVisibleRecipient(actor, pair.recipientId).catch((error: unknown) => {
    throw error instanceof AppError && error.reason === careErrors.notFound.reason ? careErrors.pairNotFound() : error;
  });
  authorize(carePolicies, 'care.unpair', actor, resource, careErrors.pairNotFound());
  if (pair.status !== 'active') throw careErrors.pairEnded();
  await updatePair(pair._id, { status: 'ended', endedAt: now, endedBy: actor.userId, endReason: input.reason ?? 'unpaired' });
  await auditCare(actor, 'care.unpair', { type: 'care_pair', id: pair._id, communityId: pair.communityId }, { recipientId: pair.recipientId, kind: pair.kind, partyId: pair.partyId }, input.reason ?? null, `${actor.userId}-${requestId}`, now);
  return presentRecipient(actor, doc, openedRecipient(doc), region, await pairsOfRecipient(doc._id), resource, chinaDayOf(now));
}
