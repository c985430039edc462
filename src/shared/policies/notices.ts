/**
 * Who may do what with committee notices. Staff over a community (its committee, the street or
 * county above it) post and run them; residents of the community read the published ones.
 */
import { hasStaffRoleOver, type RegionScope } from './actor';
import type { PolicySet } from './authorize';

/** A notice (or the community it would go to) as the policies see it. */
export interface NoticeResource extends RegionScope {
  status: 'draft' | 'published' | 'withdrawn';
  /** The caller's home community is the notice's. */
  resident: boolean;
}

const staffOver = (actor: Parameters<typeof hasStaffRoleOver>[0], scope: RegionScope) => hasStaffRoleOver(actor, ['committee', 'street', 'county'], scope);

/** Posting to a community and listing its notices. */
export const noticeCommunityPolicies = {
  'notices.post': (actor, c) => staffOver(actor, c),
  'notices.list': (actor, c) => staffOver(actor, c),
} satisfies PolicySet<RegionScope>;

/** What a user may do with one notice. */
export const noticePolicies = {
  'notices.view': (actor, n) => staffOver(actor, n) || (n.resident && n.status === 'published'),
  /** Staff over its community: runs it (each staff action also needs the notice in the right state). */
  'notices.manage': (actor, n) => staffOver(actor, n),
  'notices.update': (actor, n) => n.status === 'draft' && staffOver(actor, n),
  'notices.withdraw': (actor, n) => n.status === 'published' && staffOver(actor, n),
  'notices.readCounts': (actor, n) => staffOver(actor, n),
  'notices.dismiss': (_actor, n) => n.resident && n.status === 'published',
} satisfies PolicySet<NoticeResource>;
