/** Committee notices as authorization sees them: the policy view of a notice for a caller, and loading one she may see. */
import { noticePolicies, type NoticeResource } from '../../../src/shared/policies/notices';
import { noticeErrors } from '../../../src/shared/domainErrors';
import type { AppError } from '../../../src/shared/errors';
import { findNotice, type NoticeDoc } from '../repositories/notices';
import { regionDirectory, type RegionDoc } from '../repositories/regions';
import type { Actor } from './actor';
import { authorize } from './authorize';

/** The policies' view of a notice for this caller (a resident: her home community is the notice's). */
export function noticeResource(actor: Actor, notice: NoticeDoc, region: RegionDoc): NoticeResource {
  return { regionId: region._id, ancestorIds: region.ancestorIds, status: notice.status, resident: actor.user.homeCommunityId === notice.communityId };
}

/** Abilities only staff over the notice's community have (a resident who may read it is FORBIDDEN them). */
const STAFF_ABILITIES = new Set<keyof typeof noticePolicies>(['notices.update', 'notices.withdraw', 'notices.readCounts']);

/**
 * The notice of an id with its community, if the caller may see it and has `ability` on it;
 * otherwise NOT_FOUND — a notice she may not see answers exactly like one that does not exist.
 * Once she may see it: staff abilities are FORBIDDEN to residents, and the state a staff ability
 * needs refuses with `refusal` (e.g. editing a published notice).
 */
export async function loadNotice(
  actor: Actor,
  noticeId: string,
  ability: keyof typeof noticePolicies = 'notices.view',
  refusal?: AppError,
): Promise<{ notice: NoticeDoc; region: RegionDoc }> {
  const notice = await findNotice(noticeId);
  const region = notice ? (await regionDirectory()).get(notice.communityId) : undefined;
  if (!notice || !region) throw noticeErrors.notFound();
  const resource = noticeResource(actor, notice, region);
  authorize(noticePolicies, 'notices.view', actor, resource, noticeErrors.notFound());
  if (STAFF_ABILITIES.has(ability)) authorize(noticePolicies, 'notices.manage', actor, resource);
  if (ability !== 'notices.view') authorize(noticePolicies, ability, actor, resource, refusal);
  return { notice, region };
}
