/** Shared by the notices actions: notices presented with the viewer's read marks and the checked images' addresses. */
import type { NoticeView } from '../../../../src/shared/schemas/notices';
import type { Actor } from '../../authz/actor';
import { fileStore } from '../../ports/storage';
import { presentNotice } from '../../presenters/notices';
import type { NoticeDoc } from '../../repositories/notices';
import { marksOf } from '../../repositories/noticeReads';
import type { RegionDoc } from '../../repositories/regions';

/** Presents notices of known communities for the actor: her marks in one query, the images' URLs in one call. */
export async function noticeViews(actor: Actor, docs: NoticeDoc[], regionOf: (communityId: string) => RegionDoc, now: Date): Promise<NoticeView[]> {
  const passed = docs.filter((d) => d.imageStatus === 'pass' && d.imageFileId).map((d) => d.imageFileId!);
  const [marks, urls] = await Promise.all([marksOf(actor.userId, docs.map((d) => d._id)), passed.length > 0 ? fileStore().temporaryUrls(passed) : new Map<string, string>()]);
  return docs.map((doc) =>
    presentNotice(actor, doc, regionOf(doc.communityId), { read: marks.read.has(doc._id), imageUrl: doc.imageFileId ? (urls.get(doc.imageFileId) ?? null) : null, now }),
  );
}

/** One notice presented for the actor. */
export async function noticeView(actor: Actor, doc: NoticeDoc, region: RegionDoc, now: Date): Promise<NoticeView> {
  const [view] = await noticeViews(actor, [doc], () => region, now);
  return view!;
}
