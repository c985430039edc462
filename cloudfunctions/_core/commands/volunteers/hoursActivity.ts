/** hours.activity: the leader's sheet of a volunteer activity — who came, for how long, what is already recorded. */
import { hourPolicies } from '../../../../src/shared/policies/volunteers';
import type { Actor } from '../../authz/actor';
import { allows } from '../../authz/authorize';
import { loadVolunteerActivity } from '../../authz/hours';
import { recordIdForSignup, recordsByIds } from '../../repositories/hourRecords';
import { attendeesOf } from '../../repositories/signups';
import { nicknamesOf } from '../../repositories/users';
import { volunteersOf } from '../../repositories/volunteers';
import { attendedMinutes } from './hourRecording';

/** The leader's sheet of an activity: who came, for how long, what is already recorded. */
export async function activityHours(actor: Actor, activityId: string, now: Date) {
  const { activity, resource, volunteer } = await loadVolunteerActivity(actor, activityId);
  const rows = (await attendeesOf(activityId)).filter((s) => s.status === 'confirmed');
  const [volunteers, names, recorded] = await Promise.all([
    volunteersOf(rows.map((s) => s.userId)),
    nicknamesOf(rows.map((s) => s.userId)),
    recordsByIds(rows.map((s) => recordIdForSignup(s._id))),
  ]);
  const records = new Map(recorded.map((r) => [r._id, r]));
  return {
    activity: {
      id: activity._id,
      title: activity.title,
      startAt: activity.startAt.toISOString(),
      endAt: activity.endAt.toISOString(),
      creditsPerHour: volunteer.creditsPerHour,
      plannedHours: volunteer.plannedHours,
    },
    rows: rows.map((s) => {
      const record = records.get(recordIdForSignup(s._id));
      const v = volunteers.get(s.userId);
      return {
        signupId: s._id,
        nickname: names.get(s.userId) ?? '居民',
        volunteerNo: v && v.status === 'active' ? v.volunteerNo : null,
        checkedInAt: s.checkedInAt ? s.checkedInAt.toISOString() : null,
        checkedOutAt: s.checkedOutAt ? s.checkedOutAt.toISOString() : null,
        missingCheckout: s.checkedInAt !== null && s.checkedOutAt === null && now.getTime() > activity.endAt.getTime(),
        proposedMinutes: attendedMinutes(activity, s),
        recordId: record?._id ?? null,
        recordMinutes: record?.minutes ?? null,
      };
    }),
    canConfirm: allows(hourPolicies, 'hours.confirm', actor, resource),
  };
}
