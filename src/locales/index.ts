/** The two locales, typed message keys and `translate()`; zh-CN is the default. */
import en from './en';
import zhCN, { type Messages } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

/** Dot paths of every string leaf, e.g. 'home.search' | 'groupTypes.hub'. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<Messages>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

function lookup(catalog: Messages, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The message for `key` in `locale` (falling back to zh-CN), with `{name}` placeholders filled.
 * With `count: 1` a `<key>One` variant wins when the locale has one (English singulars).
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const singular = params?.count === 1 ? lookup(catalogs[locale], `${key}One`) : undefined;
  const template = singular ?? lookup(catalogs[locale], key) ?? lookup(catalogs[DEFAULT_LOCALE], key) ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Adds a subpackage's strings to a namespace of both catalogs. The types already know every
 * key; the strings of pages outside the main package load with their subpackage (see
 * src/package-volunteer/locale.ts), so the main package carries only what its pages show.
 */
export function registerCatalog(namespace: keyof Messages, strings: Record<Locale, object>): void {
  for (const locale of LOCALES) {
    const catalog = catalogs[locale] as unknown as Record<string, object>;
    catalog[namespace] = { ...catalog[namespace], ...strings[locale] };
  }
}

/** True when the catalog has `key` (for keys built at run time, e.g. field names from the server). */
export function hasMessage(key: string): key is MessageKey {
  return lookup(catalogs[DEFAULT_LOCALE], key) !== undefined;
}
