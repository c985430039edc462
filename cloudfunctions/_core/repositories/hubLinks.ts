/** Hub links: a hub organization's invitation to a group and its answer (collection hub_links). */
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import { Collections } from './collections';

export interface HubLinkDoc {
  _id: string;
  hubId: string;
  groupId: string;
  status: 'invited' | 'linked' | 'declined';
  invitedBy: string;
  invitedAt: Date;
  respondedBy: string | null;
  respondedAt: Date | null;
}

const links = () => database().collection(Collections.hubLinks);

/** One link per hub and group: inviting again reuses the id. */
export function hubLinkIdOf(hubId: string, groupId: string): string {
  return `h${digest('hub-link', hubId, groupId).slice(0, 24)}`;
}

/** A link by id, or null. */
export async function findHubLink(linkId: string): Promise<HubLinkDoc | null> {
  const { data } = await links().doc(linkId).get();
  return (data[0] as HubLinkDoc | undefined) ?? null;
}

/** Writes a link whole (a new invitation replaces a declined one). */
export async function putHubLink(link: HubLinkDoc): Promise<void> {
  const { _id, ...fields } = link;
  await links().doc(_id).set(fields);
}

/** Answers an invitation still open; false when someone answered it first. */
export async function answerHubLink(linkId: string, status: 'linked' | 'declined', respondedBy: string, now: Date): Promise<boolean> {
  const { updated } = await links().where({ _id: linkId, status: 'invited' }).update({ status, respondedBy, respondedAt: now });
  return updated === 1;
}

/** Marks a link declined whatever it was (an acceptance the group could not follow). */
export async function markHubLinkDeclined(linkId: string): Promise<void> {
  await links().doc(linkId).update({ status: 'declined' });
}

/** The open invitations of a group (a group is invited by a handful of hubs at most). */
export async function invitationsOfGroup(groupId: string): Promise<HubLinkDoc[]> {
  const { data } = await links().where({ groupId, status: 'invited' }).limit(50).get();
  return data as HubLinkDoc[];
}

/** The groups linked to a hub. */
export async function linkedToHub(hubId: string): Promise<HubLinkDoc[]> {
  const { data } = await links().where({ hubId, status: 'linked' }).limit(500).get();
  return data as HubLinkDoc[];
}
