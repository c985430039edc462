import type { RegionTreeNode, RegionView } from '../../../src/shared/schemas/regions';
import type { RegionDoc } from '../repositories/regions';

/** The public view of a region. */
export function presentRegion(region: RegionDoc): RegionView {
  return { id: region._id, name: region.name, level: region.level, parentId: region.parentId, kind: region.kind };
}

/** Nests regions under their parents, children sorted by name in Chinese order. */
export function presentRegionTree(regions: RegionDoc[]): RegionTreeNode[] {
  const nodes = new Map<string, RegionTreeNode>();
  for (const region of regions) nodes.set(region._id, { ...presentRegion(region), children: [] });
  const roots: RegionTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const collator = new Intl.Collator('zh-CN');
  const sort = (list: RegionTreeNode[]) => {
    list.sort((a, b) => collator.compare(a.name, b.name));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}
