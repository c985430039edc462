/**
 * One paged list (activities, my sign-ups, inbox) for a set of inputs, with a page size:
 * usePaged with the limit passed to the fetcher. New inputs start over.
 */
import { usePaged, type Page, type PagedState } from './usePaged';

export type { Page };
export type PagedListState<T> = PagedState<T>;

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
  return usePaged((offset) => fetchPage(offset, pageSize), keyOf, [...deps, pageSize], { enabled });
}
