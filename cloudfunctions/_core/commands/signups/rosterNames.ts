/** Shared by signups.roster, signups.rosterExport and the roster changes: the names a roster shows. */
import type { SignupDoc } from '../../repositories/signups';
import { findUser } from '../../repositories/users';

/** Nicknames of the people a page names (the person and the proxy who signed her up). */
export async function rosterNicknames(list: SignupDoc[]): Promise<Map<string, { nickname: string }>> {
  const ids = [...new Set(list.flatMap((s) => [s.userId, ...(s.proxy ? [s.proxy.userId] : [])]))];
  return new Map((await Promise.all(ids.map((id) => findUser(id)))).flatMap((u) => (u ? [[u._id, u] as const] : [])));
}
