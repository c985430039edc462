/** What the roles function shows: staff grants with the holder's nickname and the region's name. */
import type { RegionDoc } from '../repositories/regions';
import type { RoleGrantDoc } from '../repositories/roleGrants';
import type { UserDoc } from '../repositories/users';

/** The grants of roles.list, in the order given; a missing user or region shows an empty name. */
export function presentRoleList(rows: RoleGrantDoc[], users: Map<string, UserDoc>, regions: Map<string, RegionDoc>) {
  return {
    items: rows.map((g) => ({
      grantId: g._id,
      userId: g.userId,
      nickname: users.get(g.userId)?.nickname ?? '',
      role: g.role,
      regionId: g.regionId,
      regionName: regions.get(g.regionId)?.name ?? '',
      grantedAt: g.createdAt.toISOString(),
    })),
  };
}
