import * as z from '../zod';
import { Id } from './common';

/** The three levels of the region tree (county → street/township → community/village). */
export const RegionLevel = z.enum(['county', 'street', 'community']);
export type RegionLevel = z.infer<typeof RegionLevel>;

/** Urban communities (社区) and rural villages (村) are tracked apart for policy targets. */
export const CommunityKind = z.enum(['urban', 'rural']);
export type CommunityKind = z.infer<typeof CommunityKind>;

export const RegionView = z.object({
  id: Id,
  name: z.string(),
  level: RegionLevel,
  parentId: Id.nullable(),
  kind: CommunityKind.nullable(),
});
export type RegionView = z.infer<typeof RegionView>;

export const RegionNode: z.ZodType<RegionTreeNode> = z.lazy(() =>
  RegionView.extend({ children: z.array(RegionNode) }),
);
export interface RegionTreeNode extends RegionView {
  children: RegionTreeNode[];
}

export const RegionsTreeInput = z.object({}).strict();
export type RegionsTreeInput = z.infer<typeof RegionsTreeInput>;
export const RegionsTreeOutput = z.object({ roots: z.array(RegionNode) });
export type RegionsTreeOutput = z.infer<typeof RegionsTreeOutput>;
