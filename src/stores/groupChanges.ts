/**
 * A version number per group, bumped by the leader and staff pages after they change a group
 * (a post, a member, an edit, a review), so the group page opened underneath reloads when it
 * is shown again instead of showing what it loaded before.
 */
import { createStore } from './createStore';

export const groupVersions = createStore<Readonly<Record<string, number>>>({});

/** Call after a mutation of `groupId` succeeded. */
export function groupChanged(groupId: string): void {
  groupVersions.set((versions) => ({ ...versions, [groupId]: (versions[groupId] ?? 0) + 1 }));
}

/** The current version of one group (0 until it changes). */
export function groupVersion(groupId: string): number {
  return groupVersions.get()[groupId] ?? 0;
}
