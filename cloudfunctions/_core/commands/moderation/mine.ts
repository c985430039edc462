/** moderation.mine: decisions about my own content, with their reasons and my appeal. */
import type { Actor } from '../../authz/actor';
import { presentCase } from '../../presenters/moderation';
import { casesAbout } from '../../repositories/moderationCases';
import { regionDirectory } from '../../repositories/regions';

/** Decisions about my own content, with their reasons and my appeal. */
export async function myCases(actor: Actor) {
  const mine = await casesAbout(actor.userId);
  const regions = await regionDirectory();
  // A dismissed report decided nothing about the author's content: it is not theirs to read.
  return { items: mine.filter((c) => c.decisions.some((d) => d.action !== 'dismiss')).map((c) => presentCase(actor, c, regions)) };
}
