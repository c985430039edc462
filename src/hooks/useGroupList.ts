/**
 * One paged list of groups (groups.list) for a set of filters: usePaged over groups.list.
 * Changing the filters or the home community starts over.
 */
import { useRef } from 'react';
import type { NearPoint } from '../shared/schemas/activities';
import type { GroupArea, GroupCard, GroupType } from '../shared/schemas/groups';
import { call } from '../services/cloud';
import { usePaged, type PagedState } from './usePaged';

export const PAGE_SIZE = 10;

export interface GroupFilters {
  area: GroupArea;
  type: GroupType | null;
  q: string;
  /** Nearest first from this place; null: most members first. */
  near?: NearPoint | null;
}

export type GroupListState = PagedState<GroupCard>;

/**
 * `scope` is the home community the list belongs to (the server reads it from the account):
 * null waits (no community yet); a new value starts over.
 */
export function useGroupList(filters: GroupFilters, scope: string | null): GroupListState {
  // A nearest-first page answers how many groups have a place; the next page passes it back so
  // the server reads the ones without a place alongside (one round trip fewer past the boundary).
  const located = useRef<number | undefined>(undefined);
  const near = filters.near ?? null;
  const fetchPage = (offset: number) => {
    const query = filters.q.trim();
    const hint = near && offset > 0 && located.current !== undefined ? { located: located.current } : {};
    return call('groups.list', {
      area: filters.area,
      offset,
      limit: PAGE_SIZE,
      ...(filters.type ? { type: filters.type } : {}),
      ...(query ? { q: query } : {}),
      ...(near ? { near } : {}),
      ...hint,
    }).then((page) => {
      located.current = page.located;
      return page;
    });
  };
  return usePaged(fetchPage, (group) => group.id, [scope, filters.area, filters.type, filters.q, near?.latitude, near?.longitude], { enabled: scope !== null });
}
