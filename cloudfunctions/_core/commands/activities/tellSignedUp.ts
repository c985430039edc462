/** Shared by activities.update and activities.cancel: everyone signed up is told. */
import { notifier } from '../../ports/notify';
import type { NoticeParams } from '../../ports/noticeTexts';
import type { ActivityDoc } from '../../repositories/activities';
import { signupsToTell } from '../../repositories/signups';
import { digest } from '../../runtime/hash';

/** Tells everyone signed up of a change to the activity, each in her language (the notice catalogue). */
export async function notifySignedUp(activity: ActivityDoc, kind: 'activity_changed' | 'activity_cancelled', params: NoticeParams, now: Date): Promise<void> {
  for (const signup of await signupsToTell(activity._id)) {
    await notifier().notify({
      userId: signup.userId,
      kind,
      params,
      link: `pages/activity/index?id=${activity._id}`,
      dedupeKey: `${kind}-${digest(activity._id, signup.userId, now.toISOString()).slice(0, 24)}`,
    });
  }
}
