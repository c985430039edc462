/**
 * One paged list (activities, my sign-ups, inbox) for a set of inputs: first page,
 * pull-to-refresh, load-more. New inputs start over; answers to superseded requests are dropped.
 * The same mechanics as useGroupList, for any `{ items, total, hasMore }` action.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './useAsync';

export interface Page<T> {
  items: T[];
  total: number;
  hasMore: boolean;
}

export interface PagedListState<T> {
  items: T[];
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
  /** Replaces one item in place (e.g. after an action answered with its new state). */
  setItems: (update: (items: T[]) => T[]) => void;
}

export interface PagedListOptions<T> {
  /** False waits (e.g. no community yet). */
  enabled?: boolean;
  pageSize?: number;
  /** Identity of an item, to keep ids unique when the list shifts between pages. */
  keyOf: (item: T) => string;
}

export function usePagedList<T>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
  deps: readonly unknown[],
  { enabled = true, pageSize = 10, keyOf }: PagedListOptions<T>,
): PagedListState<T> {
  const [items, setItemsState] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(enabled);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const generation = useRef(0);
  const busyMore = useRef(false);
  const canLoadMore = useRef(false);
  // The list as last set, so load-more knows its offset without waiting for a render.
  const itemsRef = useRef<T[]>([]);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const keyRef = useRef(keyOf);
  keyRef.current = keyOf;

  const show = (next: T[]) => {
    itemsRef.current = next;
    setItemsState(next);
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
      const page = await fetchRef.current(0, pageSize);
      if (mine !== generation.current) return;
      show(page.items);
      setTotal(page.total);
      setHasMore(page.hasMore);
      canLoadMore.current = page.hasMore;
    } catch (caught) {
      if (mine === generation.current) setError(errorMessage(caught));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [pageSize]);

  const loadMore = useCallback(async () => {
    if (busyMore.current || !canLoadMore.current) return;
    const mine = generation.current;
    busyMore.current = true;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await fetchRef.current(itemsRef.current.length, pageSize);
      if (mine !== generation.current) return;
      const seen = new Set(itemsRef.current.map((item) => keyRef.current(item)));
      show([...itemsRef.current, ...page.items.filter((item) => !seen.has(keyRef.current(item)))]);
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
  }, [pageSize]);

  const setItems = useCallback((update: (current: T[]) => T[]) => show(update(itemsRef.current)), []);

  useEffect(() => {
    if (enabled) void refresh();
    // `deps` are the fetcher's inputs; the fetcher itself is read through a ref.
  }, [enabled, refresh, ...deps]);

  useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );

  return { items, total, hasMore, loading, loadingMore, error, moreError, refresh, loadMore, setItems };
}
