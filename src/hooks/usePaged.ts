/**
 * The one paging mechanism of the app (`{ items, total, hasMore }` pages by offset): first page,
 * refresh, load more, local edits (`setItems`). Answers to superseded requests are dropped, and
 * items are de-duplicated by key when rows shift between pages. usePagedList and useGroupList
 * are thin shapes of it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './useAsync';

export interface Page<T> {
  items: T[];
  total: number;
  hasMore: boolean;
}

export interface PagedState<T> {
  items: T[];
  total: number;
  hasMore: boolean;
  /** The first page (or a refresh) is in flight. */
  loading: boolean;
  loadingMore: boolean;
  /** The first page failed. */
  error: string | null;
  /** A later page failed; the footer offers to try again. */
  moreError: string | null;
  /** True once a first page arrived. */
  loaded: boolean;
  refresh: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** Replaces the items, or updates them in place (the total moves by the difference in count). */
  setItems: (items: T[] | ((current: T[]) => T[])) => void;
}

export function usePaged<T>(
  fetchPage: (offset: number) => Promise<Page<T>>,
  keyOf: (item: T) => string,
  deps: readonly unknown[],
  options: { enabled?: boolean } = {},
): PagedState<T> {
  const enabled = options.enabled ?? true;
  const [items, setItemsState] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(enabled);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const generation = useRef(0);
  const busyMore = useRef(false);
  const itemsRef = useRef<T[]>([]);
  const canLoadMore = useRef(false);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const keyRef = useRef(keyOf);
  keyRef.current = keyOf;

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    busyMore.current = false;
    canLoadMore.current = false;
    setLoading(true);
    setLoadingMore(false);
    setError(null);
    setMoreError(null);
    try {
      const page = await fetchRef.current(0);
      if (mine !== generation.current) return;
      itemsRef.current = page.items;
      setItemsState(page.items);
      setTotal(page.total);
      setHasMore(page.hasMore);
      setLoaded(true);
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
      const page = await fetchRef.current(itemsRef.current.length);
      if (mine !== generation.current) return;
      const seen = new Set(itemsRef.current.map((item) => keyRef.current(item)));
      itemsRef.current = [...itemsRef.current, ...page.items.filter((item) => !seen.has(keyRef.current(item)))];
      setItemsState(itemsRef.current);
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

  const setItems = useCallback((update: T[] | ((current: T[]) => T[])) => {
    const next = typeof update === 'function' ? update(itemsRef.current) : update;
    setTotal((current) => Math.max(0, current + next.length - itemsRef.current.length));
    itemsRef.current = next;
    setItemsState(next);
  }, []);

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

  return { items, total, hasMore, loading, loadingMore, error, moreError, loaded, refresh, loadMore, setItems };
}
