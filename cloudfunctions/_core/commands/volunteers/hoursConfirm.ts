/** hours.confirm: a leader confirms attendance as hour records, each with its credits in the same transaction. */
import { hourPolicies } from '../../../../src/shared/policies/volunteers';
import type { HoursConfirmInput } from '../../../../src/shared/schemas/volunteers';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { loadVolunteerActivity } from '../../authz/hours';
import { settingsFor } from '../../repositories/communitySettings';
import { signupsOfActivity } from '../../repositories/signups';
import { volunteersOf } from '../../repositories/volunteers';
import { inTransaction } from '../../runtime/transactions';
import { attendanceRecord, attendedMinutes, tellCredited, writeConfirmedRecord } from './hourRecording';

type RowOutcome = 'confirmed' | 'already' | 'not_volunteer' | 'not_checked_in' | 'in_progress' | 'not_found';

/** Confirms attendance as hour records, each with its credits in the same transaction. */
export async function confirmHours(actor: Actor, input: HoursConfirmInput, now: Date) {
  const { activity, group, resource, volunteer: plan } = await loadVolunteerActivity(actor, input.activityId);
  authorize(hourPolicies, 'hours.confirm', actor, resource);
  const settings = await settingsFor(activity.communityId ?? activity.streetId);
  const ids = [...new Set(input.items.map((item) => item.signupId))];
  const byId = new Map((await signupsOfActivity(activity._id, ids)).map((s) => [s._id, s]));
  const volunteers = await volunteersOf([...byId.values()].map((s) => s.userId));

  const skipped: Array<{ signupId: string; reason: Exclude<RowOutcome, 'confirmed' | 'already'> }> = [];
  const result = { confirmed: 0, already: 0, skipped, credits: 0 };
  for (const item of input.items) {
    const signup = byId.get(item.signupId);
    const v = signup ? volunteers.get(signup.userId) : undefined;
    let outcome: RowOutcome;
    if (!signup || signup.status !== 'confirmed') outcome = 'not_found';
    else if (!signup.checkedInAt) outcome = 'not_checked_in';
    else if (!signup.checkedOutAt && now.getTime() < activity.endAt.getTime()) outcome = 'in_progress';
    else if (!v || v.status !== 'active') outcome = 'not_volunteer';
    else {
      const minutes = item.minutes ?? attendedMinutes(activity, signup);
      const record = attendanceRecord(actor, activity, group, signup, v, minutes, item.minutes !== undefined, plan.creditsPerHour, now);
      outcome = await inTransaction((tx) => writeConfirmedRecord(tx, record, actor.userId, settings.creditExpiryYears, now));
      if (outcome === 'confirmed') result.credits += record.credits;
      // Also on 'already': a confirmation that died before telling her is told by its retry (once, by the record's key).
      await tellCredited(record);
    }
    if (outcome === 'confirmed') result.confirmed += 1;
    else if (outcome === 'already') result.already += 1;
    else result.skipped.push({ signupId: item.signupId, reason: outcome });
  }
  return result;
}
