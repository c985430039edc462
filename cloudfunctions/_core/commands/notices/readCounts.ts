/**
 * notices.readCounts — how many residents have read a notice (its read marks: one per resident,
 * repositories/noticeReads.ts) and how many residents the community has now, for the ratio.
 */
import type { NoticeReadCounts } from '../../../../src/shared/schemas/notices';
import type { Actor } from '../../authz/actor';
import { loadNotice } from '../../authz/notices';
import { readCountOf } from '../../repositories/noticeReads';
import { residentCountOf } from '../../repositories/users';

/** The read count of a notice the actor runs. */
export async function noticeReadCounts(actor: Actor, noticeId: string): Promise<NoticeReadCounts> {
  const { notice } = await loadNotice(actor, noticeId, 'notices.readCounts');
  const [read, residents] = await Promise.all([readCountOf(notice._id), residentCountOf(notice.communityId)]);
  return { noticeId: notice._id, read, residents };
}
