/** Shared by groups.found, groups.resubmit, groups.reviewQueue and groups.myApplications: an application's fields, checks and views. */
import { groupErrors, regionErrors } from '../../../../src/shared/domainErrors';
import type { ApplicationView, GroupsFoundInput } from '../../../../src/shared/schemas/groups';
import type { Actor } from '../../authz/actor';
import { assertContentAllowed } from '../../ports/contentCheck';
import { presentApplication } from '../../presenters/groups';
import { sealPersonal } from '../../privacy/personalData';
import { meetingPointOf, type GroupDoc } from '../../repositories/groups';
import { regionDirectory, type RegionDoc } from '../../repositories/regions';
import { usersById } from '../../repositories/users';

/** Where a group sits in the region tree. */
export type Placement = Pick<GroupDoc, 'communityId' | 'streetId' | 'countyId'>;

/** Where a new group sits in the region tree; the community or street must exist. */
export async function placementOf(input: { communityId: string | null; streetId?: string }): Promise<Placement> {
  const regions = await regionDirectory();
  if (input.communityId) {
    const community = regions.get(input.communityId);
    if (!community || community.level !== 'community' || !community.parentId) throw regionErrors.communityUnknown();
    return { communityId: community._id, streetId: community.parentId, countyId: community.ancestorIds[0] ?? '' };
  }
  const street = regions.get(input.streetId ?? '');
  if (!street || street.level !== 'street' || !street.parentId) throw groupErrors.streetUnknown();
  return { communityId: null, streetId: street._id, countyId: street.parentId };
}

/** What an application sets, with the contact in full. */
export type GroupFields = Omit<GroupsFoundInput, 'contactName' | 'contactPhone' | 'streetId'> & { contactName: string; contactPhone: string };

/** The fields an application writes on the group (the contact phone sealed). */
export function applicationFields(input: GroupFields, placement: Placement) {
  return {
    name: input.name,
    type: input.type,
    managementLevel: input.managementLevel,
    ...placement,
    description: input.description,
    tags: input.tags,
    coverImage: input.coverImage,
    contact: { name: input.contactName, phoneSealed: sealPersonal(input.contactPhone) },
    joinPolicy: input.joinPolicy,
    noShowLimit: input.noShowLimit,
    cancelCutoffHours: input.cancelCutoffHours,
    place: input.place,
  };
}

/** The `geo` field of a new group: its meeting point, or nothing when the place has no coordinates. */
export function geoOf(place: GroupDoc['place']): { geo?: object } {
  const geo = meetingPointOf(place);
  return geo ? { geo } : {};
}

/** The application's texts through the content check (review → rephrase, risky → refused). */
export async function checkTexts(actor: Actor, input: GroupFields): Promise<void> {
  await assertContentAllowed(
    { name: input.name, description: input.description, tags: input.tags.join(' '), contactName: input.contactName, place: input.place ? `${input.place.name} ${input.place.address}` : undefined },
    3,
    actor.openid,
  );
}

/** Applications with their applicant's nickname, as reviewers and applicants see them. */
export async function applicationViews(groups: GroupDoc[], regions: Map<string, RegionDoc>): Promise<ApplicationView[]> {
  const applicants = await usersById(groups.map((g) => g.applicantId).filter((id): id is string => !!id));
  return groups.map((group) => presentApplication(group, applicants, regions));
}
