/** Invite links of groups (collection invites): only the token's hash is stored. */
import { database } from '../runtime/cloudbase';
import { digest } from '../runtime/hash';
import { Collections } from './collections';

export interface InviteDoc {
  _id: string;
  groupId: string;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  uses: number;
}

const invites = () => database().collection(Collections.invites);

/** The id of a token's invite: its hash, so a leaked database does not leak working links. */
export function inviteIdOf(token: string): string {
  return digest('invite', token).slice(0, 40);
}

/** Stores a new invite. */
export async function addInvite(invite: InviteDoc): Promise<void> {
  await invites().add(invite);
}

/** The invite of an id, or null. */
export async function findInvite(inviteId: string): Promise<InviteDoc | null> {
  const { data } = await invites().doc(inviteId).get();
  return (data[0] as InviteDoc | undefined) ?? null;
}

/** Counts one more use of an invite. */
export async function countInviteUse(inviteId: string): Promise<void> {
  await invites().doc(inviteId).update({ uses: database().command.inc(1) });
}
