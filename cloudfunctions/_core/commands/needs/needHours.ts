/**
 * A need's helpers' hours: when a need is thanked (or closed by the timer unanswered), one
 * pending hour record per helper goes into the existing hour book, in the same transaction as
 * the move, under an id made of the need and the helper (repositories/hourRecords.ts
 * recordIdForNeedHelper) — so no retry or racing close can record twice. They wait in the
 * existing review queue (hours.queue / hours.review): the claiming group's leaders or the
 * committee of its community confirm them; a volunteer's own claim has no group: the community
 * organised it, so its records name the community as organiser (`groupId` = the community's id,
 * as care visits do; authz/hours.ts isCommunityOrganised) and its committee confirms them (谁组织谁记录). Credits
 * are paid at the community's rate (its self-report rate, community_settings) when confirmed,
 * through the ledger exactly as hours.review pays a self-report.
 */
import type { HourRecordDoc } from '../../repositories/hourRecords';
import { putRecord, recordIdForNeedHelper } from '../../repositories/hourRecords';
import { pendingRecord } from '../../ledger/earnings';
import type { Settings } from '../../repositories/communitySettings';
import { moveNeedIn, type NeedChanges, type NeedDoc } from '../../repositories/needs';
import type { NeedMove } from '../../../../src/shared/policies/needs';
import { chinaDayOf } from '../../runtime/chinaDay';
import type { Transaction } from '../../runtime/transactions';

/** The group name a volunteer's own claim records under (it has no group). */
const NO_GROUP_NAME = '邻里互助';

/** The pending records of a done need's helpers. */
export function needHourRecords(need: NeedDoc, settings: Settings): HourRecordDoc[] {
  const claim = need.claim!;
  const doneAt = need.doneAt!;
  return need.helpers.map((helper) =>
    pendingRecord({
    _id: recordIdForNeedHelper(need._id, helper.userId),
    userId: helper.userId,
    volunteerNo: helper.volunteerNo,
    // A volunteer's own claim: the community is the organiser, so hours.review asks its committee.
    groupId: claim.kind === 'group' ? claim.id : need.communityId,
    groupName: claim.kind === 'group' ? claim.name : NO_GROUP_NAME,
    communityId: need.communityId,
    streetId: need.streetId,
    countyId: need.countyId,
    content: `邻里互助：${need.what}`.slice(0, 100),
    serviceDate: chinaDayOf(doneAt),
    minutes: helper.minutes,
    source: 'need',
    recordedBy: need.doneBy ?? claim.by,
    recordedByName: claim.name,
    recordedAt: doneAt,
    creditsPerHour: settings.selfReportCreditsPerHour,
    evidence: need.photo,
  }));
}

/** Ends a done need (thanked or closed) and writes its helpers' pending records, in `tx`. */
export async function endWithHours(tx: Transaction, need: NeedDoc, move: Extract<NeedMove, 'thank' | 'close'>, changes: NeedChanges, settings: Settings, now: Date): Promise<void> {
  await moveNeedIn(tx, need._id, move, { ...changes, endedAt: now }, now);
  for (const record of needHourRecords(need, settings)) await putRecord(record, tx);
}
