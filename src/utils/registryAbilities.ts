/** Abilities (from the server's group view) that open the group management page. */
export const MANAGE_ABILITIES = [
  'groups.edit',
  'groups.manageMembers',
  'groups.transfer',
  'groups.dissolve',
  'groups.rate',
  'invites.create',
  'posts.create',
  'hubs.invite',
  'hubs.respond',
] as const;

/** True when the group page should offer the management page. */
export function canManage(abilities: readonly string[]): boolean {
  return MANAGE_ABILITIES.some((ability) => abilities.includes(ability));
}
