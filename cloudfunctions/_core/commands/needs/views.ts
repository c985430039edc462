/** What the needs commands share to answer: needs presented for the caller, in one batch of lookups. */
import type { NeedView } from '../../../../src/shared/schemas/needs';
import type { Actor } from '../../authz/actor';
import { callerRelations, needResource, type CallerRelations } from '../../authz/needs';
import { needView, photoUrlsOf } from '../../presenters/needs';
import type { NeedDoc } from '../../repositories/needs';
import { nicknamesOf } from '../../repositories/users';

/** Needs as the caller sees them (her relations read once for the whole batch when not given). */
export async function needViews(actor: Actor, needs: NeedDoc[], now: Date, known?: CallerRelations): Promise<NeedView[]> {
  const [relations, nicknames, photoUrls] = await Promise.all([known ?? callerRelations(actor), nicknamesOf([...new Set(needs.map((n) => n.userId))]), photoUrlsOf(needs)]);
  return needs.map((need) => needView(actor, need, needResource(actor, need, relations), { nicknames, photoUrls }, now));
}
