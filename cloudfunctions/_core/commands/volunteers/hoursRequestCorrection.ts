/** hours.requestCorrection: a volunteer asks to correct a confirmed record; the organiser checks it (记录与证明出具办法). */
import type { Actor } from '../../authz/actor';
import { recordNotFound } from '../../authz/hours';
import { assertContentAllowed } from '../../ports/contentCheck';
import { addCorrectionOnce, correctionsOfRecord, recordsOfUser, type CorrectionDoc } from '../../repositories/hourRecords';
import { digest } from '../../runtime/hash';
import { hourErrors } from '../../../../src/shared/domainErrors';

/** A volunteer asks to correct a confirmed record; the organiser checks it (记录与证明出具办法). */
export async function requestCorrection(actor: Actor, recordId: string, minutes: number, reason: string, now: Date): Promise<string> {
  const mine = await recordsOfUser(actor.userId);
  const record = mine.find((r) => r._id === recordId);
  if (!record) throw recordNotFound();
  if (record.state !== 'confirmed' || record.source === 'reversal') throw hourErrors.onlyConfirmedCorrectable();
  if (mine.some((r) => r.reversesId === recordId)) throw hourErrors.correctNewerRecord();
  if (minutes === record.minutes) throw hourErrors.sameMinutes();
  await assertContentAllowed({ reason }, 4, actor.openid);
  const earlier = await correctionsOfRecord(recordId);
  if (earlier.some((c) => c.state === 'pending')) throw hourErrors.correctionPending();
  // The id counts the record's corrections, so two racing requests collide on one id.
  const id = `hc${digest('correction', recordId, String(earlier.length)).slice(0, 30)}`;
  const doc: CorrectionDoc = {
    _id: id,
    recordId,
    userId: actor.userId,
    groupId: record.groupId,
    communityId: record.communityId,
    streetId: record.streetId,
    countyId: record.countyId,
    minutes,
    reason,
    state: 'pending',
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
    createdAt: now,
  };
  if (!(await addCorrectionOnce(doc))) throw hourErrors.correctionPending();
  return id;
}
