/** hours.reviewCorrection: the organiser applies or rejects a correction (audited). */
import type { Actor } from '../../authz/actor';
import { loadReviewableGroup, recordNotFound } from '../../authz/hours';
import { accountId, findAccount } from '../../ledger/accounts';
import { creditsFor, earningPosting, issuerOf } from '../../ledger/earnings';
import { applyPosting } from '../../ledger/posting';
import { settingsFor } from '../../repositories/communitySettings';
import { findCorrection, findRecord, putRecord, updateCorrection, type HourRecordDoc } from '../../repositories/hourRecords';
import { digest } from '../../runtime/hash';
import { inTransaction } from '../../runtime/transactions';
import { auditReview } from './hourRecording';
import { hourErrors } from '../../../../src/shared/domainErrors';

/**
 * Applies or rejects a correction. Applying writes a reversal of the original and a new record
 * with the corrected minutes, and moves the difference in credits; credits already spent are
 * not clawed back below zero (the balance can never go negative), only what is left.
 */
export async function reviewCorrection(actor: Actor, correctionId: string, approve: boolean, reason: string | undefined, now: Date) {
  const correction = await findCorrection(correctionId);
  if (!correction) throw recordNotFound();
  const group = await loadReviewableGroup(actor, correction.groupId, correction.userId);
  const settings = await settingsFor(group.communityId ?? group.streetId);
  const outcome = await inTransaction(async (tx) => {
    const current = await findCorrection(correctionId, tx);
    if (!current) throw recordNotFound();
    if (current.state !== 'pending') throw hourErrors.correctionHandled();
    const decision = { decidedBy: actor.userId, decidedAt: now, decisionReason: reason ?? null };
    if (!approve) {
      await updateCorrection(correctionId, { ...decision, state: 'rejected' }, tx);
      return { state: 'rejected' as const };
    }
    const original = await findRecord(current.recordId, tx);
    if (!original) throw recordNotFound();
    const reversalId = `rv${digest('reversal', current.recordId).slice(0, 30)}`;
    const reversed = await findRecord(reversalId, tx);
    if (reversed) throw hourErrors.alreadyCorrected();
    const stamp = { recordedBy: actor.userId, recordedByName: actor.user.nickname, recordedAt: now, confirmedBy: actor.userId, confirmedByName: actor.user.nickname, confirmedAt: now };
    const reversal: Omit<HourRecordDoc, '_id'> = {
      ...original,
      ...stamp,
      minutes: -original.minutes,
      credits: -original.credits,
      source: 'reversal',
      state: 'confirmed',
      reversesId: current.recordId,
      correctionOf: null,
    };
    const corrected: Omit<HourRecordDoc, '_id'> = {
      ...original,
      ...stamp,
      minutes: current.minutes,
      credits: creditsFor(current.minutes, original.creditsPerHour),
      source: 'correction',
      state: 'confirmed',
      reversesId: null,
      correctionOf: current.recordId,
    };
    // Spread from the original, so its id is among the fields: the ids given here win.
    await putRecord({ ...reversal, _id: reversalId }, tx);
    await putRecord({ ...corrected, _id: `rc${digest('corrected', correctionId).slice(0, 30)}` }, tx);
    await updateCorrection(correctionId, { ...decision, state: 'applied' }, tx);

    const delta = corrected.credits - original.credits;
    if (delta > 0) {
      const posting = earningPosting({ ...original, _id: correctionId }, delta, actor.userId, settings.creditExpiryYears, now, `corr-${correctionId}`);
      if (posting) await applyPosting(tx, posting, now);
    } else if (delta < 0) {
      const account = await findAccount(accountId('resident', original.userId), tx);
      const back = Math.min(-delta, account?.balance ?? 0);
      if (back > 0) {
        await applyPosting(
          tx,
          {
            id: `corr-${correctionId}`,
            memo: `时长更正：${original.content}`.slice(0, 80),
            by: actor.userId,
            ref: { correctionId },
            legs: [
              { kind: 'resident', ownerId: original.userId, amount: -back, entryKind: 'adjusted' },
              { kind: 'issuance', ownerId: issuerOf(original), amount: back, entryKind: 'adjusted' },
            ],
          },
          now,
        );
      }
    }
    return { state: 'applied' as const };
  });
  await auditReview(actor, 'hours.reviewCorrection', 'correction', correctionId, correction, outcome.state, reason, now);
  return outcome;
}
