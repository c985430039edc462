import type { AccountView } from '../../shared/schemas/account';

/**
 * The communities a committee calls out in: those of its committee grants (street and county
 * staff follow the roll-calls of the communities below them; the server decides either way).
 */
export function rollCallCommunities(account: AccountView): Array<{ id: string; name: string }> {
  return account.roles.filter((role) => role.role === 'committee').map((role) => ({ id: role.regionId, name: role.regionName }));
}
