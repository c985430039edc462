/**
 * The roster's data: one paged list per section (signups.roster answers one section a page, as
 * a popular activity has thousands of sign-ups) and the counts by status over the whole
 * activity, which every page carries. A leader's change moves the person between sections here,
 * without reloading the pages she has already scrolled through.
 */
import { useCallback, useRef, useState } from 'react';
import type { OutputOf } from '../../shared/api/contract';
import { ROSTER_SECTIONS, type RosterSection } from '../../shared/schemas/signups';
import type { SignupStatus } from '../../shared/schemas/activities';
import { call } from '../../services/cloud';
import { usePaged, type PagedState } from '../../hooks/usePaged';

export type RosterEntry = OutputOf<'signups.roster'>['items'][number];
export type RosterCounts = OutputOf<'signups.roster'>['counts'];

/** People per page: enough for a small activity at once, small enough for a slow phone. */
export const ROSTER_PAGE = 50;

/** The sections in the order a leader works through them on the day. */
export const SECTION_ORDER: readonly RosterSection[] = ['pending', 'confirmed', 'waiting', 'other'];

/** The section a status is listed in. */
export function sectionOf(status: SignupStatus): RosterSection {
  return SECTION_ORDER.find((section) => ROSTER_SECTIONS[section].includes(status)) ?? 'other';
}

/** How many people a section has over the whole activity. */
export function sectionTotal(counts: RosterCounts, section: RosterSection): number {
  return ROSTER_SECTIONS[section].reduce((sum, status) => sum + (counts[status] ?? 0), 0);
}

export interface RosterData {
  sections: Record<RosterSection, PagedState<RosterEntry>>;
  /** The latest counts the server answered (adjusted at once by the leader's own changes). */
  counts: RosterCounts | null;
  /** The first pages are in flight. */
  loading: boolean;
  /** A first page failed. */
  error: string | null;
  /** Every section has its first page. */
  loaded: boolean;
  refresh: () => Promise<void>;
  /** Asks the server for the counts again (after a change that moved seats). */
  refreshCounts: () => Promise<void>;
  /** Shows a changed entry: in place, or moved to the section its new status belongs to. */
  apply: (before: RosterEntry, after: RosterEntry) => void;
}

const keyOf = (entry: RosterEntry) => entry.userId;

export function useRoster(activityId: string): RosterData {
  const [counts, setCounts] = useState<RosterCounts | null>(null);
  // Pages answer in any order; the counts of the most recently asked one win.
  const asked = useRef(0);
  const shown = useRef(0);
  const enabled = activityId !== '';

  const fetchPage = useCallback(
    async (section: RosterSection, offset: number, limit = ROSTER_PAGE) => {
      const ticket = ++asked.current;
      const page = await call('signups.roster', { activityId, section, offset, limit });
      if (ticket > shown.current) {
        shown.current = ticket;
        setCounts(page.counts);
      }
      return page;
    },
    [activityId],
  );

  // Four fixed calls (not a loop), so the hooks keep their order.
  const pending = usePaged((offset) => fetchPage('pending', offset), keyOf, [activityId], { enabled });
  const confirmed = usePaged((offset) => fetchPage('confirmed', offset), keyOf, [activityId], { enabled });
  const waiting = usePaged((offset) => fetchPage('waiting', offset), keyOf, [activityId], { enabled });
  const other = usePaged((offset) => fetchPage('other', offset), keyOf, [activityId], { enabled });
  const sections: Record<RosterSection, PagedState<RosterEntry>> = { pending, confirmed, waiting, other };
  const all = [pending, confirmed, waiting, other];

  const refresh = async () => {
    await Promise.all(all.map((section) => section.refresh()));
  };

  const refreshCounts = async () => {
    // Every roster page carries the counts: a one-person page of the shortest section asks for
    // them most cheaply. A failure leaves the adjusted counts up; the next page corrects them.
    await fetchPage('pending', 0, 1).catch(() => undefined);
  };

  const apply = (before: RosterEntry, after: RosterEntry) => {
    const from = SECTION_ORDER.find((section) => sections[section].items.some((item) => item.userId === after.userId)) ?? sectionOf(before.status);
    const to = sectionOf(after.status);
    if (from === to) {
      sections[from].setItems((items) => items.map((item) => (item.userId === after.userId ? after : item)));
    } else {
      sections[from].setItems((items) => items.filter((item) => item.userId !== after.userId));
      // Only a fully loaded section takes the person at its end: in a partly loaded one she may
      // belong on a later page, and appending her would shift the offsets of "load more".
      if (!sections[to].hasMore) sections[to].setItems((items) => [...items, after]);
    }
    if (before.status !== after.status) {
      setCounts((current) => (current ? { ...current, [before.status]: Math.max(0, (current[before.status] ?? 0) - 1), [after.status]: (current[after.status] ?? 0) + 1 } : current));
    }
  };

  return {
    sections,
    counts,
    loading: all.some((section) => section.loading),
    error: all.find((section) => section.error !== null)?.error ?? null,
    loaded: all.every((section) => section.loaded),
    refresh,
    refreshCounts,
    apply,
  };
}
