/** hours.requestCorrection: a volunteer asks to correct a confirmed record; the organiser checks it (记录与证明出具办法). */
import { AppError } from '../../../../src/shared/errors';
import type { Actor } from '../../authz/actor';
import { recordNotFound } from '../../authz/hours';
import { assertContentAllowed } from '../../ports/contentCheck';
import { addCorrectionOnce, correctionsOfRecord, recordsOfUser, type CorrectionDoc } from '../../repositories/hourRecords';
import { digest } from '../../runtime/hash';

/** A volunteer asks to correct a confirmed record; the organiser checks it (记录与证明出具办法). */
export async function requestCorrection(actor: Actor, recordId: string, minutes: number, reason: string, now: Date): Promise<string> {
  const mine = await recordsOfUser(actor.userId);
  const record = mine.find((r) => r._id === recordId);
  if (!record) throw recordNotFound();
  if (record.state !== 'confirmed' || record.source === 'reversal') throw new AppError('CONFLICT', '只能更正已确认的记录');
  if (mine.some((r) => r.reversesId === recordId)) throw new AppError('CONFLICT', '这条记录已经更正过，请更正新的记录');
  if (minutes === record.minutes) throw new AppError('INVALID_INPUT', 'minutes: 更正后的时长与原记录相同', [{ path: 'minutes', message: '更正后的时长与原记录相同' }]);
  await assertContentAllowed({ reason }, 4, actor.openid);
  const earlier = await correctionsOfRecord(recordId);
  if (earlier.some((c) => c.state === 'pending')) throw new AppError('CONFLICT', '这条记录已有待审核的更正');
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
  if (!(await addCorrectionOnce(doc))) throw new AppError('CONFLICT', '这条记录已有待审核的更正');
  return id;
}
