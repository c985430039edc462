/** hours.mine: my hours — totals, stars, by year and organisation, what awaits confirmation, the records. */
import type { Actor } from '../../authz/actor';
import { activitiesByIds } from '../../repositories/activities';
import { settingsFor } from '../../repositories/communitySettings';
import { pendingCorrectionsOfUser, recordIdForSignup, recordsOfUser } from '../../repositories/hourRecords';
import { confirmedSignupsOf } from '../../repositories/signups';
import { recordViews } from './hourViews';

/** My hours: totals, stars, by year and organisation, what awaits confirmation, the records. */
export async function myHours(actor: Actor, offset: number, limit: number) {
  const records = await recordsOfUser(actor.userId);
  const confirmed = records.filter((r) => r.state === 'confirmed');
  const totalMinutes = confirmed.reduce((sum, r) => sum + r.minutes, 0);
  const settings = await settingsFor(actor.user.homeCommunityId);
  const stars = settings.starThresholds.filter((t) => totalMinutes / 60 >= t).length;
  const byYear = new Map<number, number>();
  const byGroup = new Map<string, { groupName: string; minutes: number }>();
  for (const r of confirmed) {
    const year = Number(r.serviceDate.slice(0, 4));
    byYear.set(year, (byYear.get(year) ?? 0) + r.minutes);
    const g = byGroup.get(r.groupId) ?? { groupName: r.groupName, minutes: 0 };
    g.minutes += r.minutes;
    byGroup.set(r.groupId, g);
  }
  const pending = new Set((await pendingCorrectionsOfUser(actor.userId)).map((c) => c.recordId));
  const corrected = new Set(records.filter((r) => r.reversesId).map((r) => r.reversesId!));
  return {
    totalMinutes,
    stars,
    starThresholds: settings.starThresholds,
    nextStarHours: settings.starThresholds[stars] ?? null,
    byYear: [...byYear.entries()].sort((a, b) => b[0] - a[0]).map(([year, minutes]) => ({ year, minutes })),
    byGroup: [...byGroup.entries()].map(([groupId, g]) => ({ groupId, ...g })).sort((a, b) => b.minutes - a.minutes),
    awaiting: await awaitingConfirmation(actor.userId, new Set(records.map((r) => r._id))),
    records: {
      items: await recordViews(records.slice(offset, offset + limit), corrected, pending),
      total: records.length,
      hasMore: offset + limit < records.length,
    },
  };
}

/** Volunteer activities I checked in to that no leader has confirmed yet. */
async function awaitingConfirmation(userId: string, recorded: Set<string>) {
  const checkedIn = (await confirmedSignupsOf(userId)).filter((s) => s.checkedInAt && !recorded.has(recordIdForSignup(s._id)));
  if (checkedIn.length === 0) return [];
  const byId = new Map((await activitiesByIds(checkedIn.map((s) => s.activityId))).map((a) => [a._id, a]));
  return checkedIn.flatMap((s) => {
    const activity = byId.get(s.activityId);
    if (!activity?.volunteer) return [];
    return [{ activityId: activity._id, title: activity.title, startAt: activity.startAt.toISOString(), checkedInAt: s.checkedInAt!.toISOString(), checkedOutAt: s.checkedOutAt ? s.checkedOutAt.toISOString() : null }];
  });
}
