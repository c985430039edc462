/**
 * The language the transport and the other services speak (error messages, the update
 * prompt). Services import no store (DESIGN §3: the transport imports no store): the settings
 * store hands its locale in here whenever it changes (src/stores/settings.ts), so the
 * arrow runs stores → services and never back.
 */
import { DEFAULT_LOCALE, type Locale } from '../locales';

let locale: Locale = DEFAULT_LOCALE;

/** Called by the settings store at start and on every change of language. */
export function setServiceLocale(next: Locale): void {
  locale = next;
}

/** The language of messages made outside React. */
export function serviceLocale(): Locale {
  return locale;
}
