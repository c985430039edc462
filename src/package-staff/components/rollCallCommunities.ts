import type { AccountView } from '../../shared/schemas/account';
import type { RegionTreeNode } from '../../shared/schemas/regions';

/** Whether the account's call-out communities come from the region tree (street or county staff). */
export function needsRegionTree(account: AccountView): boolean {
  return account.roles.some((role) => role.role === 'street' || role.role === 'county');
}

/**
 * The communities staff call out in: those of their committee grants and every community below
 * their street or county grants (found in the region tree once it is loaded). The server
 * decides either way; this only fills the choice.
 */
export function rollCallCommunities(account: AccountView, roots: RegionTreeNode[] = []): Array<{ id: string; name: string }> {
  const found = new Map<string, string>();
  for (const role of account.roles) if (role.role === 'committee') found.set(role.regionId, role.regionName);
  const above = new Set(account.roles.filter((role) => role.role === 'street' || role.role === 'county').map((role) => role.regionId));
  const visit = (node: RegionTreeNode, covered: boolean) => {
    const inside = covered || above.has(node.id);
    if (inside && node.level === 'community') found.set(node.id, node.name);
    for (const child of node.children) visit(child, inside);
  };
  for (const root of roots) visit(root, false);
  return [...found].map(([id, name]) => ({ id, name }));
}
