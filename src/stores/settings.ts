/** Language and elderly-friendly mode (适老化), persisted in Taro storage. */
import { DEFAULT_LOCALE, isLocale, type Locale } from '../locales';
import { setServiceLocale } from '../services/locale';
import { readStorage, STORAGE_KEYS, writeStorage } from '../utils/storage';
import { createStore } from './createStore';

export interface Settings {
  locale: Locale;
  elderly: boolean;
  /** Whether large text was offered on first run (answered either way, or switched by hand). */
  elderlyOffered: boolean;
}

function loadSettings(): Settings {
  const locale = readStorage(STORAGE_KEYS.locale);
  const elderly = readStorage(STORAGE_KEYS.elderly);
  const offered = readStorage(STORAGE_KEYS.elderlyOffered);
  const isTrue = (value: unknown) => value === true || value === 'true';
  return { locale: isLocale(locale) ? locale : DEFAULT_LOCALE, elderly: isTrue(elderly), elderlyOffered: isTrue(offered) || elderly !== undefined };
}

export const settingsStore = createStore<Settings>(loadSettings());

// The services (transport errors, update prompt) speak the chosen language; they import no
// store, so the store tells them (DESIGN §3).
setServiceLocale(settingsStore.get().locale);
settingsStore.subscribe(() => setServiceLocale(settingsStore.get().locale));

export function setLocale(locale: Locale): void {
  writeStorage(STORAGE_KEYS.locale, locale);
  settingsStore.set((s) => (s.locale === locale ? s : { ...s, locale }));
}

/** Switches elderly mode; whoever switches it has met it, so the first-run offer is not shown again. */
export function setElderly(elderly: boolean): void {
  writeStorage(STORAGE_KEYS.elderly, elderly);
  writeStorage(STORAGE_KEYS.elderlyOffered, true);
  settingsStore.set((s) => (s.elderly === elderly && s.elderlyOffered ? s : { ...s, elderly, elderlyOffered: true }));
}

/** The current locale, for code outside React (the transport's error messages). */
export function currentLocale(): Locale {
  return settingsStore.get().locale;
}

/** Re-reads storage (tests, and a sign-out that clears it). */
export function reloadSettings(): void {
  settingsStore.set(loadSettings());
}
