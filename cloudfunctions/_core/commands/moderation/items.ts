/** Shared by the moderation commands: the reported item — who wrote it, where it belongs, and hiding it. */
import type { ReportTargetType } from '../../../../src/shared/schemas/moderation';
import { findGroup, type GroupDoc } from '../../repositories/groups';
import { findReportedEntry, setItemHidden } from '../../repositories/moderatedItems';
import { regionDirectory } from '../../repositories/regions';
import { findUser } from '../../repositories/users';
import { moderationErrors } from '../../../../src/shared/domainErrors';

/** The reported item as moderation needs it. */
export interface Target {
  authorId: string | null;
  title: string;
  excerpt: string;
  communityId: string | null;
  streetId: string | null;
  countyId: string | null;
  /** What kind of item it is: how it is hidden (repositories/moderatedItems.ts). */
  kind: ReportTargetType;
}

function placeOfGroup(group: GroupDoc) {
  return { communityId: group.communityId, streetId: group.streetId, countyId: group.countyId };
}

/** The reported item: who wrote it, where it belongs, what to show the moderator. */
export async function loadTarget(type: ReportTargetType, id: string): Promise<Target> {
  const notFound = moderationErrors.contentNotFound();
  if (type === 'group') {
    const group = await findGroup(id);
    if (!group || group.status === 'pending' || group.status === 'rejected') throw notFound;
    return { authorId: group.leaderId, title: group.name, excerpt: group.description.slice(0, 80), ...placeOfGroup(group), kind: 'group' };
  }
  if (type === 'post' || type === 'activity') {
    const doc = await findReportedEntry(type, id);
    if (!doc || doc.removedAt) throw notFound;
    const group = await findGroup(doc.groupId);
    if (!group) throw notFound;
    const text = doc.text ?? doc.description ?? '';
    return { authorId: doc.authorId ?? doc.createdBy ?? null, title: doc.title ?? group.name, excerpt: text.slice(0, 80), ...placeOfGroup(group), kind: type };
  }
  const user = await findUser(id);
  if (!user) throw notFound;
  const regions = await regionDirectory();
  const home = user.homeCommunityId ? regions.get(user.homeCommunityId) : undefined;
  return {
    authorId: user._id,
    title: user.nickname,
    excerpt: '',
    communityId: home?._id ?? null,
    streetId: home?.parentId ?? null,
    countyId: home?.ancestorIds[0] ?? null,
    kind: 'user',
  };
}

/** Hides or restores the item (see repositories/moderatedItems.ts for how each kind is hidden). */
export async function setHidden(target: Target, targetId: string, hidden: boolean): Promise<void> {
  await setItemHidden(target.kind, targetId, hidden);
}
