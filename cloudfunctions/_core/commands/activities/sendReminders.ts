/** Timer sendReminders: reminders 24 h and 2 h before an activity starts, once per person and kind. */
import { notifySignedUp } from '../../ports/notify';
import { markReminderSent, publishedStartingBetween } from '../../repositories/activities';
import { confirmedSignupsOfActivity } from '../../repositories/signups';

const HOUR = 3600_000;
const REMINDERS = [
  { key: '24h', before: 24 * HOUR, kind: 'reminder_24h' },
  { key: '2h', before: 2 * HOUR, kind: 'reminder_2h' },
] as const;

/** Sends the reminders now due and answers how many went out. */
export async function sendReminders(now: Date): Promise<{ sent: number }> {
  let sent = 0;
  for (const reminder of REMINDERS) {
    // Everything starting within the reminder horizon that has not had this reminder yet.
    const due = await publishedStartingBetween(now, new Date(now.getTime() + reminder.before));
    for (const activity of due.filter((a) => !a.remindersSent.includes(reminder.key))) {
      for (const signup of await confirmedSignupsOfActivity(activity._id)) {
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
      await markReminderSent(activity._id, reminder.key);
    }
  }
  return { sent };
}
