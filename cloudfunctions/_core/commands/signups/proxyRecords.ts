/** proxies.records: her 代办记录 — what each proxy did for her, newest first. */
import type { Actor } from '../../authz/actor';
import { loadResidentForProxies } from '../../authz/proxies';
import { proxyActionsOf } from '../../repositories/proxyActions';
import { nicknamesOf } from '../../repositories/users';

/** A page of the acts done for the resident (herself when not named). */
export async function proxyRecords(actor: Actor, residentUserId: string | undefined, offset: number, limit: number) {
  const { user } = await loadResidentForProxies(actor, residentUserId);
  const page = await proxyActionsOf(user._id, offset, limit);
  const names = await nicknamesOf([...new Set(page.docs.map((d) => d.proxyUserId))]);
  return {
    items: page.docs.map((d) => ({
      id: d._id,
      kind: d.kind,
      activityId: d.activityId,
      activityTitle: d.activityTitle,
      proxyUserId: d.proxyUserId,
      proxyNickname: names.get(d.proxyUserId) ?? '',
      at: d.at.toISOString(),
    })),
    total: page.total,
    hasMore: page.hasMore,
  };
}
