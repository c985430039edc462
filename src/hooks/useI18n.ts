import { useCallback } from 'react';
import { translate, type Locale, type MessageKey, type MessageParams, type Translate } from '../locales';
import { settingsStore, type Settings } from '../stores/settings';
import { useStore } from '../stores/createStore';

/** The current settings (language, elderly mode); re-renders when they change. */
export function useSettings(): Settings {
  return useStore(settingsStore);
}

/** `t(key, params)` in the current language. */
export function useI18n(): { t: Translate; locale: Locale } {
  const { locale } = useSettings();
  const t = useCallback((key: MessageKey, params?: MessageParams) => translate(locale, key, params), [locale]);
  return { t, locale };
}
