/** Shared by hours.mine and hours.selfReport: records as the volunteer sees them, evidence as short-lived links. */
import type { HourRecordView } from '../../../../src/shared/schemas/volunteers';
import { fileStore } from '../../ports/storage';
import { presentRecord } from '../../presenters/hours';
import type { HourRecordDoc } from '../../repositories/hourRecords';

/** The records' views (`corrected`: records already reversed; `pending`: records with a correction waiting). */
export async function recordViews(records: HourRecordDoc[], corrected: Set<string>, pending = new Set<string>()): Promise<HourRecordView[]> {
  const urls = await fileStore().temporaryUrls(records.map((r) => r.evidence).filter((e): e is string => !!e && e.startsWith('cloud://')));
  return records.map((r) => presentRecord(r, r.evidence ? (urls.get(r.evidence) ?? r.evidence) : null, pending.has(r._id) && !corrected.has(r._id)));
}
