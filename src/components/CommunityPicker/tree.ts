import type { MessageKey } from '../../locales';
import type { RegionLevel, RegionTreeNode } from '../../shared/schemas/regions';

/** The nodes from a root down to `id` (inclusive), or null when it is not in the tree. */
export function findPath(nodes: RegionTreeNode[], id: string): RegionTreeNode[] | null {
  for (const node of nodes) {
    if (node.id === id) return [node];
    const below = findPath(node.children, id);
    if (below) return [node, ...below];
  }
  return null;
}

const LEVEL_LABELS: Record<RegionLevel, MessageKey> = {
  county: 'community.county',
  street: 'community.street',
  community: 'community.community',
};

export function levelLabelKey(level: RegionLevel): MessageKey {
  return LEVEL_LABELS[level];
}
