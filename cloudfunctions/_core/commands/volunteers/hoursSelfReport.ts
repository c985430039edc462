/** hours.selfReport: a volunteer reports service outside an activity, with a photo; pending until a leader or the committee approves. */
import { hourPolicies } from '../../../../src/shared/policies/volunteers';
import type { HourRecordView, HoursSelfReportInput } from '../../../../src/shared/schemas/volunteers';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadGroupAccess } from '../../authz/hours';
import { requireVolunteer } from '../../authz/volunteers';
import { pendingRecord } from '../../ledger/earnings';
import { assertContentAllowed } from '../../ports/contentCheck';
import { settingsFor } from '../../repositories/communitySettings';
import { putRecord } from '../../repositories/hourRecords';
import { chinaDayOf } from '../../runtime/chinaDay';
import { digest } from '../../runtime/hash';
import { recordViews } from './hourViews';
import { hourErrors } from '../../../../src/shared/domainErrors';

const DAY_MS = 24 * 3600_000;
/** Self-reports may look back this far (the organiser must still be able to check them). */
const SELF_REPORT_WINDOW_DAYS = 90;

/** Service outside an activity, with a photo: pending until a leader or the committee approves. */
export async function selfReport(actor: Actor, input: HoursSelfReportInput, requestId: string, now: Date): Promise<HourRecordView> {
  const volunteer = await requireVolunteer(actor);
  const { group, resource } = await loadGroupAccess(actor, input.groupId);
  authorize(hourPolicies, 'hours.selfReport', actor, resource, hourErrors.ownOrganizationsOnly());
  const today = chinaDayOf(now);
  const earliest = chinaDayOf(new Date(now.getTime() - SELF_REPORT_WINDOW_DAYS * DAY_MS));
  if (input.serviceDate > today) throw hourErrors.serviceDateAfterToday();
  if (input.serviceDate < earliest) {
    throw hourErrors.serviceDateTooOld({ days: SELF_REPORT_WINDOW_DAYS });
  }
  await assertContentAllowed({ content: input.content }, 4, actor.openid);
  const settings = await settingsFor(group.communityId ?? group.streetId);
  const record = pendingRecord({
    _id: `hs${digest('self-report', actor.userId, requestId).slice(0, 30)}`,
    userId: actor.userId,
    volunteerNo: volunteer.volunteerNo,
    groupId: group._id,
    groupName: group.name,
    communityId: group.communityId,
    streetId: group.streetId,
    countyId: group.countyId,
    content: input.content,
    serviceDate: input.serviceDate,
    minutes: input.minutes,
    source: 'self_report',
    recordedBy: actor.userId,
    recordedByName: actor.user.nickname,
    recordedAt: now,
    creditsPerHour: settings.selfReportCreditsPerHour,
    evidence: input.evidence,
  });
  await putRecord(record);
  return (await recordViews([record], new Set()))[0]!;
}
