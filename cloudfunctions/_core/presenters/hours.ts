/** What the volunteers function shows of the hour book: records as their volunteer sees them. */
import type { HourRecordView } from '../../../src/shared/schemas/volunteers';
import type { HourRecordDoc } from '../repositories/hourRecords';

/** A record; `evidenceUrl` is its photo's short-lived link, `correctionPending` whether a correction waits. */
export function presentRecord(r: HourRecordDoc, evidenceUrl: string | null, correctionPending: boolean): HourRecordView {
  return {
    id: r._id,
    groupId: r.groupId,
    groupName: r.groupName,
    activityId: r.activityId,
    content: r.content,
    serviceDate: r.serviceDate,
    minutes: r.minutes,
    source: r.source,
    state: r.state,
    recordedBy: r.recordedByName,
    recordedAt: r.recordedAt.toISOString(),
    confirmedBy: r.confirmedByName,
    confirmedAt: r.confirmedAt ? r.confirmedAt.toISOString() : null,
    rejectReason: r.rejectReason,
    credits: r.credits,
    reversesId: r.reversesId,
    evidence: evidenceUrl,
    correctionPending,
  };
}
