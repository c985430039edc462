/** regions.tree: the whole county → street → community tree, public. */
import type { RegionTreeNode } from '../../../../src/shared/schemas/regions';
import { presentRegionTree } from '../../presenters/regions';
import { allRegions } from '../../repositories/regions';

/** Every region nested under its parent (the tree is small: one county's hundreds of nodes). */
export async function regionTree(): Promise<{ roots: RegionTreeNode[] }> {
  return { roots: presentRegionTree(await allRegions()) };
}
