/** Staff role grants: a role on one region node. Revoked grants stay for the audit trail. */
import type { Grant } from '../../../src/shared/policies/actor';
import { database } from '../runtime/cloudbase';
import { Collections } from './collections';

export interface RoleGrantDoc extends Grant {
  _id: string;
  userId: string;
  grantedBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** The active grants of a user. */
export async function activeGrantsOf(userId: string): Promise<Grant[]> {
  const { data } = await database()
    .collection(Collections.roleGrants)
    .where({ userId, revokedAt: null })
    .limit(100)
    .get();
  return (data as RoleGrantDoc[]).map(({ role, regionId }) => ({ role, regionId }));
}

const grants = () => database().collection(Collections.roleGrants);

/** One grant by id (revoked ones too), or null. */
export async function findGrant(grantId: string): Promise<RoleGrantDoc | null> {
  const { data } = await grants().doc(grantId).get();
  return (data[0] as RoleGrantDoc | undefined) ?? null;
}

/** Writes a grant under its derived id (writing the same grant again changes nothing that matters). */
export async function putGrant(grantId: string, grant: Omit<RoleGrantDoc, '_id'>): Promise<void> {
  await grants().doc(grantId).set(grant);
}

/** Marks a grant revoked unless it already is (the first revocation's time stays). */
export async function markGrantRevoked(grantId: string, now: Date): Promise<void> {
  await grants().where({ _id: grantId, revokedAt: null }).update({ revokedAt: now });
}

/** The active grants on any of these regions (a county's tree is at most a few hundred nodes). */
export async function activeGrantsOn(regionIds: string[]): Promise<RoleGrantDoc[]> {
  const _ = database().command;
  const { data } = await grants().where({ regionId: _.in(regionIds), revokedAt: null }).limit(1000).get();
  return data as RoleGrantDoc[];
}
