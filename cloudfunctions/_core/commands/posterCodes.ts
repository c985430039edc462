/**
 * Noticeboard posters (issue 14, item 3): the mini-program code of a group's or an activity's
 * page with the facts printed beside it. The code is WeChat's wxacode.getUnlimited through the
 * same port as the check-in and proof codes (ports/qrCode.ts): nothing stored, the PNG goes back
 * as a data: URL. The scene is the id itself — group and activity ids are visible ASCII of at
 * most 25 characters, within getUnlimited's 32 — and the page reads it back from its `scene`
 * option (src/utils/posterScene.ts), so a scanned poster opens the page as a shared link does.
 * Doc: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
 */
import { activityPolicies } from '../../../src/shared/policies/activities';
import { authorize } from '../../../src/shared/policies/authorize';
import { groupPolicies } from '../../../src/shared/policies/groups';
import type { Poster } from '../../../src/shared/schemas/common';
import { qrCodes } from '../ports/qrCode';
import { findGroup } from '../repositories/groups';
import { findMembership } from '../repositories/memberships';
import type { Actor } from '../runtime/actor';
import { groupResource } from '../presenters/groups';
import { loadVisibleActivity } from './activityPlanner';
import { groupNotFound } from './groupMembership';
import { activityErrors } from '../../../src/shared/domainErrors';

/** The pages a poster's code opens (their `scene` option is the id). */
export const POSTER_PAGES = { group: 'pages/group/index', activity: 'pages/activity/index' } as const;

/** getUnlimited's scene: at most 32 visible ASCII characters. */
const SCENE = /^[\x21-\x7e]{1,32}$/;

async function codeFor(page: string, id: string): Promise<Poster['code']> {
  if (!SCENE.test(id)) throw activityErrors.posterIdTooLong();
  const image = await qrCodes().forPage(page, id);
  return { image: image.src, page, scene: id };
}

/** A group's poster, for its leaders (who may invite people: a poster is an invitation). */
export async function groupPoster(actor: Actor, groupId: string): Promise<Poster> {
  const [group, membership] = await Promise.all([findGroup(groupId), findMembership(groupId, actor.userId)]);
  if (!group) throw groupNotFound();
  const resource = groupResource(group, membership);
  authorize(groupPolicies, 'groups.view', actor, resource, groupNotFound());
  authorize(groupPolicies, 'invites.create', actor, resource);
  return {
    code: await codeFor(POSTER_PAGES.group, group._id),
    title: group.name,
    groupName: group.name,
    startAt: null,
    endAt: null,
    place: group.place ? `${group.place.name}（${group.place.address}）` : null,
  };
}

/** An activity's poster, for its organisers while it is open (published and not over). */
export async function activityPoster(actor: Actor, activityId: string): Promise<Poster> {
  const { activity, group, resource } = await loadVisibleActivity(actor, activityId);
  authorize(activityPolicies, 'activities.edit', actor, resource);
  return {
    code: await codeFor(POSTER_PAGES.activity, activity._id),
    title: activity.title,
    groupName: group.name,
    startAt: activity.startAt.toISOString(),
    endAt: activity.endAt.toISOString(),
    place: `${activity.location.name}（${activity.location.address}）`,
  };
}
