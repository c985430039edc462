/**
 * The care function's timer: people whose due day has passed are flagged to the committee of
 * their community — one inbox notice per staff member per person per overdue period. The period
 * is the due day: the notice's dedupe key carries it (so a re-run, or a crash between telling
 * and marking, never tells twice) and the person is marked told for it (so the next run skips
 * her); a visit moves her due day and starts a new period.
 */
import { notifier } from '../../ports/notify';
import { maskName } from '../../privacy/personalData';
import { markOverdueNotified, overdueNotYetNotified } from '../../repositories/careRecipients';
import { activeGrantsOn } from '../../repositories/roleGrants';
import { chinaDayOf } from '../../runtime/chinaDay';

/** People read per batch; the run stops after `MAX_BATCHES` and the next firing goes on. */
const BATCH = 100;
const MAX_BATCHES = 20;

/** Tells the committees of every newly overdue person; returns how many people were flagged. */
export async function flagOverdue(now: Date): Promise<{ flagged: number; notices: number }> {
  const today = chinaDayOf(now);
  let flagged = 0;
  let notices = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const people = await overdueNotYetNotified(today, BATCH);
    if (people.length === 0) break;
    const grants = await activeGrantsOn([...new Set(people.map((p) => p.communityId))]);
    for (const person of people) {
      const staff = [...new Set(grants.filter((g) => g.role === 'committee' && g.regionId === person.communityId).map((g) => g.userId))];
      for (const userId of staff) {
        await notifier().notify({
          userId,
          kind: 'care_overdue',
          // The inbox outlives a staff member's grant: it names the person masked; the page behind the link checks who asks.
          params: { name: maskName(person.name), dueDate: person.dueDay },
          link: `package-care/person/index?id=${person._id}`,
          dedupeKey: `care-overdue-${person._id}-${person.dueDay}-${userId}`,
        });
        notices += 1;
      }
      await markOverdueNotified(person._id, person.dueDay);
      flagged += 1;
    }
  }
  return { flagged, notices };
}
