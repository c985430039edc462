/** needs.mine: my needs, those of residents I act for, those I or the groups I lead took on, and those addressed to me. */
import type { Actor } from '../../authz/actor';
import { callerRelations } from '../../authz/needs';
import { needsOfPeople } from '../../repositories/needs';
import { needViews } from './views';

/** One page of the needs that concern the caller, newest first. */
export async function myNeeds(actor: Actor, offset: number, limit: number, now: Date) {
  const relations = await callerRelations(actor);
  const page = await needsOfPeople([actor.userId, ...relations.actingFor], [actor.userId, ...relations.ledGroups], offset, limit, actor.userId);
  return { items: await needViews(actor, page.docs, now, relations), total: page.total, hasMore: page.hasMore };
}
