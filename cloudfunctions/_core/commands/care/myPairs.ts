/** care.myPairs: the people a volunteer is paired with — herself or through a group she is an active member of — soonest due first. */
import type { CareMyPairsOutput } from '../../../../src/shared/schemas/care';
import { openedRecipient } from '../../authz/care';
import type { Actor } from '../../authz/actor';
import { activePairingsOf } from '../../authz/care';
import { presentMyPair } from '../../presenters/care';
import { recipientsByIds } from '../../repositories/careRecipients';
import { chinaDayOf } from '../../runtime/chinaDay';

/** The actor's people with their due dates. */
export async function myPairs(actor: Actor, now: Date): Promise<CareMyPairsOutput> {
  const today = chinaDayOf(now);
  const pairs = await activePairingsOf(actor);
  const people = (await recipientsByIds([...pairs.keys()])).filter((doc) => doc.status === 'active');
  const items = people.map((doc) => presentMyPair(doc, openedRecipient(doc), pairs.get(doc._id)!, today));
  items.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.recipientId.localeCompare(b.recipientId));
  return { items };
}
