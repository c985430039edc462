/**
 * The whole catalogue as data: every case by its reason, and its text in a locale. The app
 * (services/cloud.ts), the codemod and the tests use it; functions import their groups from
 * ./index only, so this table of every group stays out of their bundles (300 KB budget).
 */
import type { ErrorParams } from '../errors';
import { fillParams, type ErrorCase } from './defineErrors';
import * as errorGroups from './index';

/** One catalogue entry: the group's export name, the factory's key, its reason and its case. */
export interface CatalogueEntry {
  group: string;
  key: string;
  reason: string;
  errorCase: ErrorCase;
}

/** Every case of every group, in declaration order. */
export const catalogueEntries: readonly CatalogueEntry[] = Object.entries(errorGroups).flatMap(([group, factories]) =>
  Object.entries(factories as Record<string, { reason: string; errorCase: ErrorCase }>).map(([key, factory]) => ({ group, key, reason: factory.reason, errorCase: factory.errorCase })),
);

const byReason = new Map(catalogueEntries.map((entry) => [entry.reason, entry.errorCase]));

/** The case behind a reason from the wire, or undefined for one this build does not know. */
export function errorCaseOf(reason: string): ErrorCase | undefined {
  return byReason.get(reason);
}

/** The two languages the catalogue speaks (the app's locales). */
export type ErrorLocale = 'zh-CN' | 'en';

/**
 * The text of a case in `locale`: the message, or with `field: true` the text of the issue of a
 * case that blames a field. Undefined when the reason is unknown.
 */
export function errorTextOf(reason: string, locale: ErrorLocale, params?: ErrorParams, options: { field?: boolean } = {}): string | undefined {
  const errorCase = byReason.get(reason);
  if (!errorCase) return undefined;
  const field = options.field ? errorCase.field : undefined;
  const template = locale === 'en' ? (field?.en ?? errorCase.en) : (field?.zh ?? errorCase.zh);
  return fillParams(template, params);
}
