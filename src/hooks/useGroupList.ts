/**
 * One paged list of groups (groups.list) for a set of filters: first page, pull-to-refresh,
 * load-more. Changing the filters starts over; answers to superseded requests are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GroupArea, GroupCard, GroupType } from '../shared/schemas/groups';
import { call } from '../services/cloud';
import { errorMessage } from './useAsync';

export const PAGE_SIZE = 10;

export interface GroupFilters {
  area: GroupArea;
  type: GroupType | null;
  q: string;
}

export interface GroupListState {
  items: GroupCard[];
  total: number;
  hasMore: boolean;
  /** First page (or a refresh) in flight. */
  loading: boolean;
  loadingMore: boolean;
  /** The first page failed: the list shows the error state. */
  error: string | null;
  /** A later page failed: the footer offers to try again. */
  moreError: string | null;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
}

/**
 * `scope` is the home community the list belongs to (the server reads it from the account):
 * null waits (no community yet); a new value starts over.
 */
export function useGroupList(filters: GroupFilters, scope: string | null): GroupListState {
  const enabled = scope !== null;
  const [items, setItems] = useState<GroupCard[]>([]);
  const [total, setTotal] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(enabled);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const generation = useRef(0);
  const busyMore = useRef(false);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  // The list as last rendered, so load-more knows its offset without waiting for a render.
  const itemsRef = useRef<GroupCard[]>([]);
  // Load-more is only meaningful after a first page that said there is more.
  const canLoadMore = useRef(false);

  const fetchPage = (offset: number) => {
    const { area, type, q } = filtersRef.current;
    const query = q.trim();
    return call('groups.list', { area, offset, limit: PAGE_SIZE, ...(type ? { type } : {}), ...(query ? { q: query } : {}) });
  };

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    busyMore.current = false;
    canLoadMore.current = false;
    setLoading(true);
    setLoadingMore(false);
    setError(null);
    setMoreError(null);
    try {
      const page = await fetchPage(0);
      if (mine !== generation.current) return;
      itemsRef.current = page.items;
      setItems(page.items);
      setTotal(page.total);
      setHasMore(page.hasMore);
      canLoadMore.current = page.hasMore;
    } catch (caught) {
      if (mine === generation.current) setError(errorMessage(caught));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  const loadMore = useCallback(async () => {
    if (busyMore.current || !canLoadMore.current) return;
    const mine = generation.current;
    busyMore.current = true;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchPage(itemsRef.current.length);
      if (mine !== generation.current) return;
      // A group can shift between pages while paging (a new group): keep ids unique.
      const seen = new Set(itemsRef.current.map((g) => g.id));
      itemsRef.current = [...itemsRef.current, ...page.items.filter((g) => !seen.has(g.id))];
      setItems(itemsRef.current);
      setTotal(page.total);
      setHasMore(page.hasMore);
      canLoadMore.current = page.hasMore;
    } catch (caught) {
      if (mine === generation.current) setMoreError(errorMessage(caught));
    } finally {
      if (mine === generation.current) {
        busyMore.current = false;
        setLoadingMore(false);
      }
    }
  }, []);

  useEffect(() => {
    if (enabled) void refresh();
  }, [enabled, refresh, scope, filters.area, filters.type, filters.q]);

  useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );

  return { items, total, hasMore, loading, loadingMore, error, moreError, refresh, loadMore };
}
