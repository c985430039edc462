/** Timer: reminders 24 h and 2 h before an activity starts, once per person and kind. */
import { notifySignedUp } from '../ports/notify';
import { activities, type ActivityDoc, type SignupDoc } from '../repositories/activities';
import { allMatching } from '../repositories/allMatching';
import { Collections } from '../repositories/collections';
import { database } from '../runtime/cloudbase';

const HOUR = 3600_000;
const REMINDERS = [
  { key: '24h', before: 24 * HOUR, kind: 'reminder_24h' },
  { key: '2h', before: 2 * HOUR, kind: 'reminder_2h' },
] as const;

export async function sendReminders(now: Date): Promise<{ sent: number }> {
  const _ = database().command;
  let sent = 0;
  for (const reminder of REMINDERS) {
    // Everything starting within the reminder horizon that has not had this reminder yet.
    const { data } = await activities()
      .where({ status: 'published', startAt: _.gt(now).and(_.lte(new Date(now.getTime() + reminder.before))) })
      .limit(200)
      .get();
    for (const activity of (data as ActivityDoc[]).filter((a) => !a.remindersSent.includes(reminder.key))) {
      // Every confirmed person, past a page of 1,000 (CloudBase's most per query).
      const list = await allMatching<SignupDoc>(Collections.signups, { activityId: activity._id, status: 'confirmed' });
      for (const signup of list) {
        await notifySignedUp(
          {
            userId: signup.userId,
            kind: reminder.kind,
            params: { activity: activity.title, startAt: activity.startAt.toISOString(), place: activity.location.name },
            link: `pages/activity/index?id=${activity._id}`,
            dedupeKey: `reminder-${reminder.key}-${activity._id}-${signup.userId}`,
          },
          signup.proxy,
        );
        sent += 1;
      }
      await activities().doc(activity._id).update({ remindersSent: _.addToSet(reminder.key) });
    }
  }
  return { sent };
}
