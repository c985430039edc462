/** hours.review: a leader or the committee approves (and credits) or rejects a pending self-report or care visit (audited). */
import type { Actor } from '../../authz/actor';
import { loadReviewableRecord, recordNotFound } from '../../authz/hours';
import { earningPosting } from '../../ledger/earnings';
import { applyPosting } from '../../ledger/posting';
import { settingsFor } from '../../repositories/communitySettings';
import { findRecord, updateRecord } from '../../repositories/hourRecords';
import { inTransaction } from '../../runtime/transactions';
import { auditReview, tellCredited } from './hourRecording';
import type { HourSource } from '../../../../src/shared/schemas/volunteers';
import { hourErrors } from '../../../../src/shared/domainErrors';

/** Sources that wait for a review: self-reports, a need's helpers' hours (commands/needs/needHours.ts) and care visits (commands/care/logVisit.ts). */
const REVIEWED_SOURCES: ReadonlySet<HourSource> = new Set<HourSource>(['self_report', 'need', 'care_visit']);

/** Approves (and credits) or rejects a pending self-report. */
export async function reviewSelfReport(actor: Actor, recordId: string, approve: boolean, reason: string | undefined, now: Date) {
  const record = await findRecord(recordId);
  if (!record) throw recordNotFound();
  const settings = await settingsFor(await loadReviewableRecord(actor, record));
  const outcome = await inTransaction(async (tx) => {
    const current = await findRecord(recordId, tx);
    if (!current || !REVIEWED_SOURCES.has(current.source)) throw recordNotFound();
    if (current.state !== 'pending') throw hourErrors.reportHandled();
    const decided = { confirmedBy: actor.userId, confirmedByName: actor.user.nickname, confirmedAt: now };
    if (!approve) {
      await updateRecord(recordId, { ...decided, state: 'rejected', rejectReason: reason ?? null }, tx);
      return { state: 'rejected' as const };
    }
    await updateRecord(recordId, { ...decided, state: 'confirmed' }, tx);
    const posting = earningPosting({ ...current, _id: recordId }, current.credits, actor.userId, settings.creditExpiryYears, now);
    if (posting) await applyPosting(tx, posting, now);
    return { state: 'confirmed' as const };
  });
  await auditReview(actor, 'hours.review', 'hour_record', recordId, record, outcome.state, reason, now);
  if (outcome.state === 'confirmed') await tellCredited({ ...record, _id: recordId });
  return outcome;
}
