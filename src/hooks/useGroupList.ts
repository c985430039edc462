/**
 * One paged list of groups (groups.list) for a set of filters: usePaged over groups.list.
 * Changing the filters or the home community starts over.
 */
import type { GroupArea, GroupCard, GroupType } from '../shared/schemas/groups';
import { call } from '../services/cloud';
import { usePaged, type PagedState } from './usePaged';

export const PAGE_SIZE = 10;

export interface GroupFilters {
  area: GroupArea;
  type: GroupType | null;
  q: string;
}

export type GroupListState = PagedState<GroupCard>;

/**
 * `scope` is the home community the list belongs to (the server reads it from the account):
 * null waits (no community yet); a new value starts over.
 */
export function useGroupList(filters: GroupFilters, scope: string | null): GroupListState {
  const fetchPage = (offset: number) => {
    const query = filters.q.trim();
    return call('groups.list', { area: filters.area, offset, limit: PAGE_SIZE, ...(filters.type ? { type: filters.type } : {}), ...(query ? { q: query } : {}) });
  };
  return usePaged(fetchPage, (group) => group.id, [scope, filters.area, filters.type, filters.q], { enabled: scope !== null });
}
