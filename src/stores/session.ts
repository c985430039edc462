/**
 * The signed-in account (account.me), cached for every page; pages refresh it when they need
 * to. `membershipVersion` counts joins and leaves, so lists shown earlier know to reload.
 */
import type { AccountMeOutput } from '../shared/schemas/account';
import type { Locale } from '../locales';
import { call, hasSession, isClientError, messageFor, signOut as endSession } from '../services/cloud';
import { createStore } from './createStore';
import { currentLocale } from './settings';

export interface SessionState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  me: AccountMeOutput | null;
  error: string | null;
}

export const sessionStore = createStore<SessionState>({ status: 'idle', me: null, error: null });

let inflight: Promise<AccountMeOutput | null> | null = null;

/** Loads account.me once (or again with `force`); concurrent callers share one request. */
export function loadAccount(force = false): Promise<AccountMeOutput | null> {
  const state = sessionStore.get();
  if (!force && state.status === 'ready') return Promise.resolve(state.me);
  if (inflight) return inflight;
  sessionStore.set((s) => ({ ...s, status: 'loading', error: null }));
  inflight = call('account.me', {})
    .then((me) => {
      sessionStore.set({ status: 'ready', me, error: null });
      // The language in use on this device is hers: the server writes her notices in it.
      if (me.account.locale && me.account.locale !== currentLocale()) void saveLanguage(currentLocale());
      return me;
    })
    .catch((error: unknown) => {
      const message = isClientError(error) ? error.message : messageFor('INTERNAL');
      sessionStore.set((s) => ({ ...s, status: 'error', error: message }));
      return null;
    })
    .finally(() => {
      inflight = null;
    });
  return inflight;
}

/**
 * Tells the server the language she picked (users.locale), so the notices it writes — in the
 * inbox and on her phone — are in that language. Never in her way: a failure is retried the
 * next time the account loads.
 */
export async function saveLanguage(locale: Locale): Promise<void> {
  if (!hasSession()) return;
  try {
    setAccount(await call('account.updateProfile', { locale }));
  } catch {
    // The device keeps her choice; loadAccount sends it again next time.
  }
}

/** Stores the account a mutation answered with (account.updateProfile). */
export function setAccount(me: AccountMeOutput): void {
  sessionStore.set({ status: 'ready', me, error: null });
}

/** Forgets the account and the H5 token. */
export function resetSession(): void {
  endSession();
  sessionStore.set({ status: 'idle', me: null, error: null });
}

export const membershipVersion = createStore(0);

/** Call after a join or leave succeeded. */
export function membershipsChanged(): void {
  membershipVersion.set((v) => v + 1);
}
