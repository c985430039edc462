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
