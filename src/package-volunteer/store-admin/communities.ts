import type { AccountView } from '../../shared/schemas/account';

export interface CommunityChoice {
  id: string;
  name: string;
}

/**
 * Communities a staff member is likely to manage: those of their committee grants first, then
 * their home community (street and county staff manage the communities below them; the server
 * decides through `canManage`, this only offers a starting point).
 */
export function staffCommunities(account: AccountView): CommunityChoice[] {
  const choices: CommunityChoice[] = account.roles.filter((role) => role.role === 'committee').map((role) => ({ id: role.regionId, name: role.regionName }));
  const home = account.homeCommunity;
  if (home && !choices.some((c) => c.id === home.id)) choices.push({ id: home.id, name: home.name });
  return choices;
}
